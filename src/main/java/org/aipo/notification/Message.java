package org.aipo.notification;

import java.time.Instant;
import java.util.Map;

/**
 * What a capability asks to be sent: an event key (one message per key, ever), the kind (which names the
 * template), the recipient, the values the template shows, and optionally the deadline it names (shown in Beijing
 * time with the working days left, and attached as an iCalendar entry) and the link to the task or page.
 *
 * @param eventKey what happened, unique per recipient, e.g. {@code expert-invitation:<taskId>:<userId>}
 * @param kind the template, e.g. {@code expert-invitation} ({@link Messages#KINDS})
 * @param model the template's values: strings, numbers, booleans, lists and maps of them
 * @param deadline the deadline the message names, or null
 * @param link a path of this server ({@code /camunda/app/tasklist/...}, {@code /portal/...}) or null
 */
public record Message(String eventKey, String kind, Recipient recipient, Map<String, Object> model, Instant deadline, String link) {

  /** Where a message goes: a user of the engine (its e-mail and language), or an address with its language. */
  public record Recipient(String userId, String address, String language, String name) {

    public static Recipient user(String userId) {
      return new Recipient(userId, null, null, null);
    }

    public static Recipient address(String address, String language, String name) {
      return new Recipient(null, address, language, name);
    }
  }
}
