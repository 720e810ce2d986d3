package org.aipo.expert;

import org.aipo.common.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.aipo.expert.PoolMember.Relationship.Kind;

/**
 * Reads an expert-pool CSV (UTF-8, comma-separated, optional double quotes):
 * <pre>
 * userId,name,organisation,fields,relationships
 * zhang-wei,张伟,复旦大学,intelligent-manufacturing;robotics,RECENT_COLLABORATOR:ACME AI Co.
 * </pre>
 * {@code fields} and {@code relationships} hold several values separated by {@code ;}; a relationship is
 * {@code KIND:organisation} with KIND one of RECENT_COLLABORATOR, RELATIVE, RELATED_COMPANY. Every row is
 * checked and every problem reported with its row and column; the caller stores nothing unless there is
 * no problem at all.
 */
public final class ExpertCsv {

  public static final List<String> HEADER = List.of("userId", "name", "organisation", "fields", "relationships");
  public static final int MAX_ROWS = 5000;

  /** A problem in the file: 1-based row (the header is row 1), the column's name, what is wrong. */
  public record RowError(int row, String column, String message) {
  }

  public record Result(List<Expert> experts, List<RowError> errors) {

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private ExpertCsv() {
  }

  public static Result read(String content) {
    List<RowError> errors = new ArrayList<>();
    List<Expert> experts = new ArrayList<>();
    String[] lines = content.replace("\uFEFF", "").split("\r?\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      return new Result(List.of(), List.of(new RowError(1, null, "the file is empty; expected the header " + String.join(",", HEADER))));
    }
    List<String> header;
    try {
      header = split(lines[0]).stream().map(String::trim).toList();
    } catch (IllegalArgumentException e) {
      return new Result(List.of(), List.of(new RowError(1, null, e.getMessage())));
    }
    if (!header.equals(HEADER)) {
      return new Result(List.of(), List.of(new RowError(1, null, "the header must be " + String.join(",", HEADER) + ", not " + String.join(",", header))));
    }
    Set<String> seenUsers = new HashSet<>();
    int dataRows = 0;
    for (int i = 1; i < lines.length; i++) {
      int row = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      if (++dataRows > MAX_ROWS) {
        errors.add(new RowError(row, null, "more than " + MAX_ROWS + " rows; split the file"));
        break;
      }
      List<String> cells;
      try {
        cells = split(lines[i]);
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(row, null, e.getMessage()));
        continue;
      }
      if (cells.size() != HEADER.size()) {
        errors.add(new RowError(row, null, "expected " + HEADER.size() + " columns, found " + cells.size()));
        continue;
      }
      Expert expert = parseRow(row, cells, errors);
      if (expert != null) {
        if (!seenUsers.add(expert.getUserId())) {
          errors.add(new RowError(row, "userId", "userId " + expert.getUserId() + " appears twice in the file"));
        } else {
          experts.add(expert);
        }
      }
    }
    if (dataRows == 0 && errors.isEmpty()) {
      errors.add(new RowError(2, null, "no expert rows below the header"));
    }
    return new Result(errors.isEmpty() ? List.copyOf(experts) : List.of(), List.copyOf(errors));
  }

  private static Expert parseRow(int row, List<String> cells, List<RowError> errors) {
    int before = errors.size();
    Set<String> fields = new LinkedHashSet<>();
    for (String field : values(cells.get(3))) {
      if (Fields.isKnown(field)) {
        fields.add(field);
      } else {
        errors.add(new RowError(row, "fields", "unknown field '" + field + "'"));
      }
    }
    if (fields.isEmpty() && errors.size() == before) {
      errors.add(new RowError(row, "fields", "at least one field is required"));
    }
    List<DeclaredRelationship> relationships = new ArrayList<>();
    for (String value : values(cells.get(4))) {
      int colon = value.indexOf(':');
      if (colon < 0) {
        errors.add(new RowError(row, "relationships", "'" + value + "' is not KIND:organisation"));
        continue;
      }
      String kind = value.substring(0, colon).trim().toUpperCase(Locale.ROOT);
      try {
        relationships.add(new DeclaredRelationship(value.substring(colon + 1), Kind.valueOf(kind)));
      } catch (IllegalArgumentException | DomainException e) {
        errors.add(new RowError(row, "relationships", "'" + kind + "' is not one of " + Arrays.toString(Kind.values())
            + (e.getMessage() != null && e.getMessage().contains("organisation") ? " or the organisation is missing" : "")));
      }
    }
    Expert expert = null;
    try {
      expert = new Expert(cells.get(0).trim(), cells.get(1), cells.get(2), fields.isEmpty() ? Set.of(Fields.codes().iterator().next()) : fields);
    } catch (IllegalArgumentException | DomainException e) {
      String message = e.getMessage();
      String column = HEADER.stream().filter(message::startsWith).findFirst().orElse(null);
      errors.add(new RowError(row, column, message));
    }
    if (errors.size() > before) {
      return null;
    }
    relationships.forEach(expert::declare);
    return expert;
  }

  private static List<String> values(String cell) {
    return Arrays.stream(cell.split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** Splits one CSV line: commas separate, double quotes enclose, "" is a quote inside quotes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted value is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }
}
