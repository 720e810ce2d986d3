package org.aipo.voucher;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aipo.applicant.CreditCode;
import org.aipo.common.DomainException;
import org.aipo.common.Text;

/**
 * A compute supplier (算力服务商) in the catalogue: it applies to be listed, the programme office lists or
 * refuses it. Its credit code, legal representative and shareholders are what the related-party check of an
 * application compares with the applicant's declaration. The office may also return the application for correction
 * ({@link Status#RETURNED}, with a note and a window): the supplier's staff correct everything but the credit code, which
 * names the supplier, and the application is {@link Status#PENDING} again; a window that ends without a correction
 * leaves it {@link Status#LAPSED}, never listed.
 */
@Entity
@Table(name = "AIPO_COMPUTE_SUPPLIER")
public class ComputeSupplier {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public enum Status { PENDING, RETURNED, LISTED, REFUSED, LAPSED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "NAME", nullable = false, length = 200)
  private String name;

  @Column(name = "CREDIT_CODE", nullable = false, length = 18)
  private String creditCode;

  @Column(name = "LEGAL_REPRESENTATIVE", nullable = false, length = 100)
  private String legalRepresentative;

  /** Shareholders' names, separated by ';'. */
  @Column(name = "SHAREHOLDERS", nullable = false, length = 2000)
  private String shareholders;

  @Column(name = "CONTACT_EMAIL", nullable = false, length = 200)
  private String contactEmail;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status;

  @Column(name = "APPLIED_AT", nullable = false)
  private OffsetDateTime appliedAt;

  @Column(name = "DECIDED_BY", length = 64)
  private String decidedBy;

  @Column(name = "DECIDED_AT")
  private OffsetDateTime decidedAt;

  @Column(name = "DECISION_NOTE", length = 1000)
  private String decisionNote;

  /** The supplier's staff account (a Camunda user in group compute-supplier) that follows the listing; null for none. */
  @Column(name = "ACCOUNT_USER_ID", length = 64)
  private String accountUserId;

  /** When a returned application's correction window ends; null unless it was returned. */
  @Column(name = "CORRECTION_DUE_AT")
  private OffsetDateTime correctionDueAt;

  /** When the supplier last corrected its application; null for never. */
  @Column(name = "CORRECTED_AT")
  private OffsetDateTime correctedAt;

  protected ComputeSupplier() {
    // for JPA
  }

  ComputeSupplier(String name, String creditCode, String legalRepresentative, List<String> shareholders, String contactEmail, Instant now) {
    this.id = UUID.randomUUID().toString();
    Text.required(name, "name", 200); // the name is reported first, as before the credit code
    this.creditCode = CreditCode.check(creditCode);
    details(name, legalRepresentative, shareholders, contactEmail);
    this.status = Status.PENDING;
    this.appliedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The fields the supplier states and may correct, each checked naming its field. */
  private void details(String name, String legalRepresentative, List<String> shareholders, String contactEmail) {
    String checkedName = Text.required(name, "name", 200).trim();
    String checkedRepresentative = Text.required(legalRepresentative, "legalRepresentative", 100).trim();
    String checkedShareholders = Text.atMost(String.join(";", Vouchers.names(shareholders, "shareholders")), "shareholders", 2000);
    String email = Text.required(contactEmail, "contactEmail", 200).trim();
    if (!EMAIL.matcher(email).matches()) {
      throw DomainException.badInput("email.invalid", "contactEmail", "电子邮箱格式不正确", "contactEmail is not an e-mail address");
    }
    this.name = checkedName;
    this.legalRepresentative = checkedRepresentative;
    this.shareholders = checkedShareholders;
    this.contactEmail = email;
  }

  /** The office returns the application for correction with a note; the supplier has until {@code due}. */
  void returnForCorrection(String note, String actor, Instant now, Instant due) {
    pending("return");
    this.status = Status.RETURNED;
    this.decisionNote = Text.atMost(note, "note", 1000);
    this.decidedBy = actor;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
    this.correctionDueAt = due.atOffset(ZoneOffset.UTC);
  }

  /** The supplier's staff correct a returned application; it waits for the office again. */
  void correct(String name, String legalRepresentative, List<String> shareholders, String contactEmail, Instant now) {
    if (status != Status.RETURNED) {
      throw DomainException.conflict("compute-supplier.not-returned", null,
          "入库申请当前状态为 " + status + "，没有等待更正的内容（只有项目办退回补正的申请可以更正）",
          "the listing application is " + status + ": nothing is waiting for a correction (only an application the office returned can be corrected)");
    }
    details(name, legalRepresentative, shareholders, contactEmail);
    this.status = Status.PENDING;
    this.correctedAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The correction window ended without a correction: the application lapses, never listed. */
  void lapse(Instant now) {
    if (status != Status.RETURNED) {
      throw DomainException.conflict("compute-supplier.not-returned", null, "入库申请当前状态为 " + status + "，不能因逾期失效",
          "the listing application is " + status + ", it cannot lapse");
    }
    this.status = Status.LAPSED;
    this.decidedBy = "system";
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
  }

  private void pending(String what) {
    if (status != Status.PENDING) {
      throw DomainException.conflict("compute-supplier.decided", null, "该服务商的入库申请已有决定（" + status + "）",
          "this supplier's listing was decided already (" + status + "), it cannot " + what);
    }
  }

  void decide(boolean listed, String note, String actor, Instant now) {
    if (status != Status.PENDING) {
      throw DomainException.conflict("compute-supplier.decided", null, "该服务商的入库申请已有决定（" + status + "）",
          "this supplier's listing was decided already (" + status + ")");
    }
    this.status = listed ? Status.LISTED : Status.REFUSED;
    this.decisionNote = Text.atMost(note, "note", 1000);
    this.decidedBy = actor;
    this.decidedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  public List<String> getShareholders() {
    return shareholders.isEmpty() ? List.of() : Arrays.asList(shareholders.split(";"));
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getAppliedAt() {
    return appliedAt.toInstant();
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt == null ? null : decidedAt.toInstant();
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public Instant getCorrectionDueAt() {
    return correctionDueAt == null ? null : correctionDueAt.toInstant();
  }

  public Instant getCorrectedAt() {
    return correctedAt == null ? null : correctedAt.toInstant();
  }

  public String getAccountUserId() {
    return accountUserId;
  }

  void account(String userId) {
    this.accountUserId = userId;
  }
}
