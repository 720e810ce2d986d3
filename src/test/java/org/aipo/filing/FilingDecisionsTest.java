package org.aipo.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/ai-service-filing-route.dmn and ai-service-risk-tier.dmn: one case per rule row (and the order in which
 * rows win), evaluated on the inputs {@link FilingRules#inputs} builds from a service's facts.
 */
class FilingDecisionsTest {

  static DmnEngine dmn;
  static DmnDecision route;
  static DmnDecision tier;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/ai-service-filing-route.dmn"))) {
      route = dmn.parseDecision(FilingRules.DECISION_ROUTE, in);
    }
    try (InputStream in = Files.newInputStream(Path.of("processes/ai-service-risk-tier.dmn"))) {
      tier = dmn.parseDecision(FilingRules.DECISION_TIER, in);
    }
  }

  /** Models as "own", "filed" (a third party's with a number), "unfiled" (a third party's without), joined by '+'. */
  static List<ServiceModel> models(String kinds) {
    List<ServiceModel> models = new ArrayList<>();
    for (String kind : kinds.split("\\+")) {
      models.add(switch (kind) {
        case "own" -> new ServiceModel("自研模型", "本单位", true, null);
        case "filed" -> new ServiceModel("通用大模型", "某模型公司", false, "Beijing-Example-20240101S0001");
        case "unfiled" -> new ServiceModel("开源模型", "某社区", false, null);
        default -> throw new IllegalArgumentException(kind);
      });
    }
    return models;
  }

  static AiService.ServiceFacts facts(boolean publicFacing, boolean opinion, boolean mobilisation, String models, String fields, boolean personalData,
      long users) {
    return new AiService.ServiceFacts("服务", "用途", users, publicFacing, opinion, mobilisation, List.of(fields.split("\\+")),
        personalData ? List.of("手机号") : List.of(), LocalDate.of(2026, 12, 1), models(models));
  }

  static AiServices.Assessment assess(AiService.ServiceFacts facts) {
    var inputs = FilingRules.inputs(facts);
    return FilingRules.assessment(dmn.evaluateDecision(route, inputs), dmn.evaluateDecision(tier, inputs));
  }

  @ParameterizedTest(name = "public {0}, opinion {1}, mobilisation {2}, models {3} -> {4}")
  @CsvSource({
      "false, true, true, own, NONE, 仅在本单位内部使用",                                  // rule_internalOnly
      "true, true, false, filed, REGISTRATION, 向省网信办登记",                            // rule_apiOnFiledModels
      "true, false, false, filed+filed, REGISTRATION, 向省网信办登记",                     // rule_apiOnFiledModels, no opinion
      "true, true, false, own, ALGORITHM_THEN_LARGE_MODEL, 再经省网信办向国家网信办申报",   // rule_ownModelWithOpinion
      "true, false, true, own+filed, ALGORITHM_THEN_LARGE_MODEL, 再经省网信办向国家网信办申报", // rule_ownModelWithOpinion, mobilisation
      "true, true, false, unfiled, ALGORITHM_FILING, 不能以登记代替",                       // rule_unfiledModelWithOpinion
      "true, false, true, filed+unfiled, ALGORITHM_FILING, 不能以登记代替",                 // rule_unfiledModelWithOpinion
      "true, false, false, own, NONE, 不具有舆论属性或社会动员能力",                         // rule_noOpinion
      "true, false, false, unfiled, NONE, 不具有舆论属性或社会动员能力"})                     // rule_noOpinion
  void eachRouteRow(boolean publicFacing, boolean opinion, boolean mobilisation, String models, AiService.Route expected, String reason) {
    AiServices.Assessment assessment = assess(facts(publicFacing, opinion, mobilisation, models, "media", false, 1000));

    assertThat(assessment.route()).isEqualTo(expected);
    assertThat(assessment.routeReason()).contains(reason).matches(".*[A-Za-z].*");
  }

  @ParameterizedTest(name = "opinion {0}, fields {1}, personal data {2}, users {3} -> {4}")
  @CsvSource({
      "true, media, false, 1000000, HIGH, 覆盖百万以上用户：高风险",              // rule_opinionWideReach
      "true, media+finance, true, 5000000, HIGH, 覆盖百万以上用户：高风险",       // rule_opinionWideReach wins
      "false, healthcare, true, 100, HIGH, 民生敏感领域且处理个人信息",             // rule_sensitiveFieldPersonalData
      "false, robotics+education, true, 100, HIGH, 民生敏感领域且处理个人信息",     // rule_sensitiveFieldPersonalData, one of several fields
      "true, media, false, 999999, MEDIUM, 具有舆论属性或社会动员能力：中风险",      // rule_opinion
      "false, robotics, true, 100, MEDIUM, 处理个人信息：中风险",                   // rule_personalData
      "false, finance, false, 100, MEDIUM, 民生敏感领域：中风险",                   // rule_sensitiveField
      "false, robotics, false, 2000000, MEDIUM, 覆盖百万以上用户：中风险",          // rule_wideReach
      "false, robotics, false, 999999, LOW, 其余：低风险"})                         // rule_lowRisk
  void eachTierRow(boolean opinion, String fields, boolean personalData, long users, AiService.Tier expected, String reason) {
    AiServices.Assessment assessment = assess(facts(true, opinion, false, "own", fields, personalData, users));

    assertThat(assessment.tier()).isEqualTo(expected);
    assertThat(assessment.tierReason()).contains(reason).contains("监管方式 Supervision");
  }

  @Test
  void mobilisationCountsLikePublicOpinionForTheTier() {
    AiServices.Assessment assessment = assess(facts(true, false, true, "own", "media", false, 10));

    assertThat(assessment.tier()).isEqualTo(AiService.Tier.MEDIUM);
  }

  @Test
  void supervisionModesFollowDomainMd() {
    assertThat(assess(facts(true, true, false, "own", "media", false, 2_000_000)).tierReason()).contains("季度自查").contains("现场检查");
    assertThat(assess(facts(true, false, false, "own", "robotics", true, 10)).tierReason()).contains("年度自查");
    assertThat(assess(facts(true, false, false, "own", "robotics", false, 10)).tierReason()).contains("仅参加随机抽查");
  }

  @Test
  void everyRuleRowIsCoveredAbove() {
    assertThat(((DmnDecisionTableImpl) route.getDecisionLogic()).getRules()).hasSize(5);
    assertThat(((DmnDecisionTableImpl) tier.getDecisionLogic()).getRules()).hasSize(7);
  }
}
