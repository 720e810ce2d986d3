package org.aipo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.aipo.common.DomainException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class SheetTest {

  private final Sheet sheet = new Sheet("排名 Ranking", List.of("项目名称 (Title)", "总分 (Score)", "排名 (Rank)"),
      List.of(List.of("柔性装配, 二期", new BigDecimal("87.50"), 1), List.of("=HYPERLINK(\"x\")", new BigDecimal("80"), 2), List.of("", "", "")));

  @Test
  void xlsxHasTheChineseHeadersAndNumbersAsNumbers() throws Exception {
    byte[] xlsx = sheet.write(Sheet.Format.XLSX);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("项目名称 (Title)");
      assertThat(rows.get(0).getCellText(1)).isEqualTo("总分 (Score)");
      assertThat(rows.get(1).getCellText(0)).isEqualTo("柔性装配, 二期");
      assertThat(rows.get(1).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("87.5");
      assertThat(rows.get(1).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("1");
      assertThat(rows.get(2).getCellText(0)).as("text stays text in .xlsx").isEqualTo("=HYPERLINK(\"x\")");
      assertThat(workbook.getFirstSheet().getName()).isEqualTo("排名 Ranking");
    }
  }

  @Test
  void csvHasAByteOrderMarkQuotesAndNoFormulas() {
    byte[] csv = sheet.write(Sheet.Format.CSV);
    assertThat(csv[0] & 0xff).isEqualTo(0xEF);
    assertThat(csv[1] & 0xff).isEqualTo(0xBB);
    assertThat(csv[2] & 0xff).isEqualTo(0xBF);
    String text = new String(csv, StandardCharsets.UTF_8).substring(1);
    assertThat(text.split("\r\n")).containsExactly("项目名称 (Title),总分 (Score),排名 (Rank)", "\"柔性装配, 二期\",87.50,1",
        "\"'=HYPERLINK(\"\"x\"\")\",80,2", ",,");
  }

  @Test
  void theFormatIsXlsxOrCsvElseABadRequestNamingFormat() {
    assertThat(Sheet.Format.parse(null)).isEqualTo(Sheet.Format.XLSX);
    assertThat(Sheet.Format.parse("CSV")).isEqualTo(Sheet.Format.CSV);
    assertThatThrownBy(() -> Sheet.Format.parse("pdf")).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.field()).isEqualTo("format");
      assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_INPUT);
    });
  }

  @Test
  void bulkKindsNeedingAJudgementAreRefusedNamingKind() {
    assertThat(BulkKind.parse(" Formal-Check-Eligible ")).isEqualTo(BulkKind.FORMAL_CHECK_ELIGIBLE);
    assertThatThrownBy(() -> BulkKind.parse("score")).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.field()).isEqualTo("kind");
      assertThat(e.code()).isEqualTo("console.bulk-needs-judgement");
      assertThat(e.zh()).contains("逐件判断");
    });
    assertThatThrownBy(() -> BulkKind.parse("whatever")).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.code()).isEqualTo("console.bulk-kind"));
    assertThatThrownBy(() -> BulkKind.parse(null)).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("kind"));
  }
}
