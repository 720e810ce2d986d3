package org.aipo.voucher;

import java.math.BigDecimal;
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

import org.aipo.common.DomainException;

/**
 * A firm's compute voucher (算力券), from application to payment or lapse. {@link #getAmount()} is what the
 * subsidy rule grants for the expected contract value (share, capped per contract); approval reserves it in
 * the round's pool, redemption pays {@code min(amount, share × verified value)} and returns the rest.
 */
@Entity
@Table(name = "AIPO_VOUCHER")
public class Voucher {

  public enum Use { TRAINING, INFERENCE }

  public enum Status {
    /** Applied, waiting for (expert and) office review. */
    APPLIED,
    /** Refused by the office. */
    REFUSED,
    /** Reserved and issued with a number and an expiry; waiting for redemption. */
    ISSUED,
    /** Contract, invoices and usage submitted; the office verifies. */
    REDEMPTION_SUBMITTED,
    /** Paid; the rest of the reserve went back to the pool. */
    REDEEMED,
    /** Not redeemed by its expiry; the reserve went back to the pool. */
    LAPSED
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "VOUCHER_NUMBER", length = 32)
  private String number;

  @Column(name = "ROUND_ID", nullable = false, length = 36)
  private String roundId;

  @Column(name = "ORGANISATION_ID", nullable = false, length = 36)
  private String organisationId;

  @Column(name = "SUPPLIER_ID", nullable = false, length = 36)
  private String supplierId;

  @Column(name = "APPLIED_BY", nullable = false, length = 64)
  private String appliedBy;

  @Column(name = "APPLIED_AT", nullable = false)
  private OffsetDateTime appliedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "USE_KIND", nullable = false, length = 16)
  private Use use;

  @Column(name = "MODEL_NAME", nullable = false, length = 200)
  private String model;

  /** The model's filing number, as the firm gave it (required when the round requires a filed model). */
  @Column(name = "MODEL_FILING_NUMBER", length = 64)
  private String modelFilingNumber;

  @Column(name = "GPU_HOURS", nullable = false, precision = 15, scale = 2)
  private BigDecimal gpuHours;

  @Column(name = "CLUSTER_SCALE", nullable = false, length = 16)
  private String clusterScale;

  @Column(name = "ACHIEVEMENT_LEVEL", nullable = false, length = 16)
  private String achievementLevel;

  @Column(name = "EXPECTED_VALUE", nullable = false, precision = 15, scale = 2)
  private BigDecimal expectedValue;

  @Column(name = "SUBSIDY_SHARE", nullable = false, precision = 5, scale = 4)
  private BigDecimal share;

  @Column(name = "CAP_PER_CONTRACT", nullable = false, precision = 15, scale = 2)
  private BigDecimal capPerContract;

  @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;

  @Column(name = "RULE_REASON", nullable = false, length = 500)
  private String ruleReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 24)
  private Status status;

  @Column(name = "EXPIRES_AT")
  private OffsetDateTime expiresAt;

  @Column(name = "ISSUED_AT")
  private OffsetDateTime issuedAt;

  @Column(name = "CONTRACT_NUMBER", length = 64)
  private String contractNumber;

  @Column(name = "CLAIMED_VALUE", precision = 15, scale = 2)
  private BigDecimal claimedValue;

  @Column(name = "USAGE_GPU_HOURS", precision = 15, scale = 2)
  private BigDecimal usageGpuHours;

  @Column(name = "VERIFIED_VALUE", precision = 15, scale = 2)
  private BigDecimal verifiedValue;

  @Column(name = "PAID", precision = 15, scale = 2)
  private BigDecimal paid;

  @Column(name = "DECISION_NOTE", length = 1000)
  private String decisionNote;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected Voucher() {
    // for JPA
  }

  Voucher(String roundId, String organisationId, String supplierId, String appliedBy, Instant now, Use use, String model, BigDecimal gpuHours,
      String clusterScale, String achievementLevel, BigDecimal expectedValue, SubsidyRule.Grant grant) {
    this.id = UUID.randomUUID().toString();
    this.roundId = roundId;
    this.organisationId = organisationId;
    this.supplierId = supplierId;
    this.appliedBy = appliedBy;
    this.appliedAt = now.atOffset(ZoneOffset.UTC);
    this.use = use;
    this.model = model;
    this.gpuHours = gpuHours;
    this.clusterScale = clusterScale;
    this.achievementLevel = achievementLevel;
    this.expectedValue = expectedValue;
    this.share = grant.share();
    this.capPerContract = grant.capPerContract();
    this.amount = grant.amountFor(expectedValue);
    this.ruleReason = grant.reason().length() > 500 ? grant.reason().substring(0, 500) : grant.reason();
    this.status = Status.APPLIED;
  }

  private void expect(Status expected, String action) {
    if (status != expected) {
      throw DomainException.conflict("voucher.state", null, "算力券 " + (number == null ? id : number) + " 当前状态为 " + status + "，不能" + action,
          "voucher " + (number == null ? id : number) + " is " + status + "; cannot " + action);
    }
  }

  void refuse(String note) {
    expect(Status.APPLIED, "refuse");
    this.status = Status.REFUSED;
    this.decisionNote = note;
  }

  void issue(String number, Instant expiresAt, Instant now) {
    expect(Status.APPLIED, "issue");
    this.number = number;
    this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    this.issuedAt = now.atOffset(ZoneOffset.UTC);
    this.status = Status.ISSUED;
  }

  void submitRedemption(String contractNumber, BigDecimal claimedValue, BigDecimal usageGpuHours) {
    expect(Status.ISSUED, "redeem");
    this.contractNumber = contractNumber;
    this.claimedValue = claimedValue;
    this.usageGpuHours = usageGpuHours;
    this.status = Status.REDEMPTION_SUBMITTED;
  }

  void returnRedemption(String note) {
    expect(Status.REDEMPTION_SUBMITTED, "return the redemption");
    this.contractNumber = null;
    this.claimedValue = null;
    this.usageGpuHours = null;
    this.decisionNote = note;
    this.status = Status.ISSUED;
  }

  void pay(BigDecimal verifiedValue, BigDecimal paid, String note) {
    expect(Status.REDEMPTION_SUBMITTED, "pay");
    this.verifiedValue = verifiedValue;
    this.paid = paid;
    this.decisionNote = note;
    this.status = Status.REDEEMED;
  }

  void lapse() {
    expect(Status.ISSUED, "lapse");
    this.status = Status.LAPSED;
  }

  public String getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public String getRoundId() {
    return roundId;
  }

  public String getOrganisationId() {
    return organisationId;
  }

  public String getSupplierId() {
    return supplierId;
  }

  public String getAppliedBy() {
    return appliedBy;
  }

  public Instant getAppliedAt() {
    return appliedAt.toInstant();
  }

  public Use getUse() {
    return use;
  }

  public String getModel() {
    return model;
  }

  void modelFilingNumber(String number) {
    this.modelFilingNumber = number;
  }

  public String getModelFilingNumber() {
    return modelFilingNumber;
  }

  public BigDecimal getGpuHours() {
    return gpuHours;
  }

  public String getClusterScale() {
    return clusterScale;
  }

  public String getAchievementLevel() {
    return achievementLevel;
  }

  public BigDecimal getExpectedValue() {
    return expectedValue;
  }

  public BigDecimal getShare() {
    return share;
  }

  public BigDecimal getCapPerContract() {
    return capPerContract;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getRuleReason() {
    return ruleReason;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getExpiresAt() {
    return expiresAt == null ? null : expiresAt.toInstant();
  }

  public Instant getIssuedAt() {
    return issuedAt == null ? null : issuedAt.toInstant();
  }

  public String getContractNumber() {
    return contractNumber;
  }

  public BigDecimal getClaimedValue() {
    return claimedValue;
  }

  public BigDecimal getUsageGpuHours() {
    return usageGpuHours;
  }

  public BigDecimal getVerifiedValue() {
    return verifiedValue;
  }

  public BigDecimal getPaid() {
    return paid;
  }

  public String getDecisionNote() {
    return decisionNote;
  }
}
