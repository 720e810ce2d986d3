package org.aipo.common;

/** Checks on text a person typed, with messages that name the field (for a 4xx naming it). */
public final class Text {

  private Text() {
  }

  /** The value, which must be present, not blank, and at most {@code max} characters. */
  public static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.badInput("text.required", field, field + " 为必填项", field + " is required");
    }
    return atMost(value, field, max);
  }

  /** The most a text shown in a Tasklist form may hold: the engine stores a string variable in 4,000 characters. */
  public static final int TASK_TEXT_LIMIT = 3800;

  /**
   * Text for a Tasklist form variable, cut to {@link #TASK_TEXT_LIMIT} with a note where to read the
   * rest (a longer string variable would fail the engine's insert and the step with it).
   */
  public static String forTask(String text, String restAt) {
    if (text == null || text.length() <= TASK_TEXT_LIMIT) {
      return text;
    }
    String note = "\n\n……（全文过长，已截断，完整内容见 " + restAt + "）(cut; the full text is at " + restAt + ")";
    return text.substring(0, TASK_TEXT_LIMIT - note.length()) + note;
  }

  /** The value (possibly null), at most {@code max} characters. */
  public static String atMost(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw DomainException.badInput("text.too-long", field, field + " 不得超过 " + max + " 个字符", field + " is longer than " + max + " characters");
    }
    return value;
  }
}
