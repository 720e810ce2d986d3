package org.aipo.demo;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.filing.AiService;
import org.aipo.filing.AiService.Route;
import org.aipo.filing.AiService.Tier;
import org.aipo.filing.AiServices;
import org.aipo.filing.ServiceModel;
import org.aipo.supervision.SpotChecks;

/**
 * Demo data for trying supervision (programme 5, steps 5 and 6): seven AI services of the two demo organisations in the
 * three tiers, registered through {@link AiServices} (so each high and medium one gets its supervision plan), and an
 * avoidance declaration: inspector1 has a relationship with Demo Manufacturing (applicant1's organisation), so no draw
 * sends inspector1 to its services. The filing capability adds its own demo services separately.
 */
@ApplicationScoped
public class DemoSupervision {

  /** applicant1's organisation (DemoSelection). */
  static final String MANUFACTURING_CREDIT_CODE = "91310000MA1D3M0A13";

  @Inject
  AiServices aiServices;

  @Inject
  SpotChecks spotChecks;

  @Transactional
  public void seed() {
    service("applicant1", "示例智造客服大模型 Demo Manufacturing assistant", 2_000_000, true, true, Tier.HIGH);
    service("applicant1", "示例质检视觉模型 Demo quality-inspection vision", 2_000, false, false, Tier.LOW);
    service("applicant1", "示例供应链问答 Demo supply-chain Q&A", 50_000, true, false, Tier.MEDIUM);
    service("applicant2", "示例机器人对话平台 Demo robot dialogue platform", 800_000, true, true, Tier.HIGH);
    service("applicant2", "示例科研写作助手 Demo research-writing assistant", 30_000, true, false, Tier.MEDIUM);
    service("applicant2", "示例实验室调度 Demo lab scheduling", 500, false, false, Tier.LOW);
    service("applicant2", "示例文献检索 Demo literature search", 5_000, false, false, Tier.LOW);
    spotChecks.declareAvoidance("inspector1", MANUFACTURING_CREDIT_CODE, "RELATIONSHIP", "演示：曾为该企业提供咨询 Demo: advised the firm", "system");
  }

  private void service(String user, String name, long users, boolean publicFacing, boolean publicOpinion, Tier tier) {
    AiService.ServiceFacts facts = new AiService.ServiceFacts(name, "演示数据 demo data: " + name, users, publicFacing, publicOpinion, false,
        List.of("manufacturing"), publicFacing ? List.of("contact") : List.of(), LocalDate.now().minusMonths(2),
        List.of(new ServiceModel("演示基座模型 Demo base model", "示例模型公司 Demo Models Co.", false, "Beijing-DemoModel-20240101S0001")));
    Route route = publicOpinion ? Route.ALGORITHM_THEN_LARGE_MODEL : publicFacing ? Route.REGISTRATION : Route.NONE;
    aiServices.register(user, facts, new AiServices.Assessment(route, "演示数据 demo data", tier, "演示数据 demo data: " + tier));
  }
}
