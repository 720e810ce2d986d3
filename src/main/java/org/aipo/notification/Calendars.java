package org.aipo.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The iCalendar (RFC 5545) entry a message carries for its deadline: one VEVENT ending at the deadline, with a
 * stable UID from the event key (a calendar that imports it twice keeps one entry).
 */
final class Calendars {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Calendars() {
  }

  static String deadline(String eventKey, String summary, String link, Instant deadline, Instant now) {
    StringBuilder ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//AI Programme Office//Notifications//EN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + UUID.nameUUIDFromBytes(eventKey.getBytes(StandardCharsets.UTF_8)) + "@aipo");
    line(ics, "DTSTAMP:" + UTC.format(now));
    line(ics, "DTSTART:" + UTC.format(deadline.minusSeconds(1800)));
    line(ics, "DTEND:" + UTC.format(deadline));
    line(ics, "SUMMARY:" + escape(summary));
    if (link != null) {
      line(ics, "URL:" + link);
    }
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /** RFC 5545 text escaping: backslash, semicolon, comma, newline. */
  static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n").replace("\r", "");
  }

  /** A content line, folded after at most 75 octets (RFC 5545 3.1), never inside a character. */
  static void line(StringBuilder ics, String line) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        ics.append("\r\n ");
        octets = 1;
      }
      ics.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    ics.append("\r\n");
  }
}
