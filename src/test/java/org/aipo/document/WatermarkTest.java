package org.aipo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  private static byte[] pdf(int pages) throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage(i % 2 == 0 ? PDRectangle.A4 : new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())));
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void theLineNamesTheReaderTheReviewAndTheBeijingTimeInLatinLetters() {
    assertThat(Watermark.line("expert1", "张 专家 Zhang (expert)", "r-1", Instant.parse("2026-12-07T06:20:05Z")))
        .isEqualTo("Review copy for expert1 Zhang (expert) | review r-1 | downloaded 2026-12-07 14:20:05 Beijing time (UTC+8)");
    assertThat(Watermark.line("am-x", "甲矩阵", "r-2", Instant.parse("2026-12-07T16:00:00Z")))
        .isEqualTo("Review copy for am-x | review r-2 | downloaded 2026-12-08 00:00:00 Beijing time (UTC+8)");
  }

  @Test
  void everyPageIsStampedAndTheOriginalIsUnchanged() throws Exception {
    byte[] original = pdf(3);
    byte[] before = original.clone();
    byte[] copy = Watermark.stamp(original, "Review copy for expert1 | review r-1 | downloaded 2026-12-07 14:20:05 Beijing time (UTC+8)");
    assertThat(original).isEqualTo(before);
    try (PDDocument document = Loader.loadPDF(copy)) {
      assertThat(document.getNumberOfPages()).isEqualTo(3);
      for (int page = 1; page <= 3; page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document)).as("page " + page).contains("expert1", "review r-1", "Beijing time");
      }
    }
  }

  @Test
  void aStoredFileIsStampedFromDiskIntoAStreamAndLeftUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path original = java.nio.file.Files.write(dir.resolve("original.pdf"), pdf(2));
    byte[] before = java.nio.file.Files.readAllBytes(original);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Watermark.stamp(original, out, "Review copy for expert2 | review r-9 | downloaded 2026-12-07 14:20:05 Beijing time (UTC+8)");
    assertThat(java.nio.file.Files.readAllBytes(original)).isEqualTo(before);
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      assertThat(new PDFTextStripper().getText(document)).contains("expert2", "review r-9");
    }
  }
}
