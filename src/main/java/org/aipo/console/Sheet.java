package org.aipo.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.aipo.common.DomainException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table the office downloads (issue 28, ADR 0022): Chinese headers (with the English in brackets), then the rows;
 * written as .xlsx (FastExcel: numbers stay numbers, the header row bold and frozen) or as CSV in UTF-8 with a byte
 * order mark, so that Excel opens the Chinese right. A cell beginning with =, +, - or @ is written as text with a
 * leading apostrophe in CSV, so that a spreadsheet never runs an applicant's text as a formula.
 */
public record Sheet(String name, List<String> headers, List<List<Object>> rows) {

  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String CSV_TYPE = "text/csv";

  public enum Format {
    XLSX("xlsx", XLSX_TYPE),
    CSV("csv", CSV_TYPE + "; charset=UTF-8");

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    public String extension() {
      return extension;
    }

    public String mediaType() {
      return mediaType;
    }

    /** xlsx (the default) or csv; anything else is 400 naming {@code format}. */
    public static Format parse(String value) {
      if (value == null || value.isBlank()) {
        return XLSX;
      }
      for (Format format : values()) {
        if (format.extension.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      throw DomainException.badInput("console.export-format", "format", "format 须为 xlsx 或 csv，而不是 " + value,
          "format must be xlsx or csv, not " + value);
    }
  }

  public byte[] write(Format format) {
    return format == Format.XLSX ? xlsx() : csv();
  }

  byte[] xlsx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "AI Programme Office", "1.0");
      Worksheet sheet = workbook.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
      for (int c = 0; c < headers.size(); c++) {
        sheet.value(0, c, headers.get(c));
        sheet.style(0, c).bold().set();
        sheet.width(c, Math.min(60, Math.max(12, headers.get(c).length() * 1.6)));
      }
      sheet.freezePane(0, 1);
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof BigDecimal number) {
            sheet.value(r + 1, c, number);
          } else if (value instanceof Number number) {
            sheet.value(r + 1, c, number);
          } else if (value instanceof Boolean flag) {
            sheet.value(r + 1, c, flag);
          } else if (value != null) {
            sheet.value(r + 1, c, value.toString());
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  byte[] csv() {
    StringBuilder csv = new StringBuilder("\uFEFF");
    line(csv, headers.stream().map(h -> (Object) h).toList());
    rows.forEach(row -> line(csv, row));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<Object> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(c)));
    }
    csv.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
