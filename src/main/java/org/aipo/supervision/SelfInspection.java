package org.aipo.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aipo.filing.AiService;

/** A firm's self-inspection report under its service's supervision plan (quarterly for high, yearly for medium). */
@Entity
@Table(name = "AIPO_SELF_INSPECTION")
public class SelfInspection {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "SERVICE_ID", nullable = false, length = 36)
  private String serviceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "TIER", nullable = false, length = 8)
  private AiService.Tier tier;

  @Column(name = "DUE_AT")
  private OffsetDateTime dueAt;

  @Column(name = "SUMMARY", nullable = false, length = 4000)
  private String summary;

  @Column(name = "LATE", nullable = false)
  private boolean late;

  @Column(name = "SUBMITTED_BY", nullable = false, length = 64)
  private String submittedBy;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private OffsetDateTime submittedAt;

  protected SelfInspection() {
    // for JPA
  }

  SelfInspection(String serviceId, AiService.Tier tier, Instant dueAt, String summary, String submittedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = serviceId;
    this.tier = tier;
    this.dueAt = dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC);
    this.summary = summary;
    this.late = dueAt != null && now.isAfter(dueAt);
    this.submittedBy = submittedBy;
    this.submittedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getId() {
    return id;
  }

  public String getServiceId() {
    return serviceId;
  }

  public AiService.Tier getTier() {
    return tier;
  }

  public Instant getDueAt() {
    return dueAt == null ? null : dueAt.toInstant();
  }

  public String getSummary() {
    return summary;
  }

  public boolean isLate() {
    return late;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt.toInstant();
  }
}
