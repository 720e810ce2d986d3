package org.aipo.voucher;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A contract or invoice number submitted for a voucher's redemption. Its key is the kind and the number, so
 * the database itself refuses the same number a second time, in any round and for any firm, also when two
 * redemptions arrive at the same moment. A redemption the office returns for correction frees its numbers.
 */
@Entity
@Table(name = "AIPO_VOUCHER_DOCUMENT")
@IdClass(VoucherDocument.Key.class)
public class VoucherDocument {

  public enum Kind { CONTRACT, INVOICE }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String kind;
    private String number;

    public Key() {
    }

    public Key(String kind, String number) {
      this.kind = kind;
      this.number = number;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(kind, key.kind) && Objects.equals(number, key.number);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, number);
    }
  }

  @Id
  @Column(name = "DOCUMENT_KIND", length = 16)
  private String kind;

  @Id
  @Column(name = "DOCUMENT_NUMBER", length = 64)
  private String number;

  @Column(name = "VOUCHER_ID", nullable = false, length = 36)
  private String voucherId;

  @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;

  @Column(name = "SUBMITTED_AT", nullable = false)
  private OffsetDateTime submittedAt;

  protected VoucherDocument() {
    // for JPA
  }

  VoucherDocument(Kind kind, String number, String voucherId, BigDecimal amount, Instant now) {
    this.kind = kind.name();
    this.number = number;
    this.voucherId = voucherId;
    this.amount = amount;
    this.submittedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getKind() {
    return kind;
  }

  public String getNumber() {
    return number;
  }

  public String getVoucherId() {
    return voucherId;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
