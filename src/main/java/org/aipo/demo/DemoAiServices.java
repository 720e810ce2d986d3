package org.aipo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.filing.AiService;
import org.aipo.filing.FilingGuidance;
import org.aipo.filing.Readiness;
import org.aipo.filing.ServiceFiling;
import org.aipo.filing.ServiceModel;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Demo data for trying AI-service filing (README "Try AI-service filing"): three services of the demo firms, one per
 * tier. applicant1's government Q&amp;A assistant (MEDIUM, registration on a filed model) went through guidance and is
 * FILED with number {@link #FILED_NUMBER}; applicant1's medical model (HIGH, algorithm then large-model filing) waits
 * for its readiness self-assessment; applicant2's internal knowledge assistant (LOW) needs no filing.
 */
@ApplicationScoped
public class DemoAiServices {

  /** The demo's filed service's number: calls and voucher rounds that require filed models accept it. */
  public static final String FILED_NUMBER = "Hubei-DemoGovQA-20261130S0001";

  @Inject
  FilingGuidance guidance;

  @Inject
  WorkflowEngine workflowEngine;

  @Transactional
  public void seed() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    AiService qa = guidance.register("applicant1", new AiService.ServiceFacts("示例政务问答助手 Demo government Q&A assistant",
        "为市民解答办事指南问题 Answers citizens' questions on public services", 300_000, true, true, false, List.of("digital-government"), List.of(),
        today.minusMonths(1), List.of(new ServiceModel("示例通用大模型 Demo general model", "示例模型公司 Demo Model Co.", false,
            "Beijing-ExampleChat-20240315S0001"))));
    guidance.selfAssess("applicant1", qa.getId(), new Readiness.Figures(null, null, 2400, 1200, new BigDecimal("93.5"), 600, 320, new BigDecimal("96.2"),
        600, 320, new BigDecimal("3.1"), 12000), "演示数据 demo data");
    Task preReview = workflowEngine.processEngine().getTaskService().createTaskQuery().processInstanceBusinessKey(qa.getId())
        .taskDefinitionKey(ServiceFiling.TASK_PRE_REVIEW).singleResult();
    workflowEngine.processEngine().getTaskService().complete(preReview.getId(), Map.of(ServiceFiling.VAR_FORWARDED, "true",
        ServiceFiling.VAR_PRE_REVIEW_NOTE, "演示数据 demo data"));
    guidance.recordResult("applicant1", qa.getId(), true, FILED_NUMBER, null);

    guidance.register("applicant1", new AiService.ServiceFacts("示例自研医疗大模型 Demo medical model", "辅助医生书写病历 Helps doctors write records",
        2_000_000, true, true, false, List.of("healthcare"), List.of("病历 medical records", "手机号 phone numbers"), today.plusDays(20),
        List.of(new ServiceModel("示例医疗大模型 Demo medical LLM", "本单位 own", true, null))));

    guidance.register("applicant2", new AiService.ServiceFacts("示例内部知识库助手 Demo internal knowledge assistant",
        "员工检索研究资料 Staff search research notes", 200, false, false, false, List.of("robotics"), List.of(), null,
        List.of(new ServiceModel("开源模型 Open-source model", "开源社区 community", false, null))));
  }
}
