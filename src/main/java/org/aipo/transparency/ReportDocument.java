package org.aipo.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of blocks (headings, paragraphs, label/value lines, tables), rendered to PDF by
 * {@link ReportPdf} and to HTML by {@link ReportHtml}, so that both copies say the same thing.
 */
public final class ReportDocument {

  /** One block of the report. */
  public sealed interface Block permits Heading, Paragraph, Field, Table {
  }

  /** A heading; level 1 is the report's title. */
  public record Heading(int level, String text) implements Block {
  }

  public record Paragraph(String text) implements Block {
  }

  /** A label and its value on one line ("评审方式 Review: ..."). */
  public record Field(String label, String value) implements Block {
  }

  /** A table: header cells and rows of cells (all text). */
  public record Table(List<String> header, List<List<String>> rows) implements Block {

    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(row -> (List<String>) List.copyOf(row.stream().map(c -> c == null ? "" : c).toList())).toList();
    }
  }

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  public ReportDocument(String title) {
    this.title = title;
    blocks.add(new Heading(1, title));
  }

  public String title() {
    return title;
  }

  public List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /** Adds a block as it is (e.g. one of another report's). */
  public ReportDocument append(Block block) {
    blocks.add(block);
    return this;
  }

  public ReportDocument heading(String text) {
    blocks.add(new Heading(2, text));
    return this;
  }

  public ReportDocument paragraph(String text) {
    blocks.add(new Paragraph(text == null ? "" : text));
    return this;
  }

  public ReportDocument field(String label, Object value) {
    blocks.add(new Field(label, value == null ? "—" : value.toString()));
    return this;
  }

  public ReportDocument table(List<String> header, List<List<String>> rows) {
    blocks.add(new Table(header, rows));
    return this;
  }
}
