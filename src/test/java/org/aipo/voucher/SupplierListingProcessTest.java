package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** Drives processes/supplier-listing.bpmn through every path on the in-memory engine. */
@Deployment(resources = {"processes/supplier-listing.bpmn", "processes/forms/review-listing.form"})
class SupplierListingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /** The steps called, and a supplier whose listing the database would refuse to decide twice. */
  static class RecordingStages implements SupplierListingStages {
    final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    public void list(String supplierId, String note, String actor) {
      check(supplierId);
      steps.add("list " + supplierId + " by " + actor + ": " + note);
    }

    @Override
    public void refuseListing(String supplierId, String note, String actor) {
      check(supplierId);
      steps.add("refuse " + supplierId + " by " + actor + ": " + note);
    }

    @Override
    public void requestCorrection(String supplierId, String note, String actor, java.time.Instant due) {
      check(supplierId);
      steps.add("return " + supplierId + " by " + actor + ": " + note);
    }

    @Override
    public void lapseListing(String supplierId) {
      check(supplierId);
      steps.add("lapse " + supplierId);
    }

    private static void check(String supplierId) {
      if ("decided".equals(supplierId)) {
        throw DomainException.conflict("compute-supplier.decided", null, "已有决定", "decided already");
      }
    }
  }

  ProcessEngine engine;
  RecordingStages stages;
  WorkingDays workingDays;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new RecordingStages();
    workingDays = WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties"));
    TestBeans.register("workingDays", workingDays);
    TestBeans.register("listSupplierDelegate", new ListSupplierDelegate(stages));
    TestBeans.register("refuseSupplierDelegate", new RefuseSupplierDelegate(stages));
    TestBeans.register("requestListingCorrectionDelegate", new RequestListingCorrectionDelegate(stages, workingDays));
    TestBeans.register("lapseListingDelegate", new LapseListingDelegate(stages));
  }

  @AfterEach
  void clearBeans() {
    TestBeans.clear();
    engine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance apply(String supplierId) {
    return engine.getRuntimeService().startProcessInstanceByKey(SupplierListings.PROCESS_KEY, supplierId,
        Map.of(SupplierListings.VAR_SUPPLIER, supplierId, "supplierName", "示例算力 " + supplierId, "supplierSummary", "信用代码 …"));
  }

  /** The Tasklist form's three-way decision (LISTED, RETURNED, REFUSED). */
  private void decideInForm(ProcessInstance instance, String decision, String comment) {
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(), withVariables(SupplierListings.VAR_DECISION, decision, SupplierListings.VAR_COMMENT, comment));
    engine.getIdentityService().clearAuthentication();
  }

  private void correct(String supplierId) {
    engine.getRuntimeService().createMessageCorrelation(SupplierListings.MESSAGE_CORRECTED).processInstanceBusinessKey(supplierId)
        .setVariable("supplierSummary", "已更正 corrected").correlate();
  }

  private Job window(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(SupplierListings.TIMER_CORRECTION_WINDOW)
        .singleResult();
  }

  private void decideInTasklist(ProcessInstance instance, String listed, String comment) {
    engine.getIdentityService().setAuthenticatedUserId("office");
    engine.getTaskService().complete(task(instance).getId(), withVariables(SupplierListings.VAR_LISTED, listed, SupplierListings.VAR_COMMENT, comment));
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theModelIsTheProcessTheCodeStarts() {
    // the key the service starts (SupplierListings.PROCESS_KEY) and the Tasklist filter names is the model's
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("supplierListing").singleResult())
        .as("processes/supplier-listing.bpmn deploys supplierListing").isNotNull();
    assertThat(SupplierListings.PROCESS_KEY).isEqualTo("supplierListing");
  }

  @Test
  void theApplicationWaitsForTheOfficeInTasklistWithItsOwnFormAndADueDate() throws Exception {
    ProcessInstance instance = apply("s1");

    assertThat(instance).isWaitingAt(SupplierListings.TASK_REVIEW);
    assertThat(task(instance)).hasCandidateGroup("programme-office").isNotAssigned();
    assertThat(task(instance).getDueDate()).isNotNull();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task(instance).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"reviewListing\"").contains("\"key\": \"decision\"")
          .contains("\"value\": \"LISTED\"").contains("\"value\": \"RETURNED\"").contains("\"value\": \"REFUSED\"").contains("\"key\": \"comment\"");
    }
    assertThat(stages.steps).isEmpty();
  }

  @Test
  void listingInTasklistListsTheSupplierAsTheOfficeUser() {
    ProcessInstance instance = apply("s1");
    decideInTasklist(instance, "true", "资质齐全");

    assertThat(instance).isEnded().hasPassed("serviceTask_listSupplier", SupplierListings.END_LISTED).hasNotPassed("serviceTask_refuseSupplier");
    assertThat(stages.steps).containsExactly("list s1 by office: 资质齐全");
  }

  @Test
  void refusingInTasklistRecordsTheReasons() {
    ProcessInstance instance = apply("s1");
    decideInTasklist(instance, "false", "资质证明缺失");

    assertThat(instance).isEnded().hasPassed("serviceTask_refuseSupplier", SupplierListings.END_REFUSED).hasNotPassed("serviceTask_listSupplier");
    assertThat(stages.steps).containsExactly("refuse s1 by office: 资质证明缺失");
  }

  @Test
  void aDecisionThroughTheApiIsRecordedForTheCallerItNames() {
    ProcessInstance instance = apply("s1");
    engine.getTaskService().complete(task(instance).getId(), withVariables(SupplierListings.VAR_LISTED, true, SupplierListings.VAR_COMMENT, "同意",
        SupplierListings.VAR_DECIDED_BY, "office2"));

    assertThat(instance).isEnded().hasPassed(SupplierListings.END_LISTED);
    assertThat(stages.steps).containsExactly("list s1 by office2: 同意");
  }

  @Test
  void aMissingDecisionIsARefusalNeverAListing() {
    ProcessInstance instance = apply("s1");
    engine.getTaskService().complete(task(instance).getId());

    assertThat(instance).isEnded().hasPassed(SupplierListings.END_REFUSED).hasNotPassed("serviceTask_listSupplier");
    assertThat(stages.steps).containsExactly("refuse s1 by system: null");
  }

  @Test
  void aDecisionTheDatabaseRefusesLeavesTheTaskOpen() {
    ProcessInstance instance = apply("decided");

    assertThatThrownBy(() -> decideInTasklist(instance, "true", "再次")).isInstanceOf(DomainException.class);
    assertThat(instance).isWaitingAt(SupplierListings.TASK_REVIEW);
    assertThat(stages.steps).isEmpty();
  }

  @Test
  void theFormsThreeWayDecisionListsOrRefuses() {
    ProcessInstance listed = apply("s1");
    decideInForm(listed, "LISTED", "资质齐全");
    ProcessInstance refused = apply("s2");
    decideInForm(refused, "REFUSED", "缺少资质证明");

    assertThat(listed).isEnded().hasPassed(SupplierListings.END_LISTED);
    assertThat(refused).isEnded().hasPassed(SupplierListings.END_REFUSED).hasNotPassed("serviceTask_listSupplier");
    assertThat(stages.steps).containsExactly("list s1 by office: 资质齐全", "refuse s2 by office: 缺少资质证明");
  }

  @Test
  void aReturnedApplicationWaitsForTheSupplierAndItsCorrectionGoesBackToANewReviewThatLists() {
    ProcessInstance instance = apply("s1");
    decideInForm(instance, "RETURNED", "请补充股东名单");

    assertThat(instance).isWaitingAt(SupplierListings.TASK_AWAIT_CORRECTION).hasPassed("serviceTask_requestCorrection")
        .hasNotPassed("serviceTask_listSupplier", "serviceTask_refuseSupplier");
    assertThat(stages.steps).containsExactly("return s1 by office: 请补充股东名单");
    // the window: 10 working days, the timer's due date is the one the supplier's row was given
    Date due = (Date) engine.getRuntimeService().getVariable(instance.getId(), SupplierListings.VAR_CORRECTION_DUE);
    assertThat(window(instance).getDuedate()).isEqualTo(due);
    assertThat(due).isAfterOrEqualTo(workingDays.after("P9D"));

    correct("s1");
    assertThat(instance).isWaitingAt(SupplierListings.TASK_REVIEW);
    assertThat(window(instance)).as("the window's timer ends with the correction").isNull();
    assertThat(task(instance)).hasCandidateGroup("programme-office");
    // the second review starts empty: it does not inherit the first one's decision or comment
    assertThat(engine.getTaskService().getVariable(task(instance).getId(), SupplierListings.VAR_DECISION)).isNull();
    assertThat(engine.getTaskService().getVariable(task(instance).getId(), SupplierListings.VAR_COMMENT)).isNull();
    decideInForm(instance, "LISTED", "已补正，同意入库");

    assertThat(instance).isEnded().hasPassed(SupplierListings.END_LISTED).hasNotPassed(SupplierListings.END_LAPSED);
    assertThat(stages.steps).containsExactly("return s1 by office: 请补充股东名单", "list s1 by office: 已补正，同意入库");
  }

  @Test
  void aSecondReviewWithoutADecisionIsARefusalNotTheFirstReviewsReturn() {
    ProcessInstance instance = apply("s1");
    decideInForm(instance, "RETURNED", "请补充");
    correct("s1");
    engine.getTaskService().complete(task(instance).getId());

    assertThat(instance).isEnded().hasPassed(SupplierListings.END_REFUSED);
    assertThat(stages.steps).containsExactly("return s1 by office: 请补充", "refuse s1 by system: null");
  }

  @Test
  void aReturnedApplicationLapsesWhenTheWindowEndsWithoutACorrectionNeverListed() {
    ProcessInstance instance = apply("s1");
    engine.getTaskService().complete(task(instance).getId(), withVariables(SupplierListings.VAR_DECISION, "RETURNED", SupplierListings.VAR_COMMENT,
        "请补充法定代表人证明", SupplierListings.VAR_DECIDED_BY, "office2"));
    assertThat(instance).isWaitingAt(SupplierListings.TASK_AWAIT_CORRECTION);

    engine.getManagementService().executeJob(window(instance).getId());

    assertThat(instance).isEnded().hasPassed("serviceTask_lapseListing", SupplierListings.END_LAPSED)
        .hasNotPassed("serviceTask_listSupplier", "serviceTask_refuseSupplier");
    assertThat(stages.steps).containsExactly("return s1 by office2: 请补充法定代表人证明", "lapse s1");
  }
}
