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
import jakarta.persistence.Version;

/** An incident report about an AI service, by its firm (logged in) or a member of the public (real name, contact). */
@Entity
@Table(name = "AIPO_INCIDENT")
public class Incident {

  public enum Status { OPEN, HANDLED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "SERVICE_ID", length = 36)
  private String serviceId;

  @Column(name = "SERVICE_NAME", nullable = false, length = 200)
  private String serviceName;

  @Column(name = "DESCRIPTION", nullable = false, length = 4000)
  private String description;

  @Column(name = "REPORTER_NAME", nullable = false, length = 100)
  private String reporterName;

  @Column(name = "CONTACT", nullable = false, length = 200)
  private String contact;

  @Column(name = "REPORTED_BY", length = 64)
  private String reportedBy;

  @Column(name = "REPORTED_AT", nullable = false)
  private OffsetDateTime reportedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status;

  @Column(name = "OUTCOME", length = 2000)
  private String outcome;

  @Column(name = "HANDLED_BY", length = 64)
  private String handledBy;

  @Column(name = "HANDLED_AT")
  private OffsetDateTime handledAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Incident() {
    // for JPA
  }

  Incident(String serviceId, String serviceName, String description, String reporterName, String contact, String reportedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = serviceId;
    this.serviceName = serviceName;
    this.description = description;
    this.reporterName = reporterName;
    this.contact = contact;
    this.reportedBy = reportedBy;
    this.reportedAt = now.atOffset(ZoneOffset.UTC);
    this.status = Status.OPEN;
  }

  void handled(String outcome, String actor, Instant now) {
    this.outcome = outcome;
    this.handledBy = actor;
    this.handledAt = now.atOffset(ZoneOffset.UTC);
    this.status = Status.HANDLED;
  }

  public String getId() {
    return id;
  }

  public String getServiceId() {
    return serviceId;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getDescription() {
    return description;
  }

  public String getReporterName() {
    return reporterName;
  }

  public String getContact() {
    return contact;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public Instant getReportedAt() {
    return reportedAt.toInstant();
  }

  public Status getStatus() {
    return status;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getHandledBy() {
    return handledBy;
  }

  public Instant getHandledAt() {
    return handledAt == null ? null : handledAt.toInstant();
  }
}
