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

/**
 * An inspector's avoidance declaration (回避): the firm, by its unified social credit code, the inspector works for
 * ({@code EMPLOYER}) or has another relationship with ({@code RELATIONSHIP}); the draw never sends the inspector to
 * that firm's services.
 */
@Entity
@Table(name = "AIPO_INSPECTOR_AVOIDANCE")
public class InspectorAvoidance {

  public enum Kind { EMPLOYER, RELATIONSHIP }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "INSPECTOR_ID", nullable = false, length = 64)
  private String inspectorId;

  @Column(name = "CREDIT_CODE", nullable = false, length = 18)
  private String creditCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false, length = 16)
  private Kind kind;

  @Column(name = "REASON", nullable = false, length = 1000)
  private String reason;

  @Column(name = "DECLARED_BY", nullable = false, length = 64)
  private String declaredBy;

  @Column(name = "DECLARED_AT", nullable = false)
  private OffsetDateTime declaredAt;

  protected InspectorAvoidance() {
    // for JPA
  }

  InspectorAvoidance(String inspectorId, String creditCode, Kind kind, String reason, String declaredBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.inspectorId = inspectorId;
    this.creditCode = creditCode;
    this.kind = kind;
    this.reason = reason;
    this.declaredBy = declaredBy;
    this.declaredAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getId() {
    return id;
  }

  public String getInspectorId() {
    return inspectorId;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public Kind getKind() {
    return kind;
  }

  public String getReason() {
    return reason;
  }

  public String getDeclaredBy() {
    return declaredBy;
  }

  public Instant getDeclaredAt() {
    return declaredAt.toInstant();
  }
}
