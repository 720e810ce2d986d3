package org.aipo.selection;

import org.aipo.call.Call;
import org.aipo.call.DemonstrationCall;
import org.aipo.notice.Objection;
import org.aipo.project.DemonstrationProject;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.ProposalFixtures;
import org.aipo.call.Calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives processes/demonstration-call.bpmn through every path, with the real threshold decision
 * (proposal-ranking.dmn), the real ranking and objection rules, and a stand-in for the called review.
 */
@Deployment(resources = {"processes/demonstration-call.bpmn", "processes/demonstration-project.bpmn", "processes/proposal-ranking.dmn",
    "org/aipo/selection/review-stub.bpmn", "processes/forms/approve-awards.form", "processes/forms/revise-ranking.form",
    "processes/forms/answer-objection.form", "processes/forms/designate-benchmark.form", "processes/forms/confirm-groups.form"})
class DemonstrationCallProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  InMemoryCallStages stages;
  Call call;

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    Instant now = Instant.now();
    call = new Call("机器人与智能制造示范 2026", Set.of("robotics", "intelligent-manufacturing"), now.plus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)), new BigDecimal("3000000"), new BigDecimal("1000000"), 3, "office");
    beansFor(call);
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
  }

  /** A proposal that went through its formal check with the given outcome. */
  Proposal proposal(String title, String field, String requested, Proposal.FormalCheck check) {
    Calls.enter(call, Call.Stage.OPEN);
    Instant during = call.getOpensAt().plusSeconds(60 + stages.proposals.size());
    Proposal proposal = ProposalFixtures.submitted(call, "org-" + title, title, field, new BigDecimal(requested), during, check);
    stages.proposals.put(proposal.getId(), proposal);
    return proposal;
  }

  void reviewed(Proposal proposal, String score, int innovation, int feasibility, int value, int team) {
    stages.reviewResults.put(proposal.getId(), new CallStageService.Reviewed(new BigDecimal(score), Map.of("innovation",
        new BigDecimal(innovation), "feasibility", new BigDecimal(feasibility), "applicationValue", new BigDecimal(value),
        "teamAndSupport", new BigDecimal(team))));
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(DemonstrationCall.PROCESS_KEY, call.getId(),
        Map.of(DemonstrationCall.VAR_CALL, call.getId()));
  }

  Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  void fire(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    assertThat(job).as("timer " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  /** Opens and closes the call by its timers (due at the call's dates). */
  void throughTheWindow(ProcessInstance instance) {
    assertThat(timer(instance, DemonstrationCall.CALL_OPENS).getDuedate().toInstant()).isEqualTo(call.getOpensAt());
    fire(instance, DemonstrationCall.CALL_OPENS);
    assertThat(call.getStage()).isEqualTo(Call.Stage.OPEN);
    assertThat(timer(instance, DemonstrationCall.CALL_CLOSES).getDuedate().toInstant()).isEqualTo(call.getClosesAt());
    fire(instance, DemonstrationCall.CALL_CLOSES);
  }

  List<Task> tasks(String key) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(key).list();
  }

  void completeReviews(int expected) {
    List<Task> reviews = tasks("userTask_reviewStub");
    assertThat(reviews).hasSize(expected);
    reviews.forEach(t -> engine.getTaskService().complete(t.getId()));
  }

  void complete(String key, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    List<Task> open = tasks(key);
    assertThat(open).as("open " + key).hasSize(1);
    engine.getTaskService().complete(open.get(0).getId(), values);
  }

  @Test
  void aCallWithoutEligibleProposalsEndsAfterItsFormalChecksFinish() {
    ProcessInstance instance = start();
    assertThat(instance.getProcessDefinitionId()).startsWith(DemonstrationCall.PROCESS_KEY + ":");
    Proposal pending = proposal("待审", "robotics", "500000", null);
    proposal("不合格", "robotics", "500000", Proposal.FormalCheck.INELIGIBLE);

    throughTheWindow(instance);

    assertThat(instance).as("a formal check is still open: the call waits and looks again")
        .isWaitingAt(DemonstrationCall.WAIT_FOR_CHECKS);
    ProposalFixtures.formalCheck(pending, Proposal.FormalCheck.INELIGIBLE, "材料不全");
    fire(instance, DemonstrationCall.WAIT_FOR_CHECKS);

    assertThat(instance).isEnded().hasPassed(DemonstrationCall.NO_ELIGIBLE).hasNotPassed(DemonstrationCall.EXPERT_REVIEW);
  }

  @Test
  void eligibleProposalsAreReviewedPerFieldRankedApprovedNoticedAndAwarded() {
    ProcessInstance instance = start();
    Proposal robotA = proposal("机器人A", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    Proposal robotB = proposal("机器人B", "robotics", "1500000", Proposal.FormalCheck.ELIGIBLE);
    Proposal weak = proposal("机器人C", "robotics", "500000", Proposal.FormalCheck.ELIGIBLE);
    Proposal factory = proposal("智能工厂", "intelligent-manufacturing", "800000", Proposal.FormalCheck.ELIGIBLE);
    Proposal ineligible = proposal("不合格", "robotics", "500000", Proposal.FormalCheck.INELIGIBLE);

    throughTheWindow(instance);

    assertThat(instance).isWaitingAt(DemonstrationCall.EXPERT_REVIEW);
    assertThat(robotA.getStatus()).isEqualTo(Proposal.Status.UNDER_REVIEW);
    assertThat(robotA.getReviewRequestId()).isEqualTo(robotB.getReviewRequestId()).isNotEqualTo(factory.getReviewRequestId());
    assertThat(ineligible.getStatus()).isEqualTo(Proposal.Status.INELIGIBLE);
    reviewed(robotA, "85.00", 26, 21, 22, 16);
    reviewed(robotB, "88.00", 27, 22, 22, 17);
    reviewed(weak, "75.00", 28, 24, 23, 0);
    reviewed(factory, "72.00", 22, 18, 18, 14);
    completeReviews(2);

    assertThat(instance).isWaitingAt(DemonstrationCall.APPROVE_AWARDS);
    Task approval = tasks(DemonstrationCall.APPROVE_AWARDS).get(0);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId())).anyMatch(l -> "leadership".equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(approval.getId(), "rankingSummaryMarkdown")).isNotNull();
    assertThat(robotB.getRankInField()).isEqualTo(1);
    assertThat(robotB.getAward()).isEqualByComparingTo("1000000");
    assertThat(robotA.getRankInField()).isEqualTo(2);
    assertThat(robotA.getAward()).isEqualByComparingTo("900000");
    assertThat(factory.getAward()).as("rank 1 of its field, funded in the first tier").isEqualByComparingTo("800000");
    assertThat(weak.getAward()).isEqualByComparingTo("0");
    assertThat(weak.getOutcomeReason()).as("a criterion below half its weight, by the DMN rule").contains("A criterion below half its weight");
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("proposalThreshold").count())
        .as("one recorded DMN evaluation per reviewed proposal").isEqualTo(4);

    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "approve", "comments", "同意");

    assertThat(instance).isWaitingAt(DemonstrationCall.NOTICE_ENDS);
    assertThat(call.getStage()).isEqualTo(Call.Stage.IN_NOTICE);
    assertThat(robotA.getStatus()).isEqualTo(Proposal.Status.PROPOSED);
    assertThat(weak.getStatus()).isEqualTo(Proposal.Status.NOT_SELECTED);
    Job notice = timer(instance, DemonstrationCall.NOTICE_ENDS);
    assertThat(Duration.between(Instant.now(), notice.getDuedate().toInstant())).as("five working days").isGreaterThan(Duration.ofDays(5));

    fire(instance, DemonstrationCall.NOTICE_ENDS);

    assertThat(instance).isEnded().hasPassed(DemonstrationCall.ANNOUNCE_AWARDS, DemonstrationCall.END_AWARDED);
    assertThat(List.of(robotA.getStatus(), robotB.getStatus(), factory.getStatus())).containsOnly(Proposal.Status.AWARDED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DemonstrationProject.PROCESS_KEY).count())
        .as("one project process per award").isEqualTo(3);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(robotA.getId())
        .processDefinitionKey(DemonstrationProject.PROCESS_KEY).count()).isEqualTo(1);
  }

  @Test
  void aFieldSplitIntoGroupsWaitsForTheOfficeWhoMovesAProposalWithAReasonBeforeTheDraw() {
    call.groupedBy(20, 2, "NORMALISED");
    ProcessInstance instance = start();
    List<Proposal> robots = new java.util.ArrayList<>();
    for (int i = 0; i < 45; i++) {
      robots.add(proposal(String.format("机器人%02d", i), "robotics", "500000", Proposal.FormalCheck.ELIGIBLE));
    }
    proposal("智能工厂", "intelligent-manufacturing", "800000", Proposal.FormalCheck.ELIGIBLE);

    throughTheWindow(instance);

    assertThat(instance).as("robotics is split into groups: the office looks first").isWaitingAt(DemonstrationCall.CONFIRM_GROUPS);
    assertThat(stages.currentGroups()).extracting(g -> g.getField() + ":" + g.getProposalIds().size())
        .containsExactly("intelligent-manufacturing:1", "robotics:15", "robotics:15", "robotics:15");
    Task confirm = tasks(DemonstrationCall.CONFIRM_GROUPS).get(0);
    assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId())).anyMatch(l -> "programme-office".equals(l.getGroupId()));
    assertThat((String) engine.getTaskService().getVariable(confirm.getId(), "reviewGroupsMarkdown"))
        .contains("| 2 | robotics | 15 |").contains("NORMALISED");
    assertThat(robots.get(0).getStatus()).as("nothing is under review before the draw").isEqualTo(Proposal.Status.ELIGIBLE);

    String moved = stages.currentGroups().get(1).getProposalIds().get(0);
    assertThatThrownBy(() -> stages.move(moved, 3, " ")).isInstanceOfSatisfying(org.aipo.common.DomainException.class,
        e -> assertThat(e.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> stages.move(moved, 1, "换组")).as("another field").isInstanceOfSatisfying(org.aipo.common.DomainException.class,
        e -> assertThat(e.field()).isEqualTo("toGroup"));
    stages.move(moved, 3, "与第 3 组同属工业视觉 industrial vision");
    assertThat(stages.currentGroups()).extracting(g -> g.getProposalIds().size()).containsExactly(1, 14, 16, 15);
    assertThat(stages.events).anyMatch(e -> e.startsWith("moved " + moved + " from 2 to 3: "));

    complete(DemonstrationCall.CONFIRM_GROUPS);

    assertThat(instance).hasPassed(DemonstrationCall.DRAW_GROUPS).isWaitingAt(DemonstrationCall.EXPERT_REVIEW);
    assertThat(tasks("userTask_reviewStub")).as("one review per group").hasSize(4);
    assertThat(stages.proposals.get(moved).getReviewRequestId()).isEqualTo(stages.currentGroups().get(2).getRequestId());
    assertThatThrownBy(() -> stages.move(moved, 2, "太晚了 too late")).as("refused after the draw")
        .isInstanceOfSatisfying(org.aipo.common.DomainException.class, e -> assertThat(e.kind()).isEqualTo(org.aipo.common.DomainException.Kind.CONFLICT));
  }

  @Test
  void leadershipReturnsTheRankingWithCommentsAndTheOfficeAnswersBeforeItIsApproved() {
    ProcessInstance instance = start();
    Proposal robot = proposal("机器人A", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    throughTheWindow(instance);
    reviewed(robot, "80.00", 24, 20, 20, 16);
    completeReviews(1);

    assertThatThrownBy(() -> complete(DemonstrationCall.APPROVE_AWARDS, "decision", "return", "comments", " "))
        .hasMessageContaining("comments is required");
    assertThatThrownBy(() -> complete(DemonstrationCall.APPROVE_AWARDS, "decision", "maybe"))
        .hasMessageContaining("decision must be approve or return");
    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "return", "comments", "请复核预算 Check the budget");

    assertThat(instance).isWaitingAt(DemonstrationCall.REVISE_RANKING);
    assertThatThrownBy(() -> complete(DemonstrationCall.REVISE_RANKING)).hasMessageContaining("response is required");
    complete(DemonstrationCall.REVISE_RANKING, "response", "已复核 Budget checked");

    assertThat(instance).isWaitingAt(DemonstrationCall.APPROVE_AWARDS);
    assertThat(stages.events).containsSubsequence("ranked", "returned: 请复核预算 Check the budget", "revised: 已复核 Budget checked", "ranked");
    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "approve");
    assertThat(instance).isWaitingAt(DemonstrationCall.NOTICE_ENDS);
  }

  ProcessInstance inNotice(Proposal... proposals) {
    ProcessInstance instance = start();
    throughTheWindow(instance);
    completeReviews(1);
    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "approve");
    assertThat(instance).isWaitingAt(DemonstrationCall.NOTICE_ENDS);
    return instance;
  }

  void object(Proposal proposal, String grounds) {
    Objection objection = stages.lodge(proposal.getId(), grounds);
    engine.getRuntimeService().createMessageCorrelation(DemonstrationCall.MESSAGE_OBJECTION).processInstanceBusinessKey(call.getId())
        .setVariablesLocal(Variables.createVariables().putValue(DemonstrationCall.VAR_OBJECTION, objection.getId())).correlate();
  }

  @Test
  void eachObjectionIsAnOfficeTaskAndTheNoticeWaitsForItsAnswerEvenAfterTheWindow() {
    Proposal robot = proposal("机器人A", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    reviewed(robot, "80.00", 24, 20, 20, 16);
    ProcessInstance instance = inNotice(robot);

    object(robot, "评分过高 The score is too high");
    object(robot, "申报材料与事实不符 The team listed never worked on it");

    List<Task> objections = tasks(DemonstrationCall.ANSWER_OBJECTION);
    assertThat(objections).hasSize(2);
    assertThat(engine.getTaskService().getIdentityLinksForTask(objections.get(0).getId()))
        .anyMatch(l -> "programme-office".equals(l.getGroupId()));
    assertThat(objections.stream().map(t -> (String) engine.getTaskService().getVariable(t.getId(), "objectionMarkdown")))
        .as("each task shows its own objection").containsExactlyInAnyOrder("评分过高 The score is too high",
            "申报材料与事实不符 The team listed never worked on it");
    Task academic = objections.stream().filter(t -> engine.getTaskService().getVariable(t.getId(), "objectionMarkdown").toString().contains("评分"))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> engine.getTaskService().complete(academic.getId(), Map.of("decision", "not-grounds")))
        .hasMessageContaining("answer is required");
    engine.getTaskService().complete(academic.getId(), Map.of("decision", "not-grounds", "answer", "仅涉及专家学术判断，不予受理"));

    fire(instance, DemonstrationCall.NOTICE_ENDS);
    assertThat(instance).as("the window ended, one objection still unanswered").isWaitingAt(DemonstrationCall.ANSWER_OBJECTION);

    complete(DemonstrationCall.ANSWER_OBJECTION, "decision", "dismissed", "answer", "经核实团队信息属实");

    assertThat(instance).isEnded().hasPassed(DemonstrationCall.CLOSE_NOTICE, DemonstrationCall.END_AWARDED);
    assertThat(stages.objections.values()).extracting(Objection::getDecision)
        .containsExactlyInAnyOrder(Objection.Decision.NOT_GROUNDS, Objection.Decision.DISMISSED);
    assertThat(robot.getStatus()).isEqualTo(Proposal.Status.AWARDED);
  }

  @Test
  void anUpheldObjectionSendsTheProposalBackToReviewAndThroughApprovalAndNoticeAgain() {
    Proposal robot = proposal("机器人A", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    Proposal other = proposal("机器人B", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    reviewed(robot, "80.00", 24, 20, 20, 16);
    reviewed(other, "78.00", 24, 20, 19, 15);
    ProcessInstance instance = inNotice(robot, other);

    object(robot, "专家与申报单位存在未申报的关联关系 An expert had an undeclared relationship");
    complete(DemonstrationCall.ANSWER_OBJECTION, "decision", "rereview", "answer", "情况属实，重新组织评审");
    assertThat(robot.getStatus()).isEqualTo(Proposal.Status.ELIGIBLE);
    fire(instance, DemonstrationCall.NOTICE_ENDS);

    assertThat(instance).isWaitingAt(DemonstrationCall.EXPERT_REVIEW);
    assertThat(robot.getStatus()).isEqualTo(Proposal.Status.UNDER_REVIEW);
    assertThat(other.getStatus()).as("the others keep their review").isEqualTo(Proposal.Status.REVIEWED);
    reviewed(robot, "70.50", 21, 18, 18, 13);
    completeReviews(1);
    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "approve");
    assertThat(call.getNoticeRound()).isEqualTo(2);
    assertThat(other.getRankInField()).isEqualTo(1);
    fire(instance, DemonstrationCall.NOTICE_ENDS);

    assertThat(instance).isEnded();
    assertThat(robot.getStatus()).isEqualTo(Proposal.Status.AWARDED);
    assertThat(robot.getScore()).isEqualByComparingTo("70.50");
  }

  @Test
  void anObjectionUpheldWithExclusionReranksAndFundsTheNextProposal() {
    call = new Call("仅一项资助", Set.of("robotics"), Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)),
        new BigDecimal("1000000"), new BigDecimal("1000000"), 1, "office");
    beansFor(call);
    Proposal first = proposal("第一", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    Proposal second = proposal("第二", "robotics", "900000", Proposal.FormalCheck.ELIGIBLE);
    reviewed(first, "90.00", 27, 22, 23, 18);
    reviewed(second, "80.00", 24, 20, 20, 16);
    ProcessInstance instance = inNotice(first, second);
    assertThat(second.getOutcomeReason()).contains("number of awards was reached");

    object(first, "申报单位提供虚假材料 Forged documents");
    complete(DemonstrationCall.ANSWER_OBJECTION, "decision", "exclude", "answer", "经核实材料造假，取消资格");
    fire(instance, DemonstrationCall.NOTICE_ENDS);

    assertThat(instance).as("re-ranked without review, back to leadership").isWaitingAt(DemonstrationCall.APPROVE_AWARDS);
    assertThat(first.getStatus()).isEqualTo(Proposal.Status.EXCLUDED);
    assertThat(second.getAward()).isEqualByComparingTo("900000");
    complete(DemonstrationCall.APPROVE_AWARDS, "decision", "approve");
    fire(instance, DemonstrationCall.NOTICE_ENDS);

    assertThat(instance).isEnded();
    assertThat(second.getStatus()).isEqualTo(Proposal.Status.AWARDED);
    assertThat(first.getStatus()).isEqualTo(Proposal.Status.EXCLUDED);
  }

  /** Every bean the call's model names (one delegate per service task), on the stages of this call. */
  private void beansFor(Call other) {
    stages = new InMemoryCallStages(other);
    WorkingDays workingDays = WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties"));
    TestBeans.register("openCallDelegate", new OpenCallDelegate(stages));
    TestBeans.register("closeCallDelegate", new CloseCallDelegate(stages));
    TestBeans.register("countPendingChecksDelegate", new CountPendingChecksDelegate(stages));
    TestBeans.register("requestCallReviewsDelegate", new RequestCallReviewsDelegate(stages));
    TestBeans.register("drawReviewGroupsDelegate", new DrawReviewGroupsDelegate(stages));
    TestBeans.register("rankProposalsDelegate", new RankProposalsDelegate(stages));
    TestBeans.register("publishAwardNoticeDelegate", new PublishAwardNoticeDelegate(stages, workingDays));
    TestBeans.register("closeAwardNoticeDelegate", new CloseAwardNoticeDelegate(stages));
    TestBeans.register("announceAwardsDelegate", new AnnounceAwardsDelegate(stages, stages));
    TestBeans.register("callTaskListener", new CallTaskListener(stages, stages));
    TestBeans.register("callTasks", new CallTasks(stages, stages));
    TestBeans.register("documentLinks", new org.aipo.proposal.DocumentLinks());
    TestBeans.register("workingDays", workingDays);
  }
}
