package org.aipo.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Notifier} for process tests: keeps the messages (one per event key, as the outbox does) and fixed groups. */
public class RecordingNotifier implements Notifier {

  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();

  @Override
  public boolean send(Message message) {
    return messages.putIfAbsent(message.eventKey(), message) == null;
  }

  @Override
  public List<String> membersOf(String groupId) {
    return groups.getOrDefault(groupId, List.of());
  }

  public RecordingNotifier group(String groupId, String... users) {
    groups.put(groupId, List.of(users));
    return this;
  }

  public List<Message> messages() {
    return new ArrayList<>(messages.values());
  }

  public List<Message> of(String kind) {
    return messages.values().stream().filter(m -> m.kind().equals(kind)).toList();
  }
}
