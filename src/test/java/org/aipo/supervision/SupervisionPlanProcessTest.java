package org.aipo.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.calendar.WorkingDays;
import org.aipo.filing.AiService.Tier;
import org.aipo.filing.ServiceTiered;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drives processes/supervision-plan.bpmn and the plan's following of the tier ({@link SupervisionPlans#follow}). */
@Deployment(resources = {"processes/supervision-plan.bpmn", "processes/forms/escalate-self-inspection.form"})
class SupervisionPlanProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static class RecordingStages implements SupervisionPlanStages {
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void scheduled(String serviceId, String tier, Instant due) {
      steps.add("scheduled " + serviceId + " " + tier);
    }

    @Override
    public void reminded(String serviceId, Instant due) {
      steps.add("reminded " + serviceId);
    }

    @Override
    public void late(String serviceId, Instant due) {
      steps.add("late " + serviceId);
    }
  }

  ProcessEngine engine;
  RecordingStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new RecordingStages();
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("scheduleSelfInspectionDelegate", new ScheduleSelfInspectionDelegate(stages));
    TestBeans.register("remindSelfInspectionDelegate", new RemindSelfInspectionDelegate(stages));
    TestBeans.register("recordSelfInspectionLateDelegate", new RecordSelfInspectionLateDelegate(stages));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
  }

  private String tiered(String serviceId, Tier tier, Tier previous) {
    return SupervisionPlans.follow(engine.getRuntimeService(), new ServiceTiered(serviceId, "org-1", tier, previous, previous == null ? "规则" : "复核调整",
        "office"), "示例服务 " + serviceId);
  }

  private ProcessInstance plan(String serviceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionPlans.PROCESS_KEY).processInstanceBusinessKey(serviceId)
        .singleResult();
  }

  private Instant due(ProcessInstance plan) {
    return ((Date) engine.getRuntimeService().getVariable(plan.getId(), SupervisionPlans.VAR_DUE)).toInstant();
  }

  private Job timer(ProcessInstance plan, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(plan.getId()).activityId(activityId).singleResult();
  }

  private void report(String serviceId) {
    engine.getRuntimeService().createMessageCorrelation(SupervisionPlans.MESSAGE_REPORTED).processInstanceBusinessKey(serviceId).correlate();
  }

  @Test
  void aHighTierServiceReportsQuarterlyWithAReminderTenDaysBefore() {
    assertThat(tiered("s1", Tier.HIGH, null)).contains("quarterly");

    ProcessInstance plan = plan("s1");
    assertThat(plan).isWaitingAt(SupervisionPlans.RECEIVE_REPORT);
    Instant expected = ZonedDateTime.now(SupervisionPlans.BEIJING).plusMonths(3).toInstant();
    assertThat(due(plan)).isCloseTo(expected, within(1, ChronoUnit.MINUTES));
    Date reminderAt = (Date) engine.getRuntimeService().getVariable(plan.getId(), SupervisionPlans.VAR_REMINDER_AT);
    assertThat(Instant.ofEpochMilli(reminderAt.getTime())).isEqualTo(due(plan).atZone(SupervisionPlans.BEIJING).minusDays(10).toInstant());
    assertThat(timer(plan, SupervisionPlans.TIMER_REMINDER).getDuedate()).isEqualTo(reminderAt);
    assertThat(timer(plan, SupervisionPlans.TIMER_LATE).getDuedate().toInstant()).isEqualTo(due(plan));
    assertThat(stages.steps).containsExactly("scheduled s1 HIGH");
  }

  @Test
  void aMediumTierServiceReportsYearlyAndALowTierOneHasNoPlan() {
    tiered("s2", Tier.MEDIUM, null);
    assertThat(due(plan("s2"))).isCloseTo(ZonedDateTime.now(SupervisionPlans.BEIJING).plusYears(1).toInstant(), within(1, ChronoUnit.MINUTES));

    assertThat(tiered("s3", Tier.LOW, null)).contains("spot checks only");
    assertThat(plan("s3")).isNull();
  }

  @Test
  void aReportOnTimeMovesThePlanToTheNextQuarterCountedFromTheDueDate() {
    tiered("s1", Tier.HIGH, null);
    ProcessInstance plan = plan("s1");
    Instant first = due(plan);

    report("s1");
    assertThat(plan).isWaitingAt(SupervisionPlans.RECEIVE_REPORT);
    assertThat(due(plan)).isEqualTo(first.atZone(SupervisionPlans.BEIJING).plusMonths(3).toInstant());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).count()).as("no escalation").isZero();
    assertThat(stages.steps).containsExactly("scheduled s1 HIGH", "scheduled s1 HIGH");
  }

  @Test
  void theReminderIsRecordedAndThePlanKeepsWaiting() {
    tiered("s1", Tier.HIGH, null);
    ProcessInstance plan = plan("s1");

    execute(timer(plan, SupervisionPlans.TIMER_REMINDER));
    assertThat(plan).isWaitingAt(SupervisionPlans.RECEIVE_REPORT).hasPassed("serviceTask_remindSelfInspection", "endEvent_reminded");
    assertThat(stages.steps).containsExactly("scheduled s1 HIGH", "reminded s1");
  }

  @Test
  void aLateReportIsEscalatedToTheOfficeAndTheReportStillMovesThePlanOn() {
    tiered("s1", Tier.HIGH, null);
    ProcessInstance plan = plan("s1");
    Instant first = due(plan);

    execute(timer(plan, SupervisionPlans.TIMER_LATE));
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey(SupervisionPlans.TASK_ESCALATE)
        .singleResult();
    assertThat(escalation).isNotNull().hasCandidateGroup("programme-office");
    assertThat(escalation.getDueDate()).isNotNull();
    assertThat(stages.steps).containsExactly("scheduled s1 HIGH", "late s1");

    report("s1");
    assertThat(due(plan)).isEqualTo(first.atZone(SupervisionPlans.BEIJING).plusMonths(3).toInstant());
    engine.getTaskService().complete(escalation.getId(), withVariables("escalationNote", "已督促企业"));
    assertThat(plan).hasPassed("endEvent_escalationHandled").isWaitingAt(SupervisionPlans.RECEIVE_REPORT);
  }

  @Test
  void aTierChangeEndsThePlanWithTheReasonAndStartsTheNewTiersPlan() {
    tiered("s1", Tier.HIGH, null);
    ProcessInstance high = plan("s1");

    assertThat(tiered("s1", Tier.MEDIUM, Tier.HIGH)).contains("ended").contains("HIGH → MEDIUM: 复核调整").contains("yearly");
    assertThat(high).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(high.getId()).singleResult().getDeleteReason())
        .contains("HIGH → MEDIUM");
    ProcessInstance medium = plan("s1");
    assertThat(medium.getId()).isNotEqualTo(high.getId());
    assertThat(engine.getRuntimeService().getVariable(medium.getId(), SupervisionPlans.VAR_TIER)).isEqualTo("MEDIUM");

    assertThat(tiered("s1", Tier.LOW, Tier.MEDIUM)).contains("spot checks only");
    assertThat(plan("s1")).isNull();

    tiered("s1", Tier.HIGH, Tier.LOW);
    assertThat(engine.getRuntimeService().getVariable(plan("s1").getId(), SupervisionPlans.VAR_TIER)).isEqualTo("HIGH");
  }
}
