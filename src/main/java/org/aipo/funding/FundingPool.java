package org.aipo.funding;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.aipo.common.Text;

/**
 * A funding pool (专项资金): the money several calls draw on, for example a province's annual special fund
 * for AI demonstration projects. Approving a call's award list commits its awards against the pool; the
 * pool is never overdrawn, also when two leaders approve two calls at the same moment ({@link FundingPools}).
 */
@Entity
@Table(name = "AIPO_FUNDING_POOL")
public class FundingPool {

  static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  @Id
  @Column(name = "CODE", length = 64)
  private String code;

  @Column(name = "NAME", nullable = false, length = 300)
  private String name;

  @Column(name = "TOTAL", nullable = false, precision = 15, scale = 2)
  private BigDecimal total;

  @Column(name = "CREATED_BY", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  protected FundingPool() {
    // for JPA
  }

  public FundingPool(String code, String name, BigDecimal total, String createdBy, Instant createdAt) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw DomainException.badInput("funding-pool.code", "code", "资金池编号须为 2 至 64 位小写字母、数字或连字符，如 ai-2027",
          "code must be 2 to 64 lower-case letters, digits or hyphens, such as ai-2027");
    }
    this.code = code;
    this.name = Text.required(name, "name", 300);
    if (total == null || total.signum() <= 0 || total.scale() > 2 || total.precision() - total.scale() > 13) {
      throw DomainException.badInput("funding-pool.total", "total", "总额须为正数（元，最多 13 位整数和 2 位小数）",
          "total must be a positive amount in yuan (at most 13 digits and 2 decimals)");
    }
    this.total = total;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
