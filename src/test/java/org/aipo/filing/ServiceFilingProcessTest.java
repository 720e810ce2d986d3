package org.aipo.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.aipo.calendar.WorkingDays;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drives processes/service-filing.bpmn through every path on the in-memory engine: each route, correction, lapse, refusal, late filing. */
@Deployment(resources = {"processes/service-filing.bpmn", "processes/forms/pre-review-filing.form", "processes/forms/handle-late-filing.form"})
class ServiceFilingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  InMemoryFilingStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new InMemoryFilingStages();
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("forwardFilingDelegate", new ForwardFilingDelegate(stages));
    TestBeans.register("returnForCorrectionDelegate", new ReturnForCorrectionDelegate(stages));
    TestBeans.register("lapseGuidanceDelegate", new LapseGuidanceDelegate(stages));
    TestBeans.register("remindFilingDeadlineDelegate", new RemindFilingDeadlineDelegate(stages));
    TestBeans.register("recordLateFilingDelegate", new RecordLateFilingDelegate(stages));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  /** Starts guidance as FilingGuidance does; a deadline (due in {@code dueIn}) only for algorithm routes with a start day. */
  private ProcessInstance start(String serviceId, AiService.Route route, Duration dueIn) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ServiceFiling.VAR_SERVICE, serviceId);
    variables.put(ServiceFiling.VAR_ROUTE, route.name());
    variables.put(ServiceFiling.VAR_SERVICE_NAME, "服务 " + serviceId);
    variables.put(ServiceFiling.VAR_ORGANISATION_NAME, "企业");
    variables.put(ServiceFiling.VAR_SUMMARY, "摘要");
    if (dueIn != null) {
      variables.put(ServiceFiling.VAR_DUE_AT, Date.from(Instant.now().plus(dueIn)));
      variables.put(ServiceFiling.VAR_REMINDER_AT, Date.from(Instant.now().plus(dueIn).minus(Duration.ofDays(3))));
    }
    return engine.getRuntimeService().startProcessInstanceByKey(ServiceFiling.PROCESS_KEY, serviceId, variables);
  }

  private void selfAssess(String serviceId, int unmet) {
    engine.getRuntimeService().createMessageCorrelation(ServiceFiling.MESSAGE_SELF_ASSESSED).processInstanceBusinessKey(serviceId)
        .setVariable(ServiceFiling.VAR_READINESS, "| 要求 | … |").setVariable(ServiceFiling.VAR_UNMET, unmet).correlate();
  }

  private void preReview(ProcessInstance instance, String forwarded, String note) {
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(ServiceFiling.TASK_PRE_REVIEW, instance).getId(),
        withVariables(ServiceFiling.VAR_FORWARDED, forwarded, ServiceFiling.VAR_PRE_REVIEW_NOTE, note));
    engine.getIdentityService().clearAuthentication();
  }

  private void result(String serviceId, boolean granted) {
    engine.getRuntimeService().createMessageCorrelation(ServiceFiling.MESSAGE_FILING_RESULT).processInstanceBusinessKey(serviceId)
        .setVariable(ServiceFiling.VAR_GRANTED, granted).correlate();
  }

  private Job job(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  @Test
  void registrationHasNoDeadlineAndEndsFiledWhenGranted() throws Exception {
    ProcessInstance instance = start("s1", AiService.Route.REGISTRATION, null);

    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT).hasPassed("endEvent_noDeadline");
    selfAssess("s1", 0);
    assertThat(instance).isWaitingAt(ServiceFiling.TASK_PRE_REVIEW);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    assertThat(task(instance).getDueDate()).as("20 working days").isAfter(Date.from(Instant.now().plus(Duration.ofDays(25))));
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("{{readinessMarkdown}}").contains("\"key\": \"forwarded\"");
    }
    preReview(instance, "true", "材料齐全");

    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_RESULT).hasPassed("serviceTask_forwardFiling");
    assertThat(stages.steps).containsExactly("forward s1 by office: 材料齐全");
    result("s1", true);
    assertThat(instance).isEnded().hasPassed("endEvent_serviceFiled");
  }

  @Test
  void algorithmFilingTracksItsDeadlineAndTheOutcomeEndsTheTracking() {
    ProcessInstance instance = start("s2", AiService.Route.ALGORITHM_FILING, Duration.ofDays(14));

    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT, ServiceFiling.TIMER_REMINDER);
    selfAssess("s2", 0);
    preReview(instance, "true", null);
    result("s2", true);

    assertThat(instance).as("the terminate end stops the deadline branch").isEnded().hasPassed("endEvent_serviceFiled")
        .hasNotPassed("serviceTask_remindFilingDeadline");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void algorithmThenLargeModelAlsoTracksTheDeadline() {
    ProcessInstance instance = start("s3", AiService.Route.ALGORITHM_THEN_LARGE_MODEL, Duration.ofDays(14));

    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT, ServiceFiling.TIMER_REMINDER).hasPassed("gateway_algorithmDeadline")
        .hasNotPassed("endEvent_noDeadline");
  }

  @Test
  void lateFilingRemindsThenGivesTheOfficeAFollowUpTask() {
    ProcessInstance instance = start("s4", AiService.Route.ALGORITHM_FILING, Duration.ofDays(14));

    execute(job(instance, ServiceFiling.TIMER_REMINDER));
    assertThat(stages.steps).containsExactly("remind s4");
    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT, ServiceFiling.TIMER_DEADLINE);

    execute(job(instance, ServiceFiling.TIMER_DEADLINE));
    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT, ServiceFiling.TASK_LATE_FILING);
    assertThat(task(ServiceFiling.TASK_LATE_FILING, instance)).hasCandidateGroup("programme-office");
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(ServiceFiling.TASK_LATE_FILING, instance).getId(),
        withVariables(ServiceFiling.VAR_LATE_NOTE, "已电话督促"));

    assertThat(stages.steps).containsExactly("remind s4", "late s4 by office: 已电话督促");
    assertThat(instance).as("guidance goes on").isWaitingAt(ServiceFiling.RECEIVE_SELF_ASSESSMENT).hasPassed("endEvent_lateFilingFollowedUp");
  }

  @Test
  void aReturnedAssessmentIsCorrectedAndPreReviewedAgain() {
    ProcessInstance instance = start("s5", AiService.Route.REGISTRATION, null);
    selfAssess("s5", 2);
    preReview(instance, "false", "关键词库不足一万条");

    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_CORRECTION).hasPassed("serviceTask_returnForCorrection");
    assertThat(stages.steps).containsExactly("return s5 by office: 关键词库不足一万条");
    assertThat(job(instance, ServiceFiling.TIMER_CORRECTION).getDuedate().toInstant())
        .isEqualTo(stages.correctionDue.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    selfAssess("s5", 0);
    assertThat(instance).isWaitingAt(ServiceFiling.TASK_PRE_REVIEW);
    preReview(instance, "true", "已补正");
    assertThat(instance).isWaitingAt(ServiceFiling.RECEIVE_RESULT);
  }

  @Test
  void anUncorrectedReturnLapses() {
    ProcessInstance instance = start("s6", AiService.Route.ALGORITHM_FILING, Duration.ofDays(30));
    selfAssess("s6", 3);
    preReview(instance, "false", "拒答率不达标");

    execute(job(instance, ServiceFiling.TIMER_CORRECTION));

    assertThat(stages.steps).containsExactly("return s6 by office: 拒答率不达标", "lapse s6");
    assertThat(instance).isEnded().hasPassed("serviceTask_lapseGuidance", "endEvent_guidanceLapsed");
  }

  @Test
  void aRefusedFilingEndsRefused() {
    ProcessInstance instance = start("s7", AiService.Route.ALGORITHM_THEN_LARGE_MODEL, null);
    selfAssess("s7", 0);
    preReview(instance, "true", null);
    result("s7", false);

    assertThat(instance).isEnded().hasPassed("endEvent_filingRefused").hasNotPassed("endEvent_serviceFiled");
  }
}
