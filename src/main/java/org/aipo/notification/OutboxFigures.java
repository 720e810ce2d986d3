package org.aipo.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.aipo.platform.EngineStarted;
import org.aipo.platform.Figures;

/** The outbox's figures at {@code /metrics}: what waits to be sent, and what failed for an administrator to look at. */
@ApplicationScoped
public class OutboxFigures {

  @Inject
  Figures figures;

  @Inject
  OutboxStore store;

  void register(@Observes EngineStarted started) {
    figures.gauge("aipo_outbox_pending", "Outbox messages not sent yet (pending or being sent)",
        () -> store.count(OutboxMessage.Status.PENDING) + store.count(OutboxMessage.Status.SENDING));
    figures.gauge("aipo_outbox_failed", "Outbox messages that failed (no address, a template error, attempts used up): GET /api/outbox?status=FAILED",
        () -> store.count(OutboxMessage.Status.FAILED));
  }
}
