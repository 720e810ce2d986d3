package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.aipo.common.Text;

/**
 * A voucher round (算力券申报批次): one programme year's pool, the subsidy programme whose DMN rows apply
 * ({@code voucher} or {@code rental}), the validity of its vouchers, the amount above which experts review an
 * application, and how many days before expiry the firm is reminded. The pool's money is never a column: the
 * balance is the sum of the round's {@link LedgerEntry ledger}; this row is what approvals lock.
 */
@Entity
@Table(name = "AIPO_VOUCHER_ROUND")
public class VoucherRound {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  public enum Programme { VOUCHER, RENTAL }

  public enum Status { OPEN, CLOSED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "NAME", nullable = false, length = 300)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "PROGRAMME", nullable = false, length = 16)
  private Programme programme;

  @Column(name = "PROGRAMME_YEAR", nullable = false)
  private int year;

  @Column(name = "POOL_TOTAL", nullable = false, precision = 15, scale = 2)
  private BigDecimal poolTotal;

  @Column(name = "VALID_UNTIL", nullable = false)
  private OffsetDateTime validUntil;

  /** Eligibility: the model an application names must be filed, its number that of a FILED service in the register (issue 24). */
  @Column(name = "REQUIRES_FILED_MODEL", nullable = false)
  private boolean requiresFiledModel;

  @Column(name = "EXPERT_THRESHOLD", nullable = false, precision = 15, scale = 2)
  private BigDecimal expertThreshold;

  @Column(name = "REMINDER_DAYS", nullable = false)
  private int reminderDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status;

  @Column(name = "OPENED_BY", nullable = false, length = 64)
  private String openedBy;

  @Column(name = "OPENED_AT", nullable = false)
  private OffsetDateTime openedAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected VoucherRound() {
    // for JPA
  }

  VoucherRound(String name, Programme programme, BigDecimal poolTotal, Instant validUntil, BigDecimal expertThreshold,
      int reminderDays, String openedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = Text.required(name, "name", 300).trim();
    if (programme == null) {
      throw DomainException.badInput("field.required", "programme", "programme 为必填项（VOUCHER 或 RENTAL）", "programme is required (VOUCHER or RENTAL)");
    }
    this.programme = programme;
    this.poolTotal = Vouchers.amount(poolTotal, "poolTotal", true);
    if (validUntil == null || !validUntil.isAfter(now)) {
      throw DomainException.badInput("voucher-round.valid-until", "validUntil", "validUntil 须为将来的时间", "validUntil must be in the future");
    }
    this.validUntil = validUntil.atOffset(ZoneOffset.UTC);
    this.year = validUntil.atZone(BEIJING).getYear();
    this.expertThreshold = Vouchers.amount(expertThreshold, "expertThreshold", true);
    if (reminderDays < 1 || reminderDays > 365) {
      throw DomainException.badInput("voucher-round.reminder-days", "reminderDays", "reminderDays 须在 1 至 365 之间", "reminderDays must be 1 to 365");
    }
    this.reminderDays = reminderDays;
    this.status = Status.OPEN;
    this.openedBy = openedBy;
    this.openedAt = now.atOffset(ZoneOffset.UTC);
  }

  void close() {
    this.status = Status.CLOSED;
  }

  /** Open for applications: not closed by the office and not past its validity. */
  public boolean isOpenAt(Instant now) {
    return status == Status.OPEN && now.isBefore(validUntil.toInstant());
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Programme getProgramme() {
    return programme;
  }

  public int getYear() {
    return year;
  }

  public BigDecimal getPoolTotal() {
    return poolTotal;
  }

  public Instant getValidUntil() {
    return validUntil.toInstant();
  }

  void requireFiledModel(boolean required) {
    this.requiresFiledModel = required;
  }

  public boolean isRequiresFiledModel() {
    return requiresFiledModel;
  }

  public BigDecimal getExpertThreshold() {
    return expertThreshold;
  }

  public int getReminderDays() {
    return reminderDays;
  }

  public Status getStatus() {
    return status;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public Instant getOpenedAt() {
    return openedAt.toInstant();
  }
}
