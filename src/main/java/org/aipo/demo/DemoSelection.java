package org.aipo.demo;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.funding.FundingPools;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.applicant.Registration;

/**
 * Demo data for trying selection on a demo server: the demo users applicant1 and applicant2 act for two
 * organisations, a published scenario list (three scenarios), and one call (robotics, intelligent manufacturing)
 * answering two of them is open for 60 days. Seeded with the
 * demo users, once.
 */
@ApplicationScoped
public class DemoSelection {

  @Inject
  Registration registration;

  @Inject
  Calls calls;

  @Inject
  org.aipo.scenario.ScenarioRounds scenarioRounds;

  @Inject
  FundingPools fundingPools;

  @Transactional
  public void seed() {
    registration.registerForExistingUser(new Organisation("示例智造有限公司 Demo Manufacturing Co.", "91310000MA1D3M0A13", "COMPANY",
        "周经理", "021-5555 0001", "applicant1@demo.example", Instant.now()), "applicant1", "system");
    registration.registerForExistingUser(new Organisation("示例机器人研究院 Demo Robotics Institute", "12310000MB1D3M0B2E", "INSTITUTE",
        "吴老师", "021-5555 0002", "applicant2@demo.example", Instant.now()), "applicant2", "system");
    Instant today = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Call call = new Call("2026 机器人与智能制造示范项目征集（演示）Demo call: robotics and intelligent manufacturing",
        Set.of("robotics", "intelligent-manufacturing"), today.minus(Duration.ofMinutes(1)), today.plus(Duration.ofDays(60)),
        new BigDecimal("5000000"), new BigDecimal("1000000"), 5, "system");
    org.aipo.scenario.ScenarioRound list = scenarioRounds.seedPublished("第一批人工智能应用场景清单（演示）Demo scenario list, first batch", "nominator",
        java.util.List.of(
            new org.aipo.scenario.Scenario.Nomination("工业视觉质检 Industrial visual inspection", "intelligent-manufacturing", "示例汽车零部件厂 Demo parts plant",
                "用视觉大模型检出装配线上的表面缺陷，替代人工目检。Find surface defects on the assembly line with a vision model.",
                "三年来 200 万张标注图像 2 million labelled images", "5 条产线 five lines", "low", false, "city"),
            new org.aipo.scenario.Scenario.Nomination("人形机器人柔性装配 Flexible assembly by humanoid robots", "robotics", "示例家电集团 Demo appliance group",
                "人形机器人在混线生产中完成柔性装配。Humanoid robots assemble mixed products on one line.",
                "装配工艺数据与动作捕捉数据 process and motion-capture data", "2 个工厂 two plants", "medium", false, "province"),
            new org.aipo.scenario.Scenario.Nomination("AI 辅助基层诊疗 AI-assisted primary care", "healthcare", "示例市卫生健康委 Demo health commission",
                "社区卫生服务中心用大模型辅助问诊与转诊。Community clinics use a model to assist consultations and referrals.",
                "脱敏电子病历 de-identified records", "120 家社区医院 120 clinics", "high", true, "city")));
    Integer version = list.getVersion();
    fundingPools.create("ai-2026", "2026 年人工智能示范应用专项资金（演示）Demo AI demonstration fund 2026", new BigDecimal("20000000"), "system");
    calls.open(call.drawsOn("ai-2026").reviewedBy(3, null, null).answers(java.util.List.of("V" + version + "-01", "V" + version + "-02"), null), "system");
  }
}
