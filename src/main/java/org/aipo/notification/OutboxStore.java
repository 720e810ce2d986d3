package org.aipo.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.common.DomainException;

/**
 * The outbox's own transactions, each short and on its own (REQUIRES_NEW): claiming a message for sending (a
 * version check, so of two nodes one wins), recording the result, recovering sends a crash interrupted, and the
 * administrators' reads and retries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxStore {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  /** The ids of messages due to be sent, oldest first. */
  public List<String> due(Instant now, int max) {
    return entityManager.createQuery("select m.id from OutboxMessage m where m.status = :pending and m.nextAttemptAt <= :now"
        + " order by m.nextAttemptAt, m.id", String.class)
        .setParameter("pending", OutboxMessage.Status.PENDING).setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(max).getResultList();
  }

  /** Claims a due message for this node; null when it is no longer due; an exception when another node claimed it first. */
  public OutboxMessage claim(String id, String node, Instant now) {
    OutboxMessage message = entityManager.find(OutboxMessage.class, id);
    if (message == null || message.getStatus() != OutboxMessage.Status.PENDING || message.getNextAttemptAt().isAfter(now)) {
      return null;
    }
    message.claimed(node, now);
    // the version check: of two nodes claiming it at once, the second fails here (OptimisticLockException) and skips it
    entityManager.flush();
    return message;
  }

  public void sent(String id, Instant now) {
    entityManager.find(OutboxMessage.class, id).sent(now);
  }

  /** A failed attempt: again after the back-off, or FAILED after the last attempt. */
  public void attemptFailed(String id, String error, Instant now, Duration backOff, int maxAttempts) {
    OutboxMessage message = entityManager.find(OutboxMessage.class, id);
    if (message.getAttempts() >= maxAttempts) {
      message.failed("gave up after " + message.getAttempts() + " attempts: " + error, now);
    } else {
      message.retryAt(error, now.plus(backOff));
    }
  }

  /**
   * Messages a node claimed longer ago than the lease and never finished (the node died, or was stopped, in the
   * middle of a send): they may have gone out, so they are FAILED for an administrator to look at, never sent again
   * on their own. Returns how many.
   */
  public int recoverInterrupted(Instant now, Duration lease) {
    List<OutboxMessage> stuck = entityManager.createQuery("select m from OutboxMessage m where m.status = :sending and m.claimedAt < :before",
        OutboxMessage.class).setParameter("sending", OutboxMessage.Status.SENDING).setParameter("before", now.minus(lease).atOffset(ZoneOffset.UTC))
        .getResultList();
    for (OutboxMessage message : stuck) {
      message.failed("the send on node " + message.getClaimedBy() + " was interrupted (a restart?): it may have been delivered;"
          + " retry it only if the recipient did not get it", now);
    }
    return stuck.size();
  }

  public List<OutboxMessage> list(OutboxMessage.Status status, int max) {
    return (status == null
        ? entityManager.createQuery("select m from OutboxMessage m order by m.createdAt desc, m.id", OutboxMessage.class)
        : entityManager.createQuery("select m from OutboxMessage m where m.status = :status order by m.createdAt desc, m.id", OutboxMessage.class)
            .setParameter("status", status)).setMaxResults(max).getResultList();
  }

  public OutboxMessage found(String id) {
    OutboxMessage message = id == null || id.length() > 36 ? null : entityManager.find(OutboxMessage.class, id);
    if (message == null) {
      throw DomainException.notFound("outbox.not-found", null, "发件箱中没有消息 " + id, "no message " + id + " in the outbox");
    }
    return message;
  }

  /** An administrator sends a failed message again. */
  public OutboxMessage retry(String id, Instant now) {
    OutboxMessage message = found(id);
    if (message.getStatus() != OutboxMessage.Status.FAILED) {
      throw DomainException.conflict("outbox.not-failed", null, "只有发送失败的消息可以重试（此消息：" + message.getStatus() + "）",
          "only a failed message can be retried (this one is " + message.getStatus() + ")");
    }
    if (message.getRecipientAddress() == null || message.getBody() == null) {
      throw DomainException.conflict("outbox.unsendable", null, "此消息没有收件地址或正文，无法重试：" + message.getLastError(),
          "this message has no address or no body and cannot be retried: " + message.getLastError());
    }
    message.retryNow(now);
    return message;
  }

  public long count(OutboxMessage.Status status) {
    return entityManager.createQuery("select count(m) from OutboxMessage m where m.status = :status", Long.class).setParameter("status", status)
        .getSingleResult();
  }
}
