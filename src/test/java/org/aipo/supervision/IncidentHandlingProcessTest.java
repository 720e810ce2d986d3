package org.aipo.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.calendar.WorkingDays;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drives processes/incident-handling.bpmn on the in-memory engine. */
@Deployment(resources = {"processes/incident-handling.bpmn", "processes/forms/handle-incident.form"})
class IncidentHandlingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  final List<String> steps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("recordIncidentOutcomeDelegate", new RecordIncidentOutcomeDelegate((id, outcome, actor) -> steps.add(id + " by " + actor + ": "
        + outcome)));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance reported(String id) {
    return engine.getRuntimeService().startProcessInstanceByKey(Incidents.PROCESS_KEY, id, Map.of(Incidents.VAR_INCIDENT, id, "serviceName",
        "示例对话助手", "reporterName", "李雷", "reporterContact", "lilei@example.com", "incidentDescription", "生成了虚假医疗建议"));
  }

  @Test
  void aReportOpensTheOfficesHandlingTaskWithItsFormAndADueDate() throws Exception {
    ProcessInstance instance = reported("x1");

    assertThat(instance.getProcessDefinitionId()).as("the model's key and the code's constant agree").startsWith("incidentHandling:");
    assertThat(instance).isWaitingAt(Incidents.TASK_HANDLE);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    assertThat(task(instance).getDueDate()).isNotNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"handleIncident\"").contains("\"key\": \"incidentOutcome\"");
    }
    assertThat(steps).isEmpty();
  }

  @Test
  void theOutcomeFromTasklistIsRecordedForTheOfficeUser() {
    ProcessInstance instance = reported("x1");
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(), withVariables(Incidents.VAR_OUTCOME, "已约谈企业"));

    assertThat(instance).isEnded().hasPassed("serviceTask_recordIncidentOutcome", Incidents.END_HANDLED);
    assertThat(steps).containsExactly("x1 by office: 已约谈企业");
  }

  @Test
  void theOutcomeThroughTheApiIsRecordedForTheCallerItNames() {
    ProcessInstance instance = reported("x2");
    engine.getTaskService().complete(task(instance).getId(), withVariables(Incidents.VAR_OUTCOME, "转交网信部门", Incidents.VAR_DECIDED_BY, "office2"));

    assertThat(instance).isEnded();
    assertThat(steps).containsExactly("x2 by office2: 转交网信部门");
  }
}
