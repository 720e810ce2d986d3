package org.aipo.notification;

import java.util.List;

/**
 * What a capability sends messages through: {@link Notifications} writes them to the outbox in the caller's
 * transaction; process tests pass a recording one.
 */
public interface Notifier {

  /** Writes the message, or nothing when its event key was written before; returns whether it wrote one. */
  boolean send(Message message);

  /** The members of an engine group (for a message to, say, the secretariat), in a stable order. */
  List<String> membersOf(String groupId);
}
