package org.aipo.funding;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What one call's approved award list commits against its funding pool: one row per call (the call's id is
 * the key), replaced when a revised list is approved again after an upheld objection.
 */
@Entity
@Table(name = "AIPO_POOL_COMMITMENT")
@NamedQuery(name = PoolCommitment.OF_POOL, query = "select c from PoolCommitment c where c.poolCode = :pool order by c.committedAt")
public class PoolCommitment {

  static final String OF_POOL = "PoolCommitment.ofPool";

  @Id
  @Column(name = "CALL_ID", length = 36)
  private String callId;

  @Column(name = "POOL_CODE", nullable = false, length = 64)
  private String poolCode;

  @Column(name = "AMOUNT", nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;

  @Column(name = "COMMITTED_BY", nullable = false, length = 64)
  private String committedBy;

  @Column(name = "COMMITTED_AT", nullable = false)
  private Instant committedAt;

  protected PoolCommitment() {
    // for JPA
  }

  PoolCommitment(String callId, String poolCode) {
    this.callId = callId;
    this.poolCode = poolCode;
  }

  void set(BigDecimal amount, String committedBy, Instant committedAt) {
    this.amount = amount;
    this.committedBy = committedBy;
    this.committedAt = committedAt;
  }

  public String getCallId() {
    return callId;
  }

  public String getPoolCode() {
    return poolCode;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCommittedBy() {
    return committedBy;
  }

  public Instant getCommittedAt() {
    return committedAt;
  }
}
