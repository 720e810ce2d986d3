package org.aipo.voucher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.aipo.common.DomainException;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * The decision {@code voucherSubsidy} (processes/voucher-subsidy.dmn): which share of a contract's value a voucher
 * covers, with a cap per contract and per firm and year, and the row's reason.
 */
public final class SubsidyRule {

  public static final String DECISION_KEY = "voucherSubsidy";

  private SubsidyRule() {
  }

  /** What the rule grants. */
  public record Grant(BigDecimal share, BigDecimal capPerContract, BigDecimal capPerFirmYear, String reason) {

    /** The share of the value, in yuan (two decimals, rounded down), at most the cap per contract. */
    public BigDecimal amountFor(BigDecimal value) {
      return value.multiply(share).setScale(2, RoundingMode.DOWN).min(capPerContract);
    }
  }

  /** The decision's inputs for an application. */
  public static Map<String, Object> inputs(VoucherRound.Programme programme, String applicantKind, String clusterScale, String achievementLevel) {
    return Map.of("programme", programme.name().toLowerCase(java.util.Locale.ROOT), "applicantKind", applicantKind,
        "clusterScale", clusterScale, "achievementLevel", achievementLevel);
  }

  /** The grant of the first matching row, or a refusal when no row matches. */
  public static Grant grant(DmnDecisionResult result) {
    DmnDecisionResultEntries row = result.getFirstResult();
    if (row == null) {
      throw DomainException.badInput("voucher.no-rule", "clusterScale", "补贴规则中没有适用于本申请的条目", "no subsidy rule applies to this application");
    }
    return new Grant(decimal(row.getEntry("share")).setScale(4, RoundingMode.HALF_UP), decimal(row.getEntry("capPerContract")).setScale(2, RoundingMode.DOWN),
        decimal(row.getEntry("capPerFirmYear")).setScale(2, RoundingMode.DOWN), row.getEntry("reason"));
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
  }
}
