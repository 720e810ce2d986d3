package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.aipo.common.DomainException;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
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

    private static void check(String supplierId) {
      if ("decided".equals(supplierId)) {
        throw DomainException.conflict("compute-supplier.decided", null, "已有决定", "decided already");
      }
    }
  }

  ProcessEngine engine;
  RecordingStages stages;

  @BeforeEach
  void registerBeans() {
    engine = extension.getProcessEngine();
    stages = new RecordingStages();
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
    TestBeans.register("listSupplierDelegate", new ListSupplierDelegate(stages));
    TestBeans.register("refuseSupplierDelegate", new RefuseSupplierDelegate(stages));
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
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"reviewListing\"").contains("\"key\": \"listed\"")
          .contains("\"key\": \"comment\"");
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
}
