package org.aipo.common;

/** Checks on text a person typed, with messages that name the field (for a 4xx naming it). */
public final class Text {

  private Text() {
  }

  /** The value, which must be present, not blank, and at most {@code max} characters. */
  public static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return atMost(value, field, max);
  }

  /** The value (possibly null), at most {@code max} characters. */
  public static String atMost(String value, String field, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(field + " is longer than " + max + " characters");
    }
    return value;
  }
}
