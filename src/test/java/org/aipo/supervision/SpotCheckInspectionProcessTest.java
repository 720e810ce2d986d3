package org.aipo.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.calendar.WorkingDays;
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

/** Drives processes/spot-check-campaign.bpmn (one drawn inspection) through every path on the in-memory engine. */
@Deployment(resources = {"processes/spot-check-campaign.bpmn", "processes/forms/inspect-service.form", "processes/forms/follow-up-check.form",
    "processes/forms/handle-late-rectification.form"})
class SpotCheckInspectionProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static class RecordingStages implements SpotCheckStages {
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void recordInspection(String inspectionId, boolean findingsFound, String findings, String notes, String actor) {
      steps.add("inspected " + inspectionId + " by " + actor + ": " + (findingsFound ? "findings " + findings : "passed") + " / notes " + notes);
    }

    @Override
    public void openRectification(String inspectionId, Instant due) {
      steps.add("rectification " + inspectionId + " due " + (due != null && due.isAfter(Instant.now())));
    }

    @Override
    public void rectificationLapsed(String inspectionId) {
      steps.add("lapsed " + inspectionId);
    }

    @Override
    public void recordFollowUp(String inspectionId, boolean rectified, String notes, String actor) {
      steps.add("followed up " + inspectionId + " by " + actor + ": " + (rectified ? "rectified" : "not rectified"));
    }

    @Override
    public void publish(String inspectionId) {
      steps.add("published " + inspectionId);
    }
  }

  ProcessEngine engine;
  RecordingStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new RecordingStages();
    WorkingDays workingDays = WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties"));
    TestBeans.register("workingDays", workingDays);
    TestBeans.register("recordInspectionDelegate", new RecordInspectionDelegate(stages));
    TestBeans.register("openRectificationDelegate", new OpenRectificationDelegate(stages, workingDays));
    TestBeans.register("recordRectificationLapseDelegate", new RecordRectificationLapseDelegate(stages));
    TestBeans.register("recordFollowUpDelegate", new RecordFollowUpDelegate(stages));
    TestBeans.register("publishSpotCheckResultDelegate", new PublishSpotCheckResultDelegate(stages));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance drawn(String inspectionId) {
    return engine.getRuntimeService().startProcessInstanceByKey(SpotCheckInspections.PROCESS_KEY, inspectionId,
        Map.of(SpotCheckInspections.VAR_INSPECTION, inspectionId, SpotCheckInspections.VAR_INSPECTORS, "inspector1,inspector3", "serviceName",
            "示例对话 " + inspectionId, "organisationName", "示例智造", "serviceTier", "HIGH", "campaignName", "2026 年第一批"));
  }

  private void completeAs(String user, ProcessInstance instance, String key, Object value, Object... more) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    engine.getTaskService().complete(task(instance).getId(), withVariables(key, value, more));
    engine.getIdentityService().clearAuthentication();
  }

  private void rectify(String inspectionId) {
    engine.getRuntimeService().createMessageCorrelation(SpotCheckInspections.MESSAGE_RECTIFIED).processInstanceBusinessKey(inspectionId)
        .setVariable("rectification", "已下线问题功能").correlate();
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(SpotCheckInspections.TIMER_RECTIFICATION_DUE)
        .singleResult();
  }

  @Test
  void theModelIsTheProcessTheCampaignStarts() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("spotCheckInspection").singleResult()).isNotNull();
    assertThat(SpotCheckInspections.PROCESS_KEY).isEqualTo("spotCheckInspection");
  }

  @Test
  void theInspectionIsATaskForItsDrawnInspectorsOnlyWithItsFormAndADueDate() throws Exception {
    ProcessInstance instance = drawn("i1");

    assertThat(instance).isWaitingAt(SpotCheckInspections.TASK_INSPECT);
    Task task = task(instance);
    assertThat(task).hasCandidateUser("inspector1").hasCandidateUser("inspector3").isNotAssigned();
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateUser("inspector2").count()).as("an inspector not drawn").isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateUser("inspector3").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("programme-office").count()).isZero();
    assertThat(task.getDueDate()).isNotNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"inspectService\"").contains("\"key\": \"findingsFound\"")
          .contains("\"key\": \"inspectionNotes\"");
    }
    assertThat(stages.steps).isEmpty();
  }

  @Test
  void noFindingsPublishesTheResultAtOnce() {
    ProcessInstance instance = drawn("i1");
    completeAs("inspector1", instance, SpotCheckInspections.VAR_FINDINGS_FOUND, "false", SpotCheckInspections.VAR_NOTES, "现场查看日志");

    assertThat(instance).isEnded().hasPassed("serviceTask_recordInspection", "serviceTask_publishResult", SpotCheckInspections.END_PUBLISHED)
        .hasNotPassed("serviceTask_openRectification");
    assertThat(stages.steps).containsExactly("inspected i1 by inspector1: passed / notes 现场查看日志", "published i1");
  }

  @Test
  void findingsOpenARectificationThenTheFollowUpCheckAndThePublication() throws Exception {
    ProcessInstance instance = drawn("i1");
    completeAs("inspector3", instance, SpotCheckInspections.VAR_FINDINGS_FOUND, "true", SpotCheckInspections.VAR_FINDINGS, "未标识生成内容");

    assertThat(instance).isWaitingAt(SpotCheckInspections.RECEIVE_RECTIFICATION);
    assertThat(timer(instance)).as("the rectification deadline").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), SpotCheckInspections.VAR_RECTIFICATION_DUE)).isNotNull();
    assertThat(stages.steps).containsExactly("inspected i1 by inspector3: findings 未标识生成内容 / notes null", "rectification i1 due true");

    rectify("i1");
    assertThat(instance).isWaitingAt(SpotCheckInspections.TASK_FOLLOW_UP);
    assertThat(task(instance)).hasCandidateUser("inspector1").hasCandidateUser("inspector3");
    assertThat(timer(instance)).as("no lapse once rectified").isNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"followUpCheck\"").contains("{{rectification}}");
    }

    completeAs("inspector1", instance, SpotCheckInspections.VAR_RECTIFIED, "true");
    assertThat(instance).isEnded().hasPassed("serviceTask_recordFollowUp", SpotCheckInspections.END_PUBLISHED)
        .hasNotPassed("userTask_handleLateRectification");
    assertThat(stages.steps).endsWith("followed up i1 by inspector1: rectified", "published i1");
  }

  @Test
  void aLateRectificationIsRecordedAndEscalatedToTheOfficeAndTheFirmMayStillRectify() {
    ProcessInstance instance = drawn("i1");
    completeAs("inspector1", instance, SpotCheckInspections.VAR_FINDINGS_FOUND, true, SpotCheckInspections.VAR_FINDINGS, "无投诉渠道");

    execute(timer(instance));
    assertThat(instance).isWaitingAt(SpotCheckInspections.RECEIVE_RECTIFICATION, SpotCheckInspections.TASK_LATE_RECTIFICATION);
    Task late = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(SpotCheckInspections.TASK_LATE_RECTIFICATION)
        .singleResult();
    assertThat(late).hasCandidateGroup("programme-office");
    assertThat(late.getDueDate()).isNotNull();
    assertThat(stages.steps).contains("lapsed i1");

    engine.getTaskService().complete(late.getId(), withVariables("lateRectificationNote", "已约谈企业"));
    assertThat(instance).hasPassed(SpotCheckInspections.END_LATE_HANDLED).isWaitingAt(SpotCheckInspections.RECEIVE_RECTIFICATION);

    rectify("i1");
    Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(SpotCheckInspections.TASK_FOLLOW_UP)
        .singleResult();
    engine.getIdentityService().setAuthenticatedUserId("inspector3");
    engine.getTaskService().complete(followUp.getId(), withVariables(SpotCheckInspections.VAR_RECTIFIED, "false"));
    engine.getIdentityService().clearAuthentication();
    assertThat(instance).isEnded().hasPassed(SpotCheckInspections.END_PUBLISHED);
    assertThat(stages.steps).containsSubsequence("lapsed i1", "followed up i1 by inspector3: not rectified", "published i1");
  }

  @Test
  void aResultThroughTheApiIsRecordedForTheInspectorItNames() {
    ProcessInstance instance = drawn("i2");
    engine.getTaskService().complete(task(instance).getId(), withVariables(SpotCheckInspections.VAR_FINDINGS_FOUND, false,
        SpotCheckInspections.VAR_DECIDED_BY, "inspector3"));

    assertThat(instance).isEnded();
    assertThat(stages.steps).first().asString().startsWith("inspected i2 by inspector3: passed");
  }
}
