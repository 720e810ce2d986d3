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

/**
 * One movement of a round's pool (资金台账). Amounts are signed from the pool's point of view, so the
 * money still available is the sum of the round's entries: FUNDING +total when the round opens, RESERVE −amount
 * on approval, and on redemption RELEASE +reserve and PAYMENT −paid (the difference returns), on expiry
 * LAPSE +reserve. Entries are written in the transaction of the decision and never changed.
 */
@Entity
@Table(name = "AIPO_VOUCHER_LEDGER")
public class LedgerEntry {

  public enum Kind { FUNDING, RESERVE, RELEASE, PAYMENT, LAPSE }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "ROUND_ID", nullable = false, length = 36)
  private String roundId;

  @Column(name = "VOUCHER_ID", length = 36)
  private String voucherId;

  @Enumerated(EnumType.STRING)
  @Column(name = "ENTRY_KIND", nullable = false, length = 16)
  private Kind kind;

  @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;

  @Column(name = "BOOKED_AT", nullable = false)
  private OffsetDateTime bookedAt;

  @Column(name = "BOOKED_BY", nullable = false, length = 64)
  private String bookedBy;

  protected LedgerEntry() {
    // for JPA
  }

  LedgerEntry(String roundId, String voucherId, Kind kind, BigDecimal amount, String bookedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.roundId = roundId;
    this.voucherId = voucherId;
    this.kind = kind;
    this.amount = amount;
    this.bookedBy = bookedBy;
    this.bookedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getId() {
    return id;
  }

  public String getRoundId() {
    return roundId;
  }

  public String getVoucherId() {
    return voucherId;
  }

  public Kind getKind() {
    return kind;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public Instant getBookedAt() {
    return bookedAt.toInstant();
  }

  public String getBookedBy() {
    return bookedBy;
  }
}
