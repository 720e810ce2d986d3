package org.aipo.expert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aipo.common.DomainException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The expert pool from a spreadsheet (issue 28): the first sheet of an .xlsx file, the same columns as the CSV import
 * ({@link ExpertCsv#HEADER}), turned into that CSV row for row (an empty row stays an empty line), so that one reader
 * checks both and a problem's row number is the spreadsheet's. Also the Chinese of the reader's row problems.
 */
public final class ExpertXlsx {

  private ExpertXlsx() {
  }

  /** The first sheet as CSV text; a file that is no .xlsx is 400 naming {@code file}. */
  public static String toCsv(byte[] xlsx) {
    StringBuilder csv = new StringBuilder();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      int line = 1;
      int width = -1;
      for (Row row : (Iterable<Row>) workbook.getFirstSheet().openStream()::iterator) {
        for (; line < row.getRowNum(); line++) {
          csv.append("\r\n");
        }
        int last = row.getCellCount();
        while (last > 0 && text(row.getCell(last - 1)).isBlank()) {
          last--;
        }
        if (width < 0) {
          // the header row sets the width: a data row's empty cells at the end are empty values, not missing columns
          width = last;
        }
        int columns = last == 0 ? 0 : Math.max(last, width);
        for (int c = 0; c < columns; c++) {
          csv.append(c == 0 ? "" : ",").append('"').append(c < row.getCellCount() ? text(row.getCell(c)) : "".replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
        line++;
        if (line > ExpertCsv.MAX_ROWS + 100) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw DomainException.badInput("expert.xlsx-unreadable", "file", "不是可读取的 .xlsx 文件", "file: not a readable .xlsx file");
    }
    return csv.toString();
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getRawValue() == null) {
      return "";
    }
    if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
      return cell.asNumber().stripTrailingZeros().toPlainString();
    }
    return cell.getText() == null ? "" : cell.getText();
  }

  private static final List<String[]> ZH = List.of(
      new String[] {"^the file is empty; expected the header (.*)$", "文件为空；应以表头 $1 开始"},
      new String[] {"^the header must be (.*), not (.*)$", "表头须为 $1，而不是 $2"},
      new String[] {"^more than (\\d+) rows; split the file$", "超过 $1 行，请拆分文件"},
      new String[] {"^expected (\\d+) columns, found (\\d+)$", "应有 $1 列，实有 $2 列"},
      new String[] {"^userId (.*) appears twice in the file$", "userId $1 在文件中出现两次"},
      new String[] {"^no expert rows below the header$", "表头下没有专家行"},
      new String[] {"^unknown field '(.*)'$", "未知领域“$1”"},
      new String[] {"^at least one field is required$", "至少须有一个领域"},
      new String[] {"^'(.*)' is not KIND:organisation$", "“$1”不是“关系类型:单位”的格式"},
      new String[] {"^'(.*)' is not one of (.*)$", "“$1”不是 $2 之一"},
      new String[] {"^an expert with userId (.*) is already in the pool$", "userId 为 $1 的专家已在库中"},
      new String[] {"^a quoted value is not closed$", "引号未闭合"});

  /** The Chinese of a row problem of {@link ExpertCsv} (the English itself when it has none). */
  public static String zh(String en) {
    if (en == null) {
      return null;
    }
    for (String[] rule : ZH) {
      Matcher m = Pattern.compile(rule[0]).matcher(en);
      if (m.find()) {
        return m.replaceFirst(rule[1]);
      }
    }
    return en.toLowerCase(Locale.ROOT).contains("required") ? "必填项缺失：" + en : en;
  }
}
