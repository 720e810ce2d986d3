package org.aipo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/proposal-ranking.dmn, one case per rule row and the edges between them. */
class ProposalThresholdDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/proposal-ranking.dmn"))) {
      decision = dmn.parseDecision("proposalThreshold", in);
    }
  }

  DmnDecisionResult evaluate(double score, double lowestShare) {
    return dmn.evaluateDecision(decision, Map.of("score", score, "lowestCriterionShare", lowestShare));
  }

  @ParameterizedTest(name = "score {0}, lowest share {1} -> passes {2}")
  @CsvSource({
      "69.99, 0.9, false, 低于70分",   // rule_scoreBelowThreshold
      "50, 0.2, false, 低于70分",      // first hit wins: the score rule is reported
      "85, 0.49, false, 一半",         // rule_criterionBelowHalf
      "70, 0.5, true, 达到门槛",       // rule_passes, both thresholds met exactly
      "92.5, 1.0, true, 达到门槛"})
  void eachRuleRow(double score, double share, boolean passes, String reason) {
    DmnDecisionResult result = evaluate(score, share);

    assertThat(result.getSingleResult().<Boolean>getEntry("passes")).isEqualTo(passes);
    assertThat(result.getSingleResult().<String>getEntry("reason")).contains(reason);
  }

  @Test
  void everyRuleRowIsCoveredAbove() {
    assertThat(decision.getKey()).isEqualTo("proposalThreshold");
    assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()).hasSize(3);
  }
}
