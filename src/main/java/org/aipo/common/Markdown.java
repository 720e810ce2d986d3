package org.aipo.common;

/**
 * Applicants' text inside a Tasklist form's markdown: every markdown and HTML character escaped, so that
 * it shows exactly as typed and never becomes a link (autolinks included), an image, a heading or markup.
 */
public final class Markdown {

  private Markdown() {
  }

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', ':', '@' -> out.append('\\').append(c);
        case '\r' -> { }
        default -> out.append(c);
      }
    }
    return out.toString().replace("\n", "  \n");
  }
}
