package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.calendar.WorkingDays;
import org.aipo.common.DomainException;
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

/** Drives processes/voucher-round.bpmn and processes/voucher-round-cadence.bpmn through every path on the in-memory engine. */
@Deployment(resources = {"processes/voucher-round.bpmn", "processes/voucher-round-cadence.bpmn", "processes/forms/open-voucher-round.form"})
class VoucherRoundProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /** Records the steps; opening checks what the database would and starts the round's process as the service does. */
  class RecordingStages implements VoucherRoundStages {
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void roundEnded(String roundId, String actor) {
      steps.add("close " + roundId + " by " + actor);
    }

    @Override
    public String openNextRound(String name, VoucherRound.Programme programme, BigDecimal poolTotal, Instant validUntil, String actor) {
      if (poolTotal == null) {
        throw DomainException.badInput("field.required", "poolTotal", "poolTotal 为必填项", "poolTotal is required");
      }
      steps.add("open " + name + " " + programme + " " + poolTotal.toPlainString() + " until " + validUntil + " by " + actor);
      open("next", validUntil);
      return "next";
    }
  }

  ProcessEngine engine;
  RecordingStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new RecordingStages();
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("closeVoucherRoundDelegate", new CloseVoucherRoundDelegate(stages));
    TestBeans.register("openVoucherRoundDelegate", new OpenVoucherRoundDelegate(stages));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  ProcessInstance open(String roundId, Instant validUntil) {
    return engine.getRuntimeService().startProcessInstanceByKey(VoucherRounds.PROCESS_KEY, roundId,
        Map.of(VoucherRounds.VAR_ROUND, roundId, VoucherRounds.VAR_VALID_UNTIL, Date.from(validUntil)));
  }

  private Job job(String processInstanceId, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
  }

  @Test
  void anOpenRoundWaitsWithATimerAtTheEndOfItsValidity() {
    Instant validUntil = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
    ProcessInstance round = open("r1", validUntil);

    assertThat(round).isWaitingAt(VoucherRounds.RECEIVE_OPEN);
    assertThat(job(round.getId(), VoucherRounds.TIMER_ENDS).getDuedate().toInstant()).isEqualTo(validUntil);
    assertThat(stages.steps).isEmpty();
  }

  @Test
  void theRoundClosesItselfWhenItsValidityEnds() {
    ProcessInstance round = open("r1", Instant.now().plus(Duration.ofDays(90)));
    execute(job(round.getId(), VoucherRounds.TIMER_ENDS));

    assertThat(round).isEnded().hasPassed(VoucherRounds.TIMER_ENDS, "serviceTask_closeRound", VoucherRounds.END_CLOSED);
    assertThat(stages.steps).containsExactly("close r1 by system");
  }

  @Test
  void theOfficeClosesTheRoundEarlyAndTheTimerGoes() {
    ProcessInstance round = open("r1", Instant.now().plus(Duration.ofDays(90)));
    engine.getRuntimeService().createMessageCorrelation(VoucherRounds.MESSAGE_CLOSED).processInstanceBusinessKey("r1")
        .setVariable(VoucherRounds.VAR_CLOSED_BY, "office").correlate();

    assertThat(round).isEnded().hasPassed("serviceTask_closeRound", VoucherRounds.END_CLOSED).hasNotPassed(VoucherRounds.TIMER_ENDS);
    assertThat(stages.steps).containsExactly("close r1 by office");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(round.getId()).count()).isZero();
  }

  private ProcessInstance yearlyTask() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(VoucherRounds.CADENCE_KEY).timers().singleResult();
    assertThat(timer).as("the yearly timer start").isNotNull();
    assertThat(timer.getDuedate().toInstant().atZone(VoucherRound.BEIJING).getMonthValue()).isEqualTo(11);
    engine.getManagementService().executeJob(timer.getId());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(VoucherRounds.CADENCE_KEY).singleResult();
  }

  @Test
  void everyYearTheOfficeGetsATaskWithItsFormAndCompletingItOpensTheRound() throws Exception {
    ProcessInstance cadence = yearlyTask();

    assertThat(cadence).isWaitingAt(VoucherRounds.TASK_OPEN_NEXT);
    assertThat(task(cadence)).hasCandidateGroup("programme-office");
    assertThat(task(cadence).getDueDate()).isNotNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(cadence).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"openVoucherRound\"").contains("\"key\": \"poolTotal\"");
    }
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(cadence).getId(), withVariables(VoucherRounds.FIELD_NAME, "2028 年度算力券", VoucherRounds.FIELD_PROGRAMME, "VOUCHER",
        VoucherRounds.FIELD_POOL, 10000000L, VoucherRounds.FIELD_VALID_UNTIL, "2028-12-31T23:59+08:00"));

    assertThat(cadence).isEnded().hasPassed("serviceTask_openRound", "endEvent_roundOpened");
    assertThat(stages.steps).containsExactly("open 2028 年度算力券 VOUCHER 10000000 until 2028-12-31T15:59:00Z by office");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(VoucherRounds.PROCESS_KEY).processInstanceBusinessKey("next")
        .count()).as("the round's own process").isEqualTo(1);
  }

  @Test
  void badInputInTheYearlyFormNamesTheFieldAndTheTaskStaysOpen() {
    ProcessInstance cadence = yearlyTask();
    String taskId = task(cadence).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables(VoucherRounds.FIELD_NAME, "x", VoucherRounds.FIELD_PROGRAMME, "VOUCHER",
        VoucherRounds.FIELD_POOL, 1000L, VoucherRounds.FIELD_VALID_UNTIL, "明年"))).isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.field()).isEqualTo("validUntil"));
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, withVariables(VoucherRounds.FIELD_NAME, "x", VoucherRounds.FIELD_PROGRAMME, "SHARES",
        VoucherRounds.FIELD_POOL, 1000L, VoucherRounds.FIELD_VALID_UNTIL, "2028-12-31T23:59+08:00"))).isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.field()).isEqualTo("programme"));
    assertThat(cadence).isWaitingAt(VoucherRounds.TASK_OPEN_NEXT);
    assertThat(stages.steps).isEmpty();
  }
}
