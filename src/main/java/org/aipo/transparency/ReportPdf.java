package org.aipo.transparency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a {@link ReportDocument} out on A4 pages with PDFBox: headings, paragraphs wrapped to the page
 * (Chinese wraps at any character, Latin at spaces), label/value lines and ruled tables that break across
 * pages between rows. The Chinese font (a TrueType collection such as WenQuanYi Micro Hei, whose glyphs are
 * TrueType outlines) is embedded as a subset. PDFBox writes the PDF; this class only places text and lines.
 */
public final class ReportPdf {

  static final float MARGIN = 50;
  static final float BODY = 9.5f;
  static final float LEADING = 1.35f;
  static final float CELL_PAD = 3;

  private final PDDocument document;
  private final PDType0Font font;
  private final Map<Integer, Boolean> printable = new HashMap<>();
  private PDPage page;
  private PDPageContentStream content;
  private float y;

  private ReportPdf(PDDocument document, PDType0Font font) {
    this.document = document;
    this.font = font;
  }

  /** Writes the report as a PDF to {@code out} (not closed) with the font of this TrueType collection or file. */
  public static void write(ReportDocument report, Path fontFile, OutputStream out) {
    try (PDDocument document = new PDDocument()) {
      if (fontFile.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
        try (TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile())) {
          TrueTypeFont[] first = new TrueTypeFont[1];
          collection.processAllFonts(ttf -> {
            if (first[0] == null) {
              first[0] = ttf;
            }
          });
          render(report, document, PDType0Font.load(document, first[0], true), out);
        }
      } else {
        render(report, document, PDType0Font.load(document, fontFile.toFile()), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void render(ReportDocument report, PDDocument document, PDType0Font font, OutputStream out) throws IOException {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(report.title());
    info.setCreator("AI Programme Office");
    ReportPdf pdf = new ReportPdf(document, font);
    pdf.newPage();
    for (ReportDocument.Block block : report.blocks()) {
      pdf.block(block);
    }
    pdf.content.close();
    pdf.pageNumbers();
    document.save(out);
  }

  private float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private void need(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void block(ReportDocument.Block block) throws IOException {
    if (block instanceof ReportDocument.Heading heading) {
      float size = heading.level() == 1 ? 16 : 12;
      y -= heading.level() == 1 ? 0 : size * 0.6f;
      lines(wrap(heading.text(), size, width()), size, MARGIN);
      y -= size * 0.3f;
    } else if (block instanceof ReportDocument.Paragraph paragraph) {
      lines(wrap(paragraph.text(), BODY, width()), BODY, MARGIN);
      y -= BODY * 0.4f;
    } else if (block instanceof ReportDocument.Field field) {
      String label = field.label() + "：";
      float labelWidth = Math.min(textWidth(label, BODY), width() / 3);
      List<String> value = wrap(field.value(), BODY, width() - labelWidth);
      need(BODY * LEADING);
      show(printable(label), BODY, MARGIN, y - BODY);
      lines(value, BODY, MARGIN + labelWidth);
    } else if (block instanceof ReportDocument.Table table) {
      table(table);
    }
  }

  /** Lines of text from the current position, each on a new page when the page is full. */
  private void lines(List<String> lines, float size, float x) throws IOException {
    for (String line : lines) {
      need(size * LEADING);
      show(line, size, x, y - size);
      y -= size * LEADING;
    }
  }

  private void show(String text, float size, float x, float baseline) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(text);
    content.endText();
  }

  private void table(ReportDocument.Table table) throws IOException {
    int columns = table.header().size();
    float[] widths = columnWidths(table, columns);
    row(table.header(), widths, true);
    for (List<String> row : table.rows()) {
      row(row, widths, false);
    }
    y -= BODY * 0.6f;
  }

  /** Column widths in proportion to their longest text (each at least a sixth of the even share). */
  private float[] columnWidths(ReportDocument.Table table, int columns) {
    float[] natural = new float[columns];
    List<List<String>> all = new ArrayList<>();
    all.add(table.header());
    all.addAll(table.rows());
    for (List<String> row : all) {
      for (int c = 0; c < columns && c < row.size(); c++) {
        natural[c] = Math.max(natural[c], Math.min(textWidth(row.get(c), BODY), width()) + 2 * CELL_PAD);
      }
    }
    float total = 0;
    float least = width() / columns / 6;
    for (int c = 0; c < columns; c++) {
      natural[c] = Math.max(natural[c], least);
      total += natural[c];
    }
    float[] widths = new float[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = total <= width() ? natural[c] : natural[c] * width() / total;
    }
    return widths;
  }

  private void row(List<String> cells, float[] widths, boolean header) throws IOException {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int c = 0; c < widths.length; c++) {
      List<String> cell = wrap(c < cells.size() ? cells.get(c) : "", BODY, widths[c] - 2 * CELL_PAD);
      wrapped.add(cell);
      lines = Math.max(lines, cell.size());
    }
    float pageRoom = PDRectangle.A4.getHeight() - 2 * MARGIN - 2 * CELL_PAD;
    int fit = (int) (pageRoom / (BODY * LEADING));
    if (lines > fit) {
      for (int c = 0; c < wrapped.size(); c++) {
        if (wrapped.get(c).size() > fit) {
          List<String> cut = new ArrayList<>(wrapped.get(c).subList(0, fit - 1));
          cut.add("…");
          wrapped.set(c, cut);
        }
      }
      lines = fit;
    }
    float height = lines * BODY * LEADING + 2 * CELL_PAD;
    need(height);
    float x = MARGIN;
    if (header) {
      content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
      content.addRect(MARGIN, y - height, sum(widths), height);
      content.fill();
      content.setNonStrokingColor(0f, 0f, 0f);
    }
    for (int c = 0; c < widths.length; c++) {
      float lineY = y - CELL_PAD - BODY;
      for (String line : wrapped.get(c)) {
        show(line, BODY, x + CELL_PAD, lineY);
        lineY -= BODY * LEADING;
      }
      x += widths[c];
    }
    content.setLineWidth(0.5f);
    x = MARGIN;
    for (float w : widths) {
      content.addRect(x, y - height, w, height);
      x += w;
    }
    content.stroke();
    y -= height;
  }

  private static float sum(float[] values) {
    float total = 0;
    for (float v : values) {
      total += v;
    }
    return total;
  }

  private void pageNumbers() throws IOException {
    int total = document.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage each = document.getPage(i);
      try (PDPageContentStream footer = new PDPageContentStream(document, each, PDPageContentStream.AppendMode.APPEND, true)) {
        footer.beginText();
        footer.setFont(font, 8);
        footer.newLineAtOffset(MARGIN, MARGIN / 2);
        footer.showText("第 " + (i + 1) + " / " + total + " 页 Page " + (i + 1) + " of " + total);
        footer.endText();
      }
    }
  }

  // ---- text measuring and wrapping ----

  /** The text with every character the font cannot show replaced by '?', control characters by spaces. */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\t' || Character.isISOControl(cp)) {
        out.append(' ');
      } else if (printable.computeIfAbsent(cp, this::canShow)) {
        out.appendCodePoint(cp);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private boolean canShow(int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  float textWidth(String text, float size) {
    try {
      return font.getStringWidth(printable(text)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text broken into lines no wider than {@code width}: explicit line breaks kept; a line breaks after
   * any Chinese, Japanese or Korean character, Latin words stay whole unless one alone is too wide.
   */
  List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\r?\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String token : tokens(printable(paragraph))) {
        String candidate = line + token;
        if (textWidth(candidate, size) <= width || line.isEmpty() && textWidth(token, size) <= width) {
          line.append(token);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString().stripTrailing());
          line.setLength(0);
        }
        String rest = token.stripLeading();
        // a word wider than the line: broken by character
        while (textWidth(rest, size) > width && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && textWidth(rest.substring(0, cut), size) > width) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Words with their leading spaces; every CJK character a token of its own. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int length = Character.charCount(cp);
      if (breaksAnywhere(cp)) {
        if (!token.isEmpty() && !token.toString().isBlank()) {
          tokens.add(token.toString());
          token.setLength(0);
        }
        token.appendCodePoint(cp);
        tokens.add(token.toString());
        token.setLength(0);
      } else if (cp == ' ' && !token.isEmpty() && !token.toString().isBlank()) {
        tokens.add(token.toString());
        token.setLength(0);
        token.append(' ');
      } else {
        token.appendCodePoint(cp);
      }
      i += length;
    }
    if (!token.isEmpty()) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  static boolean breaksAnywhere(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  /** For tests: a wrapper over a loaded font, to measure and wrap without writing a document. */
  static ReportPdf measuring(PDDocument document, PDType0Font font) {
    return new ReportPdf(document, font);
  }
}
