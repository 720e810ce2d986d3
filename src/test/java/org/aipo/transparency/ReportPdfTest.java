package org.aipo.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.aipo.common.DomainException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report renderer: Chinese wraps per character, Latin per word, text survives a PDF round trip, the font is embedded. */
class ReportPdfTest {

  private static final Path FONT = new ReportFonts(ReportFonts.DEFAULT).require();

  private static byte[] pdf(ReportDocument report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportPdf.write(report, FONT, out);
    return out.toByteArray();
  }

  @Test
  void chineseWrapsAtAnyCharacterAndLatinAtSpaces() throws Exception {
    try (PDDocument document = new PDDocument(); TrueTypeCollection collection = new TrueTypeCollection(FONT.toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(ttf -> first[0] = first[0] == null ? ttf : first[0]);
      ReportPdf pdf = ReportPdf.measuring(document, PDType0Font.load(document, first[0], true));
      String chinese = "示范项目评审意见汇总表".repeat(10);
      float tenCharacters = pdf.textWidth("示范项目评审意见汇总表".substring(0, 10), 10);
      List<String> lines = pdf.wrap(chinese, 10, tenCharacters + 1);
      assertThat(lines).hasSize(11).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(10));
      assertThat(String.join("", lines)).isEqualTo(chinese);

      String latin = "trimmed mean of the experts totals with the highest and lowest dropped";
      float limit = pdf.textWidth("trimmed mean of", 10) + 1;
      List<String> words = pdf.wrap(latin, 10, limit);
      assertThat(words).hasSizeGreaterThan(2).startsWith("trimmed mean of")
          .allSatisfy(line -> assertThat(pdf.textWidth(line, 10)).isLessThanOrEqualTo(limit));
      assertThat(String.join(" ", words)).as("words are never split").isEqualTo(latin);
      assertThat(pdf.wrap("第一行\n第二行", 10, 500)).containsExactly("第一行", "第二行");
      assertThat(pdf.printable("分\u0001数")).isEqualTo("分 数");
    }
  }

  @Test
  void theTextOfEveryBlockIsReadBackFromThePdfAndTheFontIsEmbedded() throws Exception {
    ReportDocument report = new ReportDocument("示范项目评审意见汇总表 Evaluation summary")
        .field("申报单位 Applicant", "甲智能交通有限公司")
        .heading("专家评分 Scores")
        .table(List.of("专家 Expert", "创新性 c1", "合计 Total"),
            List.of(List.of("专家 A Expert A", "26", "85.00"), List.of("专家 B Expert B", "25", "83.50")))
        .paragraph("综合意见：技术路线清晰，建议通过。".repeat(30));
    byte[] bytes = pdf(report);
    try (PDDocument read = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(read).replaceAll("\\s+", "");
      assertThat(text).contains("示范项目评审意见汇总表", "甲智能交通有限公司", "专家A", "85.00", "83.50", "建议通过");
      PDFont font = read.getPage(0).getResources().getFont(read.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(read.getDocumentInformation().getTitle()).startsWith("示范项目评审意见汇总表");
    }
    assertThat(ReportHtml.render(report)).contains("<h1>示范项目评审意见汇总表 Evaluation summary</h1>", "<td>85.00</td>");
    assertThat(ReportHtml.render(new ReportDocument("<script>"))).doesNotContain("<script>");
  }

  @Test
  void aLongTableBreaksAcrossPages() throws Exception {
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(List.of("项目 " + i, "分数 " + i));
    }
    try (PDDocument read = Loader.loadPDF(pdf(new ReportDocument("长表").table(List.of("项目", "分数"), rows)))) {
      assertThat(read.getNumberOfPages()).isGreaterThan(1);
      assertThat(new PDFTextStripper().getText(read)).contains("项目 199", "分数 0");
    }
  }

  @Test
  void withoutAFontTheRefusalIs503NamingTheSetting() {
    assertThatThrownBy(() -> new ReportFonts("/no/such/font.ttc").require()).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind().status()).isEqualTo(503);
      assertThat(e.field()).isEqualTo(ReportFonts.SETTING);
    });
  }
}
