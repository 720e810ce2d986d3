package org.aipo.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Test-only, inside the server (OutboxIT): writes outbox rows in states the tests need, and work that then fails. */
@ApplicationScoped
@Transactional
public class OutboxProbe {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Notifications notifications;

  /** Writes the message as the work of a transaction that then fails. */
  public void sendThenFail(Message message) {
    notifications.send(message);
    throw new IllegalStateException("the work failed after writing its message");
  }

  public boolean send(Message message) {
    return notifications.send(message);
  }

  /** A message a node claimed ten minutes ago and never finished: as after a crash in the middle of a send. */
  public String interruptedSend(String eventKey) {
    Instant now = Instant.now();
    OutboxMessage message = new OutboxMessage(eventKey, "deadline-reminder", null, "nobody@aipo.invalid", "zh", now.minus(Duration.ofMinutes(10)));
    message.rendered("subject", "body", null, null);
    message.claimed("node-that-died", now.minus(Duration.ofMinutes(10)));
    entityManager.persist(message);
    return message.getId();
  }

  /** A pending message not due for an hour (the server's own sender leaves it alone). */
  public String dueInAnHour(String eventKey) {
    Instant now = Instant.now();
    OutboxMessage message = new OutboxMessage(eventKey, "deadline-reminder", null, "nobody@aipo.invalid", "zh", now);
    message.rendered("subject", "body", null, null);
    message.retryAt("not yet", now.plus(Duration.ofHours(1)));
    entityManager.persist(message);
    return message.getId();
  }

  public Optional<OutboxMessage> byKey(String eventKey) {
    return entityManager.createQuery("select m from OutboxMessage m where m.eventKey = :key", OutboxMessage.class).setParameter("key", eventKey)
        .getResultStream().findFirst();
  }
}
