package org.aipo.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A reviewer's copy of a stored PDF: every page stamped with who downloaded it, for which review and when (Beijing
 * time), once across the page and once along its foot, so that a leaked copy names its source. The stamp is in
 * Latin letters with a standard PDF font (ADR 0009: no CJK font ships with the server), so a Chinese name is
 * stamped by its Latin part and the user id. The stored original is read, never changed.
 */
public final class Watermark {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Watermark() {
  }

  /** The stamp's text: "Review copy for expert1 Zhang | review 4f1c… | 2026-12-07 14:20:05 Beijing time (UTC+8)". */
  public static String line(String userId, String name, String reviewId, Instant at) {
    String latin = latin(name);
    return "Review copy for " + latin(userId) + (latin.isEmpty() || latin.equalsIgnoreCase(userId) ? "" : " " + latin)
        + " | review " + latin(reviewId) + " | downloaded " + TIME.format(at.atZone(BEIJING)) + " Beijing time (UTC+8)";
  }

  /** The characters of a text that the standard fonts can draw (printable ASCII), spaces collapsed. */
  static String latin(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    return out.toString().replaceAll("\\s+", " ").replaceAll("\\(\\s*\\)", "").trim();
  }

  /** A stamped copy of the PDF (for tests and small files). */
  public static byte[] stamp(byte[] original, String line) throws IOException {
    try (PDDocument document = Loader.loadPDF(original); ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 4096)) {
      stamp(document, line);
      document.save(out);
      return out.toByteArray();
    }
  }

  /**
   * A stamped copy of the PDF in {@code original}, written to {@code out}: PDFBox reads the original from the file
   * and caches what it makes in temporary files, so that a large document is never whole in memory.
   */
  public static void stamp(java.nio.file.Path original, java.io.OutputStream out, String line) throws IOException {
    try (PDDocument document = org.aipo.common.PdfFile.load(original)) {
      stamp(document, line);
      document.save(out);
    }
  }

  private static void stamp(PDDocument document, String line) throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
    translucent.setNonStrokingAlphaConstant(0.35f);
    for (PDPage page : document.getPages()) {
      PDRectangle box = page.getCropBox();
      try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        stream.setGraphicsStateParameters(translucent);
        stream.setNonStrokingColor(0.75f, 0.1f, 0.1f);
        // across the page, scaled to fit its diagonal
        double diagonal = Math.hypot(box.getWidth(), box.getHeight());
        float size = (float) Math.max(6, Math.min(28, 0.8 * diagonal / Math.max(1, font.getStringWidth(line) / 1000)));
        float width = font.getStringWidth(line) / 1000 * size;
        double angle = Math.atan2(box.getHeight(), box.getWidth());
        stream.beginText();
        stream.setFont(font, size);
        Matrix across = Matrix.getRotateInstance(angle, box.getLowerLeftX() + box.getWidth() / 2, box.getLowerLeftY() + box.getHeight() / 2);
        across.translate(-width / 2, -size / 3);
        stream.setTextMatrix(across);
        stream.showText(line);
        stream.endText();
        // along the foot, small and straight
        float footSize = (float) Math.max(5, Math.min(8, (box.getWidth() - 36) / Math.max(1, font.getStringWidth(line) / 1000)));
        stream.beginText();
        stream.setFont(font, footSize);
        stream.newLineAtOffset(box.getLowerLeftX() + 18, box.getLowerLeftY() + 12);
        stream.showText(line);
        stream.endText();
      }
    }
  }
}
