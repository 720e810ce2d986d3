package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.Text;
import org.aipo.expert.Fields;

/**
 * One nominated application scenario of a round: what the nominating unit wrote, what consolidation made
 * of it (kept, merged into another, rejected with a reason), its risk tier and supervision mode, and, for
 * reviewed ones, the committee's score and opinion. Listed once the round's list is published, under a
 * public code {@code V<version>-<nn>}.
 */
@Entity
@Table(name = "AIPO_SCENARIO")
@NamedQuery(name = Scenario.OF_ROUND, query = "select s from Scenario s where s.roundId = :round order by s.number")
@NamedQuery(name = Scenario.BY_CODE, query = "select s from Scenario s where s.code = :code")
public class Scenario {

  static final String OF_ROUND = "Scenario.ofRound";
  static final String BY_CODE = "Scenario.byCode";

  public enum Status { NOMINATED, MERGED, REJECTED, LISTED }

  public static final Set<String> IMPACTS = Set.of("high", "medium", "low");
  public static final Set<String> SCOPES = Set.of("district", "city", "province", "national");

  /** What a nominating unit wrote about one scenario. */
  public record Nomination(String title, String field, String demandOwner, String description, String dataAvailable,
      String expectedScale, String publicServiceImpact, boolean personalData, String scope) {

    /** Checks every field; the message names the field. */
    public Nomination {
      title = Text.required(title, "title", 200);
      if (!Fields.isKnown(field)) {
        throw DomainException.badInput("scenario.field-unknown", "field", "field 未知领域 '" + field + "'", "field: unknown field '" + field + "'");
      }
      demandOwner = Text.required(demandOwner, "demandOwner", 200);
      description = Text.required(description, "description", 2000);
      dataAvailable = Text.required(dataAvailable, "dataAvailable", 1000);
      expectedScale = Text.required(expectedScale, "expectedScale", 500);
      publicServiceImpact = oneOf(publicServiceImpact, "publicServiceImpact", IMPACTS);
      scope = oneOf(scope, "scope", SCOPES);
    }

    private static String oneOf(String value, String field, Set<String> allowed) {
      String v = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
      if (v == null || !allowed.contains(v)) {
        throw DomainException.badInput("scenario.not-allowed", field, field + " 须为 " + new java.util.TreeSet<>(allowed) + " 之一，而不是 '" + value + "'",
            field + " must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + value + "'");
      }
      return v;
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "ROUND_ID", nullable = false, length = 36)
  private String roundId;

  /** Its number within the round (N1, N2, ...), used in consolidation. */
  @Column(name = "NOMINATION_NO", nullable = false)
  private int number;

  /** Its public code once listed. */
  @Column(name = "CODE", length = 16, unique = true)
  private String code;

  @Column(name = "TITLE", nullable = false, length = 200)
  private String title;

  @Column(name = "FIELD", nullable = false, length = 64)
  private String field;

  @Column(name = "DEMAND_OWNER", nullable = false, length = 200)
  private String demandOwner;

  @Column(name = "DESCRIPTION", nullable = false, length = 2000)
  private String description;

  @Column(name = "DATA_AVAILABLE", nullable = false, length = 1000)
  private String dataAvailable;

  @Column(name = "EXPECTED_SCALE", nullable = false, length = 500)
  private String expectedScale;

  @Column(name = "PUBLIC_SERVICE_IMPACT", nullable = false, length = 8)
  private String publicServiceImpact;

  @Column(name = "PERSONAL_DATA", nullable = false)
  private boolean personalData;

  @Column(name = "SCOPE_OF_IMPACT", nullable = false, length = 16)
  private String scope;

  @Column(name = "NOMINATED_BY", nullable = false, length = 64)
  private String nominatedBy;

  @Column(name = "NOMINATED_AT", nullable = false)
  private Instant nominatedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 12)
  private Status status = Status.NOMINATED;

  /** For a merged one: the number of the scenario it was merged into. */
  @Column(name = "MERGED_INTO")
  private Integer mergedInto;

  /** Why it was merged or rejected. */
  @Column(name = "REASON", length = 1000)
  private String reason;

  @Column(name = "RISK_TIER", length = 8)
  private String riskTier;

  @Column(name = "SUPERVISION_MODE", length = 200)
  private String supervisionMode;

  @Column(name = "RISK_REASON", length = 300)
  private String riskReason;

  @Column(name = "REVIEW_SCORE", precision = 6, scale = 2)
  private BigDecimal reviewScore;

  @Column(name = "REVIEW_RECOMMENDATION", length = 16)
  private String reviewRecommendation;

  @Column(name = "REVIEW_OPINION", length = 2000)
  private String reviewOpinion;

  protected Scenario() {
    // for JPA
  }

  public Scenario(String roundId, int number, Nomination nomination, String nominatedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.roundId = roundId;
    this.number = number;
    this.title = nomination.title();
    this.field = nomination.field();
    this.demandOwner = nomination.demandOwner();
    this.description = nomination.description();
    this.dataAvailable = nomination.dataAvailable();
    this.expectedScale = nomination.expectedScale();
    this.publicServiceImpact = nomination.publicServiceImpact();
    this.personalData = nomination.personalData();
    this.scope = nomination.scope();
    this.nominatedBy = nominatedBy;
    this.nominatedAt = now;
  }

  /** Consolidation: keep (restores a merged or rejected one), merge into another, or reject with a reason. */
  void keep() {
    status = Status.NOMINATED;
    mergedInto = null;
    reason = null;
  }

  void mergeInto(int other, String why) {
    status = Status.MERGED;
    mergedInto = other;
    reason = Text.atMost(why, "reason", 1000);
    clearAssessment();
  }

  void reject(String why) {
    status = Status.REJECTED;
    mergedInto = null;
    reason = Text.required(why, "reason", 1000);
    clearAssessment();
  }

  private void clearAssessment() {
    riskTier = null;
    supervisionMode = null;
    riskReason = null;
    reviewScore = null;
    reviewRecommendation = null;
    reviewOpinion = null;
  }

  public void assess(String tier, String mode, String why) {
    this.riskTier = tier;
    this.supervisionMode = mode;
    this.riskReason = why;
    this.reviewScore = null;
    this.reviewRecommendation = null;
    this.reviewOpinion = null;
  }

  public void reviewed(BigDecimal score, String recommendation, String opinion) {
    this.reviewScore = score;
    this.reviewRecommendation = recommendation;
    this.reviewOpinion = opinion == null ? null : opinion.length() > 2000 ? opinion.substring(0, 2000) : opinion;
  }

  void list(String publicCode) {
    this.status = Status.LISTED;
    this.code = publicCode;
  }

  public boolean isKept() {
    return status == Status.NOMINATED || status == Status.LISTED;
  }

  public boolean isHighRisk() {
    return "high".equals(riskTier);
  }

  public String getId() {
    return id;
  }

  public String getRoundId() {
    return roundId;
  }

  public int getNumber() {
    return number;
  }

  /** "N3": how consolidation refers to it. */
  public String getLabel() {
    return "N" + number;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public String getField() {
    return field;
  }

  public String getDemandOwner() {
    return demandOwner;
  }

  public String getDescription() {
    return description;
  }

  public String getDataAvailable() {
    return dataAvailable;
  }

  public String getExpectedScale() {
    return expectedScale;
  }

  public String getPublicServiceImpact() {
    return publicServiceImpact;
  }

  public boolean isPersonalData() {
    return personalData;
  }

  public String getScope() {
    return scope;
  }

  public String getNominatedBy() {
    return nominatedBy;
  }

  public Instant getNominatedAt() {
    return nominatedAt;
  }

  public Status getStatus() {
    return status;
  }

  public Integer getMergedInto() {
    return mergedInto;
  }

  public String getReason() {
    return reason;
  }

  public String getRiskTier() {
    return riskTier;
  }

  public String getSupervisionMode() {
    return supervisionMode;
  }

  public String getRiskReason() {
    return riskReason;
  }

  public BigDecimal getReviewScore() {
    return reviewScore;
  }

  public String getReviewRecommendation() {
    return reviewRecommendation;
  }

  public String getReviewOpinion() {
    return reviewOpinion;
  }
}
