package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.aipo.common.DomainException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/voucher-subsidy.dmn: one case per rule row, the order in which rows win, and the caps. */
class VoucherSubsidyDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/voucher-subsidy.dmn"))) {
      decision = dmn.parseDecision(SubsidyRule.DECISION_KEY, in);
    }
  }

  static SubsidyRule.Grant grant(String programme, String kind, String scale, String level) {
    return SubsidyRule.grant(dmn.evaluateDecision(decision, new java.util.HashMap<>(SubsidyRule.inputs(
        VoucherRound.Programme.valueOf(programme), kind, scale, level))));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} capped {5}/{6}")
  @CsvSource({
      "RENTAL, COMPANY, large, leading, 0.1000, 5000000.00, 10000000.00, 千卡以上集群且成果领先",   // rule_rentalLargeLeading
      "RENTAL, COMPANY, large, filed, 0.0800, 4000000.00, 8000000.00, 千卡以上集群",                 // rule_rentalLarge
      "RENTAL, UNIVERSITY, large, none, 0.0800, 4000000.00, 8000000.00, 千卡以上集群",               // rule_rentalLarge, any kind
      "RENTAL, COMPANY, medium, leading, 0.0600, 2000000.00, 5000000.00, 模型已备案或成果领先",       // rule_rentalLeading
      "RENTAL, COMPANY, small, filed, 0.0600, 2000000.00, 5000000.00, 模型已备案或成果领先",          // rule_rentalLeading, filed
      "RENTAL, COMPANY, medium, none, 0.0500, 1000000.00, 2000000.00, 基础档",                       // rule_rentalOther
      "VOUCHER, UNIVERSITY, small, none, 0.4000, 500000.00, 1000000.00, 高校与科研院所",              // rule_voucherResearch
      "VOUCHER, INSTITUTE, large, leading, 0.4000, 500000.00, 1000000.00, 高校与科研院所",            // rule_voucherResearch wins over leading
      "VOUCHER, COMPANY, medium, filed, 0.3000, 1000000.00, 1000000.00, 企业且模型已备案或成果领先",   // rule_voucherLeading
      "VOUCHER, COMPANY, small, leading, 0.3000, 1000000.00, 1000000.00, 企业且模型已备案或成果领先",  // rule_voucherLeading
      "VOUCHER, COMPANY, large, none, 0.2000, 500000.00, 1000000.00, 基础档",                        // rule_voucherOther
      "VOUCHER, OTHER, small, leading, 0.2000, 500000.00, 1000000.00, 基础档"})                      // rule_voucherOther: not a company
  void eachRuleRow(String programme, String kind, String scale, String level, String share, String perContract, String perYear, String reason) {
    SubsidyRule.Grant grant = grant(programme, kind, scale, level);

    assertThat(grant.share()).isEqualByComparingTo(share);
    assertThat(grant.capPerContract()).isEqualByComparingTo(perContract);
    assertThat(grant.capPerFirmYear()).isEqualByComparingTo(perYear);
    assertThat(grant.reason()).contains(reason);
  }

  @Test
  void aRentalSubsidyNeverExceedsTenPercent() {
    for (String scale : new String[] {"small", "medium", "large"}) {
      for (String level : new String[] {"none", "filed", "leading"}) {
        assertThat(grant("RENTAL", "COMPANY", scale, level).share()).isLessThanOrEqualTo(new BigDecimal("0.10"));
      }
    }
  }

  @Test
  void theAmountIsTheShareRoundedDownAndCappedPerContract() {
    SubsidyRule.Grant grant = grant("VOUCHER", "COMPANY", "medium", "filed");

    assertThat(grant.amountFor(new BigDecimal("600000.00"))).isEqualByComparingTo("180000.00");
    assertThat(grant.amountFor(new BigDecimal("333.33"))).isEqualByComparingTo("99.99");
    assertThat(grant.amountFor(new BigDecimal("9000000.00"))).isEqualByComparingTo("1000000.00");
  }

  @Test
  void noMatchingRowIsARefusalNamingTheField() {
    DmnDecision other = decision;
    assertThatThrownBy(() -> SubsidyRule.grant(dmn.evaluateDecision(other, new java.util.HashMap<>(java.util.Map.of("programme", "lottery",
        "applicantKind", "COMPANY", "clusterScale", "small", "achievementLevel", "none")))))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("voucher.no-rule"));
  }
}
