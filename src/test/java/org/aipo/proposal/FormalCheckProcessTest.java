package org.aipo.proposal;

import org.aipo.call.Call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

/** Drives processes/proposal-formal-check.bpmn through every path; the proposal rules are the real ones. */
@Deployment(resources = {"processes/proposal-formal-check.bpmn", "processes/forms/formal-check.form"})
class FormalCheckProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /** Proposals in memory, with the entity's own rules. */
  static class Recorder implements FormalCheckRecorder {
    final Map<String, Proposal> proposals = new HashMap<>();
    boolean pastAcceptanceFailed;

    @Override
    public boolean excludeForPastAcceptance(String proposalId) {
      if (pastAcceptanceFailed) {
        proposals.get(proposalId).formalCheck(Proposal.FormalCheck.INELIGIBLE, "近三年验收未通过");
      }
      return pastAcceptanceFailed;
    }

    @Override
    public void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor) {
      proposals.get(proposalId).formalCheck(outcome, reasons);
    }

    @Override
    public void withdrawUncorrected(String proposalId) {
      proposals.get(proposalId).withdrawUncorrected();
    }

    @Override
    public String applicant(String proposalId) {
      return "示例单位 " + proposals.get(proposalId).getOrganisationId();
    }

    @Override
    public String callTitle(String proposalId) {
      return "示例征集";
    }

    @Override
    public String details(String proposalId) {
      return ProposalText.markdown(proposals.get(proposalId), "申报单位", java.util.List.of(), org.aipo.call.DocumentKind.DEFAULTS);
    }

    @Override
    public String title(String proposalId) {
      return proposals.get(proposalId).content().title();
    }

    @Override
    public org.aipo.notification.Message.Recipient contact(String proposalId) {
      return org.aipo.notification.Message.Recipient.address("contact@org-1.example", "en", "Contact of org-1");
    }
  }

  ProcessEngine engine;
  Recorder recorder;
  org.aipo.notification.RecordingNotifier notifier;
  Call call;
  Proposal proposal;

  static Proposal.Content complete(String summary) {
    return new Proposal.Content("柔性装配线", "robotics", summary, "技术路线", "自研模型", "工厂数据", new BigDecimal("800000"),
        new BigDecimal("200000"), "良率提升5%", "十人团队");
  }

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    recorder = new Recorder();
    notifier = new org.aipo.notification.RecordingNotifier();
    TestBeans.register("formalCheckListener", new FormalCheckListener(recorder, notifier,
        WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties"))));
    TestBeans.register("withdrawUncorrectedDelegate", new WithdrawUncorrectedDelegate(recorder));
    TestBeans.register("remindCorrectionDelegate", new RemindCorrectionDelegate(recorder, notifier));
    TestBeans.register("proposalTasks", new ProposalTasks(recorder));
    TestBeans.register("checkEligibilityDelegate", new CheckEligibilityDelegate(recorder));
    TestBeans.register("documentLinks", new org.aipo.proposal.DocumentLinks());
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    Instant now = Instant.now();
    call = new Call("Robotics 2026", Set.of("robotics"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
        new BigDecimal("5000000"), new BigDecimal("1000000"), 5, "office");
    proposal = new Proposal(call, "org-1", complete("摘要"), "applicant", now);
    proposal.declareParticulars(ProposalFixtures.MEASURED);
    assertThat(proposal.submit(call, now)).isTrue();
    recorder.proposals.put(proposal.getId(), proposal);
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(FormalCheckProcess.PROCESS_KEY, proposal.getId(),
        Map.of(FormalCheckProcess.VAR_PROPOSAL, proposal.getId()));
  }

  void check(ProcessInstance instance, String decision, String reasons) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("reasons", reasons);
    engine.getTaskService().complete(task(instance).getId(), variables);
  }

  @Test
  void anEligibleProposalEndsTheCheck() {
    ProcessInstance instance = start();
    assertThat(instance.getProcessDefinitionId()).as("the model's key and the code's constant agree").startsWith("proposalFormalCheck:");
    assertThat(instance).isWaitingAt(FormalCheckProcess.FORMAL_CHECK);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    assertThat(task(instance).getDueDate()).isNotNull();

    check(instance, "eligible", null);

    assertThat(instance).isEnded().hasPassed(FormalCheckProcess.CHECK_ELIGIBILITY, FormalCheckProcess.END_ELIGIBLE)
        .hasNotPassed(FormalCheckProcess.ADVERSE_ACCEPTANCE);
    assertThat(proposal.getStatus()).isEqualTo(Proposal.Status.ELIGIBLE);
  }

  @Test
  void aReturnedProposalComesBackToTheCheckWhenCorrected() {
    ProcessInstance instance = start();
    check(instance, "correction", "缺少预算明细 Budget breakdown missing");

    assertThat(instance).isWaitingAt(FormalCheckProcess.AWAIT_CORRECTION);
    assertThat(proposal.getStatus()).isEqualTo(Proposal.Status.RETURNED);
    assertThat(proposal.getCheckReasons()).contains("预算明细");
    proposal.correct(call, complete("补充了预算明细"), Instant.now());
    engine.getRuntimeService().createMessageCorrelation(FormalCheckProcess.MESSAGE_CORRECTED)
        .processInstanceBusinessKey(proposal.getId()).correlate();

    assertThat(instance).isWaitingAt(FormalCheckProcess.FORMAL_CHECK);
    check(instance, "eligible", null);
    assertThat(instance).isEnded().hasPassed(FormalCheckProcess.AWAIT_CORRECTION, FormalCheckProcess.END_ELIGIBLE);
    assertThat(notifier.of("correction-request")).hasSize(1);
  }

  @Test
  void noCorrectionWithinFiveWorkingDaysMakesTheProposalIneligible() {
    ProcessInstance instance = start();
    check(instance, "correction", "缺少团队信息");
    Job window = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(FormalCheckProcess.CORRECTION_WINDOW).singleResult();
    assertThat(Duration.between(Instant.now(), window.getDuedate().toInstant())).isGreaterThan(Duration.ofDays(5));
    // the applicant's contact is told, in its language, with the very date the window's timer waits for
    assertThat(notifier.of("correction-request")).singleElement().satisfies(m -> {
      assertThat(m.recipient().address()).isEqualTo("contact@org-1.example");
      assertThat(m.recipient().language()).isEqualTo("en");
      assertThat(m.deadline()).isEqualTo(window.getDuedate().toInstant());
      assertThat(m.model()).containsEntry("note", "缺少团队信息").containsEntry("subjectTitle", "柔性装配线");
      assertThat(m.link()).isEqualTo("/portal/#/proposals/" + proposal.getId());
    });
    // one working day before the window ends, a reminder naming the same end
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(FormalCheckProcess.CORRECTION_REMINDER).singleResult();
    assertThat(reminder.getDuedate()).isBefore(window.getDuedate());
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(instance).isWaitingAt(FormalCheckProcess.AWAIT_CORRECTION).hasPassed(FormalCheckProcess.REMIND_CORRECTION, FormalCheckProcess.END_REMINDED);
    assertThat(notifier.of("deadline-reminder")).singleElement().satisfies(m -> {
      assertThat(m.recipient().address()).isEqualTo("contact@org-1.example");
      assertThat(m.deadline()).isEqualTo(window.getDuedate().toInstant());
    });

    engine.getManagementService().executeJob(window.getId());

    assertThat(instance).isEnded().hasPassed(FormalCheckProcess.END_WITHDRAWN);
    assertThat(proposal.getStatus()).isEqualTo(Proposal.Status.INELIGIBLE);
    assertThat(proposal.getCheckReasons()).contains("No correction").contains("缺少团队信息");
  }

  @Test
  void anIneligibleProposalNeedsItsReason() {
    ProcessInstance instance = start();

    assertThatThrownBy(() -> check(instance, "ineligible", " ")).hasMessageContaining("reasons is required");
    assertThatThrownBy(() -> check(instance, "maybe", "x")).hasMessageContaining("decision must be");
    assertThat(instance).isWaitingAt(FormalCheckProcess.FORMAL_CHECK);
    check(instance, "ineligible", "近三年验收未通过 Failed acceptance in 2025");

    assertThat(instance).isEnded().hasPassed(FormalCheckProcess.END_INELIGIBLE);
    assertThat(proposal.getStatus()).isEqualTo(Proposal.Status.INELIGIBLE);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void anOrganisationWithAFailedAcceptanceInTheLastThreeYearsIsIneligibleWithoutAnOfficialsTask() {
    recorder.pastAcceptanceFailed = true;

    ProcessInstance instance = start();

    assertThat(instance).as("the refusal is the BPMN error the model catches on the check").isEnded()
        .hasPassed(FormalCheckProcess.ADVERSE_ACCEPTANCE, FormalCheckProcess.END_EXCLUDED)
        .hasNotPassed(FormalCheckProcess.FORMAL_CHECK);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(FormalCheckListener.OUTCOME).singleResult().getValue()).isEqualTo("INELIGIBLE");
    assertThat(proposal.getStatus()).isEqualTo(Proposal.Status.INELIGIBLE);
    assertThat(proposal.getCheckReasons()).contains("验收未通过");
  }
}
