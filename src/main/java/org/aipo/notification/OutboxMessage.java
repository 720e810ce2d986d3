package org.aipo.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One e-mail in the outbox: rendered when the work that causes it commits (same transaction), sent afterwards by
 * {@link OutboxSender}. Its event key is unique, so one event gives one message per recipient however often the
 * work is retried. The states: PENDING (due at {@code nextAttemptAt}; with no mail server configured it stays
 * pending and readable), SENDING (claimed by a node), SENT, FAILED (no address, a template that did not render, the
 * last retry refused, or a send interrupted by a crash — it may have gone out, so it is never sent again on its own;
 * an administrator may retry it).
 */
@Entity
@Table(name = "AIPO_OUTBOX")
public class OutboxMessage {

  public enum Status { PENDING, SENDING, SENT, FAILED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "EVENT_KEY", nullable = false, length = 300)
  private String eventKey;

  @Column(name = "KIND", nullable = false, length = 64)
  private String kind;

  @Column(name = "RECIPIENT_USER", length = 64)
  private String recipientUser;

  @Column(name = "RECIPIENT_ADDRESS", length = 200)
  private String recipientAddress;

  @Column(name = "LANGUAGE", nullable = false, length = 8)
  private String language;

  @Column(name = "SUBJECT", length = 500)
  private String subject;

  @Lob
  @Column(name = "BODY")
  private String body;

  /** An iCalendar (RFC 5545) entry for the deadline the message names, or null. */
  @Lob
  @Column(name = "CALENDAR")
  private String calendar;

  @Column(name = "LINK", length = 500)
  private String link;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "LAST_ERROR", length = 2000)
  private String lastError;

  @Column(name = "CLAIMED_BY", length = 64)
  private String claimedBy;

  @Column(name = "CLAIMED_AT")
  private OffsetDateTime claimedAt;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "SENT_AT")
  private OffsetDateTime sentAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected OutboxMessage() {
    // for JPA
  }

  OutboxMessage(String eventKey, String kind, String recipientUser, String recipientAddress, String language, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.eventKey = eventKey;
    this.kind = kind;
    this.recipientUser = recipientUser;
    this.recipientAddress = recipientAddress;
    this.language = language;
    this.status = Status.PENDING;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.nextAttemptAt = this.createdAt;
  }

  void rendered(String subject, String body, String calendar, String link) {
    this.subject = cut(subject, 500);
    this.body = body;
    this.calendar = calendar;
    this.link = cut(link, 500);
  }

  /** Not sendable as written (no address, a template that does not render): kept, visible, never silently lost. */
  void failed(String error, Instant now) {
    this.status = Status.FAILED;
    this.lastError = cut(error, 2000);
    this.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
    this.claimedBy = null;
  }

  void claimed(String node, Instant now) {
    this.status = Status.SENDING;
    this.claimedBy = node;
    this.claimedAt = now.atOffset(ZoneOffset.UTC);
    this.attempts++;
  }

  void sent(Instant now) {
    this.status = Status.SENT;
    this.sentAt = now.atOffset(ZoneOffset.UTC);
    this.lastError = null;
  }

  /** A failed attempt: due again at {@code next}. */
  void retryAt(String error, Instant next) {
    this.status = Status.PENDING;
    this.lastError = cut(error, 2000);
    this.nextAttemptAt = next.atOffset(ZoneOffset.UTC);
    this.claimedBy = null;
  }

  /** An administrator's retry of a failed message: due now, attempts counted afresh. */
  void retryNow(Instant now) {
    this.status = Status.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now.atOffset(ZoneOffset.UTC);
    this.claimedBy = null;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public String getId() {
    return id;
  }

  public String getEventKey() {
    return eventKey;
  }

  public String getKind() {
    return kind;
  }

  public String getRecipientUser() {
    return recipientUser;
  }

  public String getRecipientAddress() {
    return recipientAddress;
  }

  public String getLanguage() {
    return language;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getCalendar() {
    return calendar;
  }

  public String getLink() {
    return link;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt.toInstant();
  }

  public String getLastError() {
    return lastError;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Instant getClaimedAt() {
    return claimedAt == null ? null : claimedAt.toInstant();
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public Instant getSentAt() {
    return sentAt == null ? null : sentAt.toInstant();
  }
}
