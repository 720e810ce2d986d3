package org.aipo.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aipo.filing.AiService;

/**
 * One drawn inspection of a campaign: a service, its drawn inspectors, their result and findings, the firm's
 * rectification and the follow-up check. The inspectors' notes are never published; the public sees the service,
 * the date and the result once it is published.
 */
@Entity
@Table(name = "AIPO_SPOT_CHECK_INSPECTION")
public class SpotCheckInspection {

  /** drawn (waiting for the inspectors), rectifying (findings, waiting for the firm), follow-up, closed. */
  public enum Status { DRAWN, RECTIFYING, FOLLOW_UP, CLOSED }

  /** passed; findings (being rectified); rectified (follow-up confirmed); not rectified (follow-up found it not). */
  public enum Result { PASSED, FINDINGS, RECTIFIED, NOT_RECTIFIED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "CAMPAIGN_ID", nullable = false, length = 36)
  private String campaignId;

  @Column(name = "SERVICE_ID", nullable = false, length = 36)
  private String serviceId;

  @Column(name = "SERVICE_NAME", nullable = false, length = 200)
  private String serviceName;

  @Column(name = "ORGANISATION_ID", nullable = false, length = 36)
  private String organisationId;

  @Column(name = "ORGANISATION_NAME", nullable = false, length = 200)
  private String organisationName;

  @Enumerated(EnumType.STRING)
  @Column(name = "TIER", nullable = false, length = 8)
  private AiService.Tier tier;

  @Column(name = "INSPECTORS", nullable = false, length = 1000)
  private String inspectors;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 24)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "RESULT", length = 24)
  private Result result;

  @Column(name = "FINDINGS", length = 2000)
  private String findings;

  @Column(name = "NOTES", length = 2000)
  private String notes;

  @Column(name = "INSPECTED_BY", length = 64)
  private String inspectedBy;

  @Column(name = "INSPECTED_AT")
  private OffsetDateTime inspectedAt;

  @Column(name = "RECTIFICATION_DUE")
  private OffsetDateTime rectificationDue;

  @Column(name = "RECTIFICATION", length = 2000)
  private String rectification;

  @Column(name = "RECTIFIED_BY", length = 64)
  private String rectifiedBy;

  @Column(name = "RECTIFIED_AT")
  private OffsetDateTime rectifiedAt;

  @Column(name = "RECTIFICATION_LATE", nullable = false)
  private boolean rectificationLate;

  @Column(name = "FOLLOW_UP_NOTES", length = 2000)
  private String followUpNotes;

  @Column(name = "PUBLISHED_AT")
  private OffsetDateTime publishedAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected SpotCheckInspection() {
    // for JPA
  }

  SpotCheckInspection(String campaignId, AiService service, String organisationName, List<String> inspectors) {
    this.id = UUID.randomUUID().toString();
    this.campaignId = campaignId;
    this.serviceId = service.getId();
    this.serviceName = service.getName();
    this.organisationId = service.getOrganisationId();
    this.organisationName = organisationName;
    this.tier = service.getTier();
    this.inspectors = String.join(",", inspectors);
    this.status = Status.DRAWN;
  }

  void inspected(boolean findingsFound, String findings, String notes, String actor, Instant now) {
    this.result = findingsFound ? Result.FINDINGS : Result.PASSED;
    this.findings = findings;
    this.notes = notes;
    this.inspectedBy = actor;
    this.inspectedAt = now.atOffset(ZoneOffset.UTC);
    this.status = findingsFound ? Status.RECTIFYING : Status.CLOSED;
  }

  void rectificationDue(Instant due) {
    this.rectificationDue = due.atOffset(ZoneOffset.UTC);
  }

  void rectificationLapsed() {
    this.rectificationLate = true;
  }

  void rectified(String text, String actor, Instant now) {
    this.rectification = text;
    this.rectifiedBy = actor;
    this.rectifiedAt = now.atOffset(ZoneOffset.UTC);
    this.status = Status.FOLLOW_UP;
  }

  void followedUp(boolean rectifiedOk, String notes) {
    this.result = rectifiedOk ? Result.RECTIFIED : Result.NOT_RECTIFIED;
    this.followUpNotes = notes;
    this.status = Status.CLOSED;
  }

  void published(Instant now) {
    this.publishedAt = now.atOffset(ZoneOffset.UTC);
  }

  public boolean isInspector(String userId) {
    return getInspectors().contains(userId);
  }

  public String getId() {
    return id;
  }

  public String getCampaignId() {
    return campaignId;
  }

  public String getServiceId() {
    return serviceId;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getOrganisationId() {
    return organisationId;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public AiService.Tier getTier() {
    return tier;
  }

  public List<String> getInspectors() {
    return inspectors.isEmpty() ? List.of() : Arrays.asList(inspectors.split(","));
  }

  public Status getStatus() {
    return status;
  }

  public Result getResult() {
    return result;
  }

  public String getFindings() {
    return findings;
  }

  public String getNotes() {
    return notes;
  }

  public String getInspectedBy() {
    return inspectedBy;
  }

  public Instant getInspectedAt() {
    return inspectedAt == null ? null : inspectedAt.toInstant();
  }

  public Instant getRectificationDue() {
    return rectificationDue == null ? null : rectificationDue.toInstant();
  }

  public String getRectification() {
    return rectification;
  }

  public Instant getRectifiedAt() {
    return rectifiedAt == null ? null : rectifiedAt.toInstant();
  }

  public boolean isRectificationLate() {
    return rectificationLate;
  }

  public String getFollowUpNotes() {
    return followUpNotes;
  }

  public Instant getPublishedAt() {
    return publishedAt == null ? null : publishedAt.toInstant();
  }
}
