package org.aipo.platformcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.aipo.audit.AuditDelegate;
import org.aipo.audit.AuditRecord;
import org.aipo.testing.RecordingAuditLog;
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

/** Drives processes/platform-check.bpmn through every path on the in-memory engine. */
@Deployment(resources = {"processes/platform-check.bpmn", "processes/forms/confirm-platform-check.form"})
class PlatformCheckProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  RecordingAuditLog auditLog;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    auditLog = new RecordingAuditLog();
    TestBeans.register("auditDelegate", new AuditDelegate(auditLog));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(PlatformCheck.PROCESS_KEY, "PC-test", variables);
  }

  @Test
  void waitsForTheProgrammeOfficeWithItsOwnForm() throws Exception {
    ProcessInstance instance = start(Map.of(PlatformCheck.VAR_CONFIRM_WITHIN, "P2D"));

    assertThat(instance).isWaitingAt(PlatformCheck.TASK_CONFIRM);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"id\": \"confirmPlatformCheck\"").contains("\"key\": \"confirmed\"");
    }
  }

  @Test
  void confirmationIsRecordedWithTheOfficialWhoConfirmed() {
    ProcessInstance instance = start(Map.of(PlatformCheck.VAR_CONFIRM_WITHIN, "P2D"));

    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(),
        withVariables(PlatformCheck.VAR_CONFIRMED, true, PlatformCheck.VAR_REMARK, "一切正常"));

    assertThat(instance).isEnded().hasPassed("serviceTask_recordConfirmation", PlatformCheck.END_CONFIRMED);
    AuditRecord record = onlyRecord(instance);
    assertThat(record.getAction()).isEqualTo(PlatformCheck.ACTION_CONFIRMED);
    assertThat(record.getActor()).isEqualTo("office");
    assertThat(record.getDetail()).isEqualTo("一切正常");
  }

  @Test
  void aProblemIsRecordedWithItsDescription() {
    ProcessInstance instance = start(Map.of(PlatformCheck.VAR_CONFIRM_WITHIN, "P2D"));

    engine.getTaskService().complete(task(instance).getId(),
        withVariables(PlatformCheck.VAR_CONFIRMED, false, PlatformCheck.VAR_REMARK, "表单无法打开"));

    assertThat(instance).isEnded().hasPassed("serviceTask_recordProblem", "endEvent_problemReported")
        .hasNotPassed(PlatformCheck.END_CONFIRMED);
    AuditRecord record = onlyRecord(instance);
    assertThat(record.getAction()).isEqualTo("platform-check.problem-reported");
    assertThat(record.getDetail()).isEqualTo("表单无法打开");
    assertThat(record.getActor()).isEqualTo("system");
  }

  @Test
  void aMissingAnswerCountsAsAProblemNotAConfirmation() {
    ProcessInstance instance = start(Map.of(PlatformCheck.VAR_CONFIRM_WITHIN, "P2D"));

    engine.getTaskService().complete(task(instance).getId());

    assertThat(instance).isEnded().hasPassed("endEvent_problemReported");
    assertThat(onlyRecord(instance).getDetail()).isNull();
  }

  @Test
  void anUnansweredCheckBecomesOverdueAfterTheGivenDuration() {
    Date before = new Date();
    ProcessInstance instance = start(Map.of(PlatformCheck.VAR_CONFIRM_WITHIN, "PT1H"));

    Job timer = job(instance);
    assertThat(Duration.between(before.toInstant(), timer.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    execute(timer);

    assertThat(instance).isEnded().hasPassed(PlatformCheck.TIMER_OVERDUE, PlatformCheck.END_OVERDUE)
        .hasNotPassed("gateway_platformWorks");
    AuditRecord record = onlyRecord(instance);
    assertThat(record.getAction()).isEqualTo(PlatformCheck.ACTION_OVERDUE);
    assertThat(record.getActor()).isEqualTo("system");
  }

  @Test
  void withoutADurationTheCheckIsOverdueAfterTwoDays() {
    Date before = new Date();
    ProcessInstance instance = start(Map.of());

    Job timer = job(instance);
    assertThat(Duration.between(before.toInstant(), timer.getDuedate().toInstant()))
        .isBetween(Duration.ofHours(47), Duration.ofHours(49));
    Task open = task(instance);
    assertThat(open.getTaskDefinitionKey()).isEqualTo(PlatformCheck.TASK_CONFIRM);
  }

  private AuditRecord onlyRecord(ProcessInstance instance) {
    assertThat(auditLog.all()).hasSize(1);
    AuditRecord record = auditLog.all().get(0);
    assertThat(record.getSubjectType()).isEqualTo(AuditDelegate.SUBJECT_TYPE);
    assertThat(record.getSubjectId()).isEqualTo(instance.getId());
    return record;
  }
}
