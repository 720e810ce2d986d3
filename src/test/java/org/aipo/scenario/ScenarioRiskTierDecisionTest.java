package org.aipo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/scenario-risk-tier.dmn: one case per rule row, and the order in which rows win. */
class ScenarioRiskTierDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/scenario-risk-tier.dmn"))) {
      decision = dmn.parseDecision("scenarioRiskTier", in);
    }
  }

  DmnDecisionResultEntries evaluate(String field, String impact, boolean personalData, String scope) {
    return dmn.evaluateDecision(decision, Map.of("field", field, "publicServiceImpact", impact, "personalData", personalData, "scope", scope))
        .getSingleResult();
  }

  @ParameterizedTest(name = "{0}, impact {1}, personal data {2}, {3} -> {4}")
  @CsvSource({
      "robotics, high, true, city, high, 处理个人信息且公共服务影响大",                 // rule_personalDataHighImpact
      "healthcare, medium, false, district, high, 民生敏感领域",                       // rule_sensitiveField
      "elderly-care, high, false, city, high, 民生敏感领域",                            // rule_sensitiveField, high impact
      "intelligent-manufacturing, high, false, province, high, 全省或全国范围",        // rule_wideHighImpact
      "robotics, low, true, national, medium, 处理个人信息：中风险",                    // rule_personalData
      "meteorology, medium, false, city, medium, 公共服务影响中等以上",                 // rule_publicImpact
      "intelligent-manufacturing, high, false, city, medium, 公共服务影响中等以上",     // rule_publicImpact: high impact, local
      "integrated-circuits, low, false, national, medium, 全国范围",                   // rule_nationalScope
      "healthcare, low, false, city, low, 其余",                                      // rule_lowRisk: sensitive field, low impact
      "robotics, low, false, district, low, 其余"})                                   // rule_lowRisk
  void eachRuleRow(String field, String impact, boolean personalData, String scope, String tier, String reason) {
    DmnDecisionResultEntries result = evaluate(field, impact, personalData, scope);

    assertThat(result.<String>getEntry("riskTier")).isEqualTo(tier);
    assertThat(result.<String>getEntry("reason")).contains(reason);
    assertThat(result.<String>getEntry("supervisionMode")).isNotBlank();
  }

  @Test
  void highRiskMeansPriorAssessmentAndLowRiskMeansLightTouch() {
    assertThat(evaluate("finance", "high", true, "national").<String>getEntry("supervisionMode")).contains("事前安全评估");
    assertThat(evaluate("robotics", "low", false, "city").<String>getEntry("supervisionMode")).contains("事后监管");
  }

  @Test
  void everyRuleRowIsCoveredAbove() {
    assertThat(decision.getKey()).isEqualTo("scenarioRiskTier");
    assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()).hasSize(7);
  }
}
