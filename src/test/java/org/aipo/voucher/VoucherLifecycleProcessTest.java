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
import java.util.Map;

import org.aipo.audit.AuditDelegate;
import org.aipo.calendar.WorkingDays;
import org.aipo.common.DomainException;
import org.aipo.testing.RecordingAuditLog;
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

/** Drives processes/voucher-lifecycle.bpmn through every path on the in-memory engine. */
@Deployment(resources = {"processes/voucher-lifecycle.bpmn", "processes/forms/expert-voucher-opinion.form", "processes/forms/review-voucher.form",
    "processes/forms/verify-redemption.form"})
class VoucherLifecycleProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  RecordingAuditLog auditLog;
  InMemoryVoucherStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    auditLog = new RecordingAuditLog();
    stages = new InMemoryVoucherStages(new BigDecimal("500000.00"));
    TestBeans.register("auditDelegate", new AuditDelegate(auditLog));
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("reserveVoucherDelegate", new ReserveVoucherDelegate(stages));
    TestBeans.register("issueVoucherDelegate", new IssueVoucherDelegate(stages));
    TestBeans.register("refuseVoucherDelegate", new RefuseVoucherDelegate(stages));
    TestBeans.register("remindExpiryDelegate", new RemindExpiryDelegate(stages));
    TestBeans.register("lapseVoucherDelegate", new LapseVoucherDelegate(stages));
    TestBeans.register("payVoucherDelegate", new PayVoucherDelegate(stages));
    TestBeans.register("returnRedemptionDelegate", new ReturnRedemptionDelegate(stages));
    TestBeans.register("voucherFileLinks", new VoucherFileLinks());
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance apply(String voucherId, String amount, String share, boolean needsExperts) {
    stages.voucher(voucherId, amount, share);
    return engine.getRuntimeService().startProcessInstanceByKey(Vouchers.PROCESS_KEY, voucherId,
        Map.of(Vouchers.VAR_VOUCHER, voucherId, Vouchers.VAR_NEEDS_EXPERTS, needsExperts, "voucherSummary", "申请 " + voucherId));
  }

  private void approve(ProcessInstance instance) {
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(), withVariables(Vouchers.VAR_APPROVED, "true", Vouchers.VAR_COMMENT, "同意"));
    engine.getIdentityService().clearAuthentication();
  }

  private void redeem(String voucherId) {
    engine.getRuntimeService().createMessageCorrelation(Vouchers.MESSAGE_REDEMPTION).processInstanceBusinessKey(voucherId)
        .setVariable("claimedValue", 200000.0).correlate();
  }

  private void verify(ProcessInstance instance, Object verified, Object value) {
    engine.getTaskService().complete(task(instance).getId(), withVariables(Vouchers.VAR_VERIFIED, verified, Vouchers.VAR_VERIFIED_VALUE, value,
        Vouchers.VAR_COMMENT, "核验"));
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  @Test
  void theOfficeReviewsInTasklistWithItsOwnForm() throws Exception {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);

    assertThat(instance).isWaitingAt(Vouchers.TASK_REVIEW).hasNotPassed(Vouchers.TASK_EXPERT_OPINION);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    assertThat(task(instance).getDueDate()).isNotNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"reviewVoucher\"").contains("\"key\": \"approved\"");
    }
  }

  @Test
  void happyPathReservesIssuesAndPaysTheRuleShareOfTheVerifiedValueReturningTheDifference() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);

    assertThat(instance).isWaitingAt(Vouchers.RECEIVE_REDEMPTION).hasPassed("serviceTask_reserveVoucher", "serviceTask_issueVoucher");
    assertThat(instance).variables().containsEntry(Vouchers.VAR_NUMBER, "CV-v1");
    assertThat(timer(instance, Vouchers.TIMER_EXPIRY).getDuedate().toInstant()).isEqualTo(stages.expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(timer(instance, Vouchers.TIMER_REMINDER).getDuedate().toInstant()).isEqualTo(stages.reminderAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(stages.balance()).isEqualByComparingTo("400000");
    assertThat(stages.steps()).contains("reserve v1 by office");

    redeem("v1");
    assertThat(instance).isWaitingAt(Vouchers.TASK_VERIFY);
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    verify(instance, "true", 200000.0);

    // partial redemption: 30 % of 200,000 = 60,000 paid, 40,000 of the 100,000 reserve returns to the pool
    assertThat(instance).isEnded().hasPassed("serviceTask_payVoucher", Vouchers.END_PAID);
    assertThat(instance).variables().containsEntry(Vouchers.VAR_PAID, 60000.0);
    assertThat(stages.balance()).isEqualByComparingTo("440000");
    assertThat(stages.ledger).extracting(LedgerEntry::getKind).containsExactly(LedgerEntry.Kind.FUNDING, LedgerEntry.Kind.RESERVE,
        LedgerEntry.Kind.RELEASE, LedgerEntry.Kind.PAYMENT);
    assertThat(PoolBook.of(stages.ledger).balance()).isEqualByComparingTo(stages.balance());
  }

  @Test
  void theVerificationFormsFileLinksNameItsTaskSoThatTheDownloadIsAuditedForIt() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);
    String file = "4f1c2d3e-0000-4000-8000-00000000abcd";
    engine.getRuntimeService().createMessageCorrelation(Vouchers.MESSAGE_REDEMPTION).processInstanceBusinessKey("v1")
        .setVariable("claimedValue", 200000.0)
        .setVariable(VoucherFileLinks.VARIABLE, "文件 Files:\n- 合同 Contract: [c.pdf](/api/voucher-files/" + file + ")\n\n合同 Contract C-1").correlate();

    String taskId = task(instance).getId();
    assertThat(instance).isWaitingAt(Vouchers.TASK_VERIFY);
    assertThat((String) engine.getTaskService().getVariable(taskId, VoucherFileLinks.VARIABLE))
        .contains("[c.pdf](/api/voucher-files/" + file + "?task=" + taskId + ")").doesNotContain(file + ")");
  }

  @Test
  void aPaymentNeverExceedsTheReserve() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);
    redeem("v1");
    verify(instance, "true", 900000.0);

    assertThat(instance).variables().containsEntry(Vouchers.VAR_PAID, 100000.0);
    assertThat(stages.balance()).isEqualByComparingTo("400000");
  }

  @Test
  void aLargeApplicationGoesToTheExpertsFirst() throws Exception {
    ProcessInstance instance = apply("v1", "300000.00", "0.10", true);

    assertThat(instance).isWaitingAt(Vouchers.TASK_EXPERT_OPINION);
    assertThat(task(instance)).hasCandidateGroup("expert");
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"expertVoucherOpinion\"");
    }
    engine.getIdentityService().setAuthenticatedUserId("expert1");
    engine.getTaskService().complete(task(instance).getId(), withVariables("expertRecommends", true, "expertOpinion", "计划合理"));

    assertThat(instance).isWaitingAt(Vouchers.TASK_REVIEW).hasPassed("serviceTask_recordExpertOpinion");
    assertThat(auditLog.all()).singleElement().satisfies(record -> {
      assertThat(record.getAction()).isEqualTo("voucher.expert-opinion");
      assertThat(record.getActor()).isEqualTo("expert1");
      assertThat(record.getDetail()).contains("recommends").contains("计划合理");
    });
  }

  @Test
  void aRefusalEndsWithItsReasonAndReservesNothing() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(), withVariables(Vouchers.VAR_APPROVED, "false", Vouchers.VAR_COMMENT, "用途不符"));

    assertThat(instance).isEnded().hasPassed("serviceTask_refuseVoucher", Vouchers.END_REFUSED).hasNotPassed("serviceTask_reserveVoucher");
    assertThat(stages.steps()).containsExactly("refuse v1 by office: 用途不符");
    assertThat(stages.balance()).isEqualByComparingTo("500000");
  }

  @Test
  void aMissingDecisionCountsAsARefusalNotAnApproval() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    engine.getTaskService().complete(task(instance).getId());

    assertThat(instance).isEnded().hasPassed(Vouchers.END_REFUSED);
  }

  @Test
  void anApprovalThePoolCannotCoverIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance first = apply("v1", "400000.00", "0.30", false);
    ProcessInstance second = apply("v2", "200000.00", "0.30", false);
    approve(first);

    assertThatThrownBy(() -> approve(second)).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.getMessage()).contains("100000.00"));
    assertThat(second).isWaitingAt(Vouchers.TASK_REVIEW);
    assertThat(stages.balance()).isEqualByComparingTo("100000");
  }

  @Test
  void theFirmIsRemindedBeforeExpiryAndAnUnredeemedVoucherLapsesReturningItsReserve() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);

    execute(timer(instance, Vouchers.TIMER_REMINDER));
    assertThat(instance).isWaitingAt(Vouchers.RECEIVE_REDEMPTION).hasPassed("serviceTask_remindExpiry", "endEvent_reminded");
    assertThat(stages.steps()).contains("remind v1");

    execute(timer(instance, Vouchers.TIMER_EXPIRY));
    assertThat(instance).isEnded().hasPassed("serviceTask_lapseVoucher", Vouchers.END_LAPSED).hasNotPassed(Vouchers.TASK_VERIFY);
    assertThat(stages.status).containsEntry("v1", "LAPSED");
    assertThat(stages.balance()).isEqualByComparingTo("500000");
    assertThat(stages.ledger).extracting(LedgerEntry::getKind).containsExactly(LedgerEntry.Kind.FUNDING, LedgerEntry.Kind.RESERVE,
        LedgerEntry.Kind.LAPSE);
  }

  @Test
  void aRedemptionReturnedForCorrectionWaitsForANewSubmissionThenPays() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);
    redeem("v1");
    verify(instance, "false", null);

    assertThat(instance).isWaitingAt(Vouchers.RECEIVE_REDEMPTION).hasPassed("serviceTask_returnRedemption");
    assertThat(stages.steps()).contains("return v1: 核验");
    assertThat(timer(instance, Vouchers.TIMER_EXPIRY)).isNotNull();

    redeem("v1");
    verify(instance, "true", 100000.0);
    assertThat(instance).isEnded().hasPassed(Vouchers.END_PAID);
    assertThat(stages.balance()).isEqualByComparingTo("470000");
  }

  @Test
  void aVerificationWithoutAValueIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = apply("v1", "100000.00", "0.30", false);
    approve(instance);
    redeem("v1");

    assertThatThrownBy(() -> verify(instance, "true", null)).isInstanceOf(DomainException.class);
    assertThat(instance).isWaitingAt(Vouchers.TASK_VERIFY);
  }
}
