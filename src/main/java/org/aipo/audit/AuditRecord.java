package org.aipo.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.Text;

/**
 * One recorded act: who did what to which subject, when and why. Written in the same transaction as
 * the act itself, never updated, never deleted. Sealed into its subject's hash chain (ADR 0017): its stream, its
 * sequence number there, the previous record's hash and its own; records from before V11 have none of these.
 */
@Entity
@Table(name = "AIPO_AUDIT_RECORD", indexes = @Index(name = "AIPO_AUDIT_SUBJECT_IDX", columnList = "SUBJECT_TYPE,SUBJECT_ID"))
@NamedQuery(name = AuditRecord.BY_SUBJECT,
    query = "select a from AuditRecord a where a.subjectType = :type and a.subjectId = :id order by a.occurredAt, a.id")
public class AuditRecord {

  static final String BY_SUBJECT = "AuditRecord.bySubject";

  public static final int MAX_DETAIL = 4000;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "OCCURRED_AT", nullable = false)
  private Instant occurredAt;

  @Column(name = "ACTOR", nullable = false, length = 128)
  private String actor;

  @Column(name = "ACTION", nullable = false, length = 128)
  private String action;

  @Column(name = "SUBJECT_TYPE", nullable = false, length = 64)
  private String subjectType;

  @Column(name = "SUBJECT_ID", nullable = false, length = 128)
  private String subjectId;

  @Column(name = "DETAIL", length = MAX_DETAIL)
  private String detail;

  @Column(name = "STREAM_KEY", length = 200)
  private String streamKey;

  @Column(name = "SEQ")
  private Long seq;

  @Column(name = "PREV_HASH", length = 64)
  private String prevHash;

  @Column(name = "HASH", length = 64)
  private String hash;

  protected AuditRecord() {
    // for JPA
  }

  public AuditRecord(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail) {
    this.id = UUID.randomUUID().toString();
    this.occurredAt = AuditChain.fixed(Objects.requireNonNull(occurredAt, "occurredAt"));
    this.actor = Text.required(actor, "actor", 128);
    this.action = Text.required(action, "action", 128);
    this.subjectType = Text.required(subjectType, "subjectType", 64);
    this.subjectId = Text.required(subjectId, "subjectId", 128);
    this.detail = Text.atMost(detail, "detail", MAX_DETAIL);
  }

  /** Seals the record as number {@code seq} of its stream after the record hashed {@code prevHash}; returns its hash. */
  String seal(long seq, String prevHash) {
    this.streamKey = AuditChain.streamOf(subjectType, subjectId);
    this.seq = seq;
    this.prevHash = prevHash;
    this.hash = AuditChain.hashOf(this);
    return hash;
  }

  /** For the chain's tests: a record as a database edit leaves it, its seal kept. */
  AuditRecord withSealOf(AuditRecord original) {
    this.id = original.id;
    this.streamKey = original.streamKey;
    this.seq = original.seq;
    this.prevHash = original.prevHash;
    this.hash = original.hash;
    return this;
  }

  public String getStreamKey() {
    return streamKey;
  }

  public Long getSeq() {
    return seq;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }

  public String getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getDetail() {
    return detail;
  }
}
