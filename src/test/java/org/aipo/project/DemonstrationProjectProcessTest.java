package org.aipo.project;

import org.aipo.call.Call;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.ProposalFixtures;
import org.aipo.proposal.Proposals;
import org.aipo.selection.CallTaskListener;
import org.aipo.selection.CallTasks;
import org.aipo.selection.InMemoryCallStages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

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

/** Drives processes/demonstration-project.bpmn through every path, with a stand-in for the called review. */
@Deployment(resources = {"processes/demonstration-project.bpmn", "org/aipo/selection/review-stub.bpmn",
    "processes/forms/designate-benchmark.form"})
class DemonstrationProjectProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  InMemoryCallStages stages;
  Proposal project;

  @BeforeEach
  void awardedProject() {
    engine = extension.getProcessEngine();
    Instant now = Instant.now();
    Call call = new Call("示范 2026", Set.of("robotics"), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)),
        new BigDecimal("3000000"), new BigDecimal("1000000"), 3, "office");
    stages = new InMemoryCallStages(call);
    Instant during = call.getOpensAt().plusSeconds(60);
    project = ProposalFixtures.submitted(call, "org-1", "柔性装配", "robotics", new BigDecimal("800000"), during,
        Proposal.FormalCheck.ELIGIBLE);
    Proposals.underReview(project, "review-1");
    Proposals.ranked(project, new BigDecimal("85"), 1, new BigDecimal("800000"), "rank 1");
    Proposals.published(project);
    Proposals.awarded(project);
    stages.proposals.put(project.getId(), project);
    TestBeans.register("recordMidTermOverdueDelegate", new RecordMidTermOverdueDelegate(stages));
    TestBeans.register("requestMidTermReviewDelegate", new RequestMidTermReviewDelegate(stages));
    TestBeans.register("recordMidTermResultDelegate", new RecordMidTermResultDelegate(stages));
    TestBeans.register("recordAcceptanceOverdueDelegate", new RecordAcceptanceOverdueDelegate(stages));
    TestBeans.register("requestAcceptanceReviewDelegate", new RequestAcceptanceReviewDelegate(stages));
    TestBeans.register("recordAcceptanceResultDelegate", new RecordAcceptanceResultDelegate(stages));
    TestBeans.register("callTaskListener", new CallTaskListener(stages, stages));
    TestBeans.register("callTasks", new CallTasks(stages, stages));
    TestBeans.register("documentLinks", new org.aipo.proposal.DocumentLinks());
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
  }

  ProcessInstance start() {
    // the key the deployed model declares (processes/demonstration-project.bpmn)
    org.assertj.core.api.Assertions.assertThat(DemonstrationProject.PROCESS_KEY).isEqualTo("demonstrationProject");
    return engine.getRuntimeService().startProcessInstanceByKey(DemonstrationProject.PROCESS_KEY, project.getId(), Map.of(
        DemonstrationProject.VAR_PROPOSAL, project.getId(),
        DemonstrationProject.VAR_MID_TERM_DUE, Date.from(stages.dueDate(project.getId(), ProjectStages.Milestone.MID_TERM)),
        DemonstrationProject.VAR_ACCEPTANCE_DUE, Date.from(stages.dueDate(project.getId(), ProjectStages.Milestone.ACCEPTANCE))));
  }

  void report(String message) {
    engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(project.getId()).correlate();
  }

  void review() {
    Task review = engine.getTaskService().createTaskQuery().taskDefinitionKey("userTask_reviewStub").singleResult();
    assertThat(review).as("the milestone is reviewed by the expert committee").isNotNull();
    engine.getTaskService().complete(review.getId());
  }

  void fire(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as(activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  @Test
  void aProjectReportsPassesBothReviewsAndIsDesignatedABenchmark() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(DemonstrationProject.AWAIT_MID_TERM);

    report(DemonstrationProject.MESSAGE_MID_TERM);
    review();
    assertThat(project.getMidTermResult()).isEqualTo("PASSED");
    assertThat(instance).isWaitingAt(DemonstrationProject.AWAIT_ACCEPTANCE);

    report(DemonstrationProject.MESSAGE_ACCEPTANCE);
    review();
    assertThat(project.getStatus()).isEqualTo(Proposal.Status.ACCEPTED);
    assertThat(instance).isWaitingAt(DemonstrationProject.DESIGNATE_BENCHMARK);
    Task designate = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(designate.getId())).anyMatch(l -> "leadership".equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(designate.getId(), "projectTitle")).isEqualTo("柔性装配");
    assertThatThrownBy(() -> engine.getTaskService().complete(designate.getId(), Map.of("decision", "benchmark")))
        .hasMessageContaining("reasons is required");

    engine.getTaskService().complete(designate.getId(), Map.of("decision", "benchmark", "reasons", "良率提升显著，可规模化推广"));

    assertThat(instance).isEnded().hasPassed(DemonstrationProject.MID_TERM_REVIEW, DemonstrationProject.ACCEPTANCE_REVIEW,
        DemonstrationProject.END_ACCEPTED);
    assertThat(project.isBenchmark()).isTrue();
    assertThat(stages.events).containsExactly("review MID_TERM", "MID_TERM passed by review-MID_TERM-" + project.getId(),
        "review ACCEPTANCE", "ACCEPTANCE passed by review-ACCEPTANCE-" + project.getId());
  }

  @Test
  void aFailedAcceptanceIsRecordedAndEndsTheProject() {
    stages.milestonePasses.put("MID_TERM", false);
    stages.milestonePasses.put("ACCEPTANCE", false);
    ProcessInstance instance = start();
    report(DemonstrationProject.MESSAGE_MID_TERM);
    review();
    assertThat(project.getMidTermResult()).isEqualTo("FAILED");
    report(DemonstrationProject.MESSAGE_ACCEPTANCE);
    review();

    assertThat(instance).isEnded().hasPassed(DemonstrationProject.END_FAILED).hasNotPassed(DemonstrationProject.DESIGNATE_BENCHMARK);
    assertThat(project.getStatus()).isEqualTo(Proposal.Status.ACCEPTANCE_FAILED);
  }

  @Test
  void missingReportsByTheirDueDatesAreRecordedAndAnOverdueAcceptanceEndsTheProject() {
    ProcessInstance instance = start();
    Job midTerm = engine.getManagementService().createJobQuery().activityId(DemonstrationProject.MID_TERM_OVERDUE).singleResult();
    assertThat(Duration.between(Instant.now(), midTerm.getDuedate().toInstant())).isGreaterThan(Duration.ofDays(170));

    fire(instance, DemonstrationProject.MID_TERM_OVERDUE);
    assertThat(project.getMidTermResult()).isEqualTo("OVERDUE");
    assertThat(instance).as("the project goes on to its acceptance").isWaitingAt(DemonstrationProject.AWAIT_ACCEPTANCE);

    fire(instance, DemonstrationProject.ACCEPTANCE_OVERDUE);

    assertThat(instance).isEnded().hasPassed(DemonstrationProject.RECORD_ACCEPTANCE_OVERDUE, DemonstrationProject.END_OVERDUE);
    assertThat(project.getStatus()).isEqualTo(Proposal.Status.ACCEPTANCE_OVERDUE);
  }
}
