package org.aipo.transparency;

import java.util.List;

/** A report as a stand-alone HTML page (every text escaped; no script, no external resource). */
public final class ReportHtml {

  private ReportHtml() {
  }

  public static String render(ReportDocument report) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(report.title())).append("</title><style>body{font-family:\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",sans-serif;"
            + "max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;"
            + "padding:.2em .5em;text-align:left;vertical-align:top}th{background:#eee}.label{color:#555}</style></head><body>\n");
    for (ReportDocument.Block block : report.blocks()) {
      if (block instanceof ReportDocument.Heading heading) {
        html.append("<h").append(heading.level()).append('>').append(escape(heading.text())).append("</h").append(heading.level()).append(">\n");
      } else if (block instanceof ReportDocument.Paragraph paragraph) {
        html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
      } else if (block instanceof ReportDocument.Field field) {
        html.append("<p><span class=\"label\">").append(escape(field.label())).append("：</span>").append(escape(field.value())).append("</p>\n");
      } else if (block instanceof ReportDocument.Table table) {
        html.append("<table><thead><tr>");
        table.header().forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (List<String> row : table.rows()) {
          html.append("<tr>");
          row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
          html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
      }
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
