package org.aipo.expert;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember.Relationship.Kind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an expert-pool CSV (UTF-8, comma-separated, optional double quotes; Apache Commons CSV):
 * <pre>
 * userId,name,organisation,fields,relationships
 * zhang-wei,张伟,复旦大学,intelligent-manufacturing;robotics,RECENT_COLLABORATOR:ACME AI Co.
 * </pre>
 * {@code fields} and {@code relationships} hold several values separated by {@code ;}; a relationship is
 * {@code KIND:organisation} with KIND one of RECENT_COLLABORATOR, RELATIVE, RELATED_COMPANY. Every row is
 * checked and every problem reported with its row (the line the record starts on) and column; the caller
 * stores nothing unless there is no problem at all. A quoted value may hold commas, doubled quotes and line breaks.
 */
public final class ExpertCsv {

  public static final List<String> HEADER = List.of("userId", "name", "organisation", "fields", "relationships");
  public static final int MAX_ROWS = 5000;

  /** A problem in the file: 1-based row (the header is row 1), the column's name, what is wrong. */
  public record RowError(int row, String column, String message) {
  }

  /** The experts of a file without problems, each with the row it was read from ({@code rows}, same order). */
  public record Result(List<Expert> experts, List<RowError> errors, List<Integer> rows) {

    public Result(List<Expert> experts, List<RowError> errors) {
      this(experts, errors, List.of());
    }

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * RFC 4180 as spreadsheets write it: commas separate, double quotes enclose (a value may then hold commas and
   * line breaks), "" is a quote inside quotes; text after a closing quote is kept. Empty lines reach the loop,
   * which skips them, so that the parser's line count stays the file's.
   */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrailingData(true).get();

  private ExpertCsv() {
  }

  public static Result read(String content) {
    List<RowError> errors = new ArrayList<>();
    List<Expert> experts = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content.replace("\uFEFF", ""))).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      long linesRead;
      List<String> header;
      try {
        CSVRecord first = records.hasNext() ? records.next() : null;
        if (first == null || blank(first)) {
          return new Result(List.of(), List.of(new RowError(1, null, "the file is empty; expected the header " + String.join(",", HEADER))));
        }
        header = first.stream().map(String::trim).toList();
        linesRead = parser.getCurrentLineNumber();
      } catch (UncheckedIOException e) {
        return new Result(List.of(), List.of(new RowError(1, null, problem(e))));
      }
      if (!header.equals(HEADER)) {
        return new Result(List.of(), List.of(new RowError(1, null, "the header must be " + String.join(",", HEADER) + ", not " + String.join(",", header))));
      }
      Set<String> seenUsers = new HashSet<>();
      int dataRows = 0;
      while (true) {
        // a record's row is the line it starts on: a quoted value may span lines
        int row = Math.toIntExact(linesRead + 1);
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          // the parser cannot go on after a malformed record (an unclosed quote runs to the end of the file)
          errors.add(new RowError(row, null, problem(e)));
          break;
        }
        linesRead = parser.getCurrentLineNumber();
        if (blank(record)) {
          continue;
        }
        if (++dataRows > MAX_ROWS) {
          errors.add(new RowError(row, null, "more than " + MAX_ROWS + " rows; split the file"));
          break;
        }
        if (record.size() != HEADER.size()) {
          errors.add(new RowError(row, null, "expected " + HEADER.size() + " columns, found " + record.size()));
          continue;
        }
        Expert expert = parseRow(row, record.toList(), errors);
        if (expert != null) {
          if (!seenUsers.add(expert.getUserId())) {
            errors.add(new RowError(row, "userId", "userId " + expert.getUserId() + " appears twice in the file"));
          } else {
            experts.add(expert);
            rows.add(row);
          }
        }
      }
      if (dataRows == 0 && errors.isEmpty()) {
        errors.add(new RowError(2, null, "no expert rows below the header"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a CSV from a string", e);
    }
    return new Result(errors.isEmpty() ? List.copyOf(experts) : List.of(), List.copyOf(errors), errors.isEmpty() ? List.copyOf(rows) : List.of());
  }

  /** An empty or blank line (the parser gives it as one blank value): skipped, as before the header it means an empty file. */
  private static boolean blank(CSVRecord record) {
    return record.size() == 1 && record.get(0).isBlank();
  }

  /** What is wrong, in the words the import has always used (the parser's own message otherwise). */
  private static String problem(UncheckedIOException e) {
    String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted value is not closed";
    }
    return message.replaceFirst("^\\(startline \\d+\\) |^\\(line \\d+\\) ", "");
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
}
