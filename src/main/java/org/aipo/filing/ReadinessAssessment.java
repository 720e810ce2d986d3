package org.aipo.filing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A readiness self-assessment as the firm submitted it (programme 5, step 3); the latest one is pre-reviewed. */
@Entity
@Table(name = "AIPO_AI_READINESS")
public class ReadinessAssessment {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "SERVICE_ID", nullable = false, length = 36)
  private String serviceId;

  @Column(name = "CORPUS_SAMPLED")
  private Integer corpusSampled;

  @Column(name = "CORPUS_ACCEPTABLE_PCT", precision = 5, scale = 2)
  private BigDecimal corpusAcceptablePct;

  @Column(name = "CONTENT_BANK", nullable = false)
  private int contentBank;

  @Column(name = "CONTENT_SAMPLED", nullable = false)
  private int contentSampled;

  @Column(name = "CONTENT_ACCEPTABLE_PCT", nullable = false, precision = 5, scale = 2)
  private BigDecimal contentAcceptablePct;

  @Column(name = "REFUSE_BANK", nullable = false)
  private int refuseBank;

  @Column(name = "REFUSE_SAMPLED", nullable = false)
  private int refuseSampled;

  @Column(name = "REFUSAL_PCT", nullable = false, precision = 5, scale = 2)
  private BigDecimal refusalPct;

  @Column(name = "ANSWER_BANK", nullable = false)
  private int answerBank;

  @Column(name = "ANSWER_SAMPLED", nullable = false)
  private int answerSampled;

  @Column(name = "WRONG_REFUSAL_PCT", nullable = false, precision = 5, scale = 2)
  private BigDecimal wrongRefusalPct;

  @Column(name = "KEYWORDS", nullable = false)
  private int keywords;

  @Column(name = "UNMET", nullable = false)
  private int unmet;

  @Column(name = "NOTE", length = 2000)
  private String note;

  @Column(name = "SUBMITTED_BY", nullable = false, length = 64)
  private String submittedBy;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private OffsetDateTime submittedAt;

  protected ReadinessAssessment() {
    // for JPA
  }

  ReadinessAssessment(String serviceId, Readiness.Figures f, int unmet, String note, String submittedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = serviceId;
    this.corpusSampled = f.corpusSampled();
    this.corpusAcceptablePct = f.corpusAcceptablePct();
    this.contentBank = f.contentBank();
    this.contentSampled = f.contentSampled();
    this.contentAcceptablePct = f.contentAcceptablePct();
    this.refuseBank = f.refuseBank();
    this.refuseSampled = f.refuseSampled();
    this.refusalPct = f.refusalPct();
    this.answerBank = f.answerBank();
    this.answerSampled = f.answerSampled();
    this.wrongRefusalPct = f.wrongRefusalPct();
    this.keywords = f.keywords();
    this.unmet = unmet;
    this.note = note;
    this.submittedBy = submittedBy;
    this.submittedAt = now.atOffset(ZoneOffset.UTC);
  }

  public Readiness.Figures figures() {
    return new Readiness.Figures(corpusSampled, corpusAcceptablePct, contentBank, contentSampled, contentAcceptablePct, refuseBank, refuseSampled,
        refusalPct, answerBank, answerSampled, wrongRefusalPct, keywords);
  }

  public String getId() {
    return id;
  }

  public String getServiceId() {
    return serviceId;
  }

  public int getUnmet() {
    return unmet;
  }

  public String getNote() {
    return note;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt.toInstant();
  }
}
