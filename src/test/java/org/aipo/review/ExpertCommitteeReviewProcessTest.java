package org.aipo.review;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.calendar.WorkingDays;
import org.aipo.testing.InMemoryReviewRepository;
import org.aipo.testing.RecordingAuditLog;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drives processes/expert-committee-review.bpmn through its paths on the in-memory engine. */
@Deployment(resources = {"processes/expert-committee-review.bpmn", "processes/forms/answer-invitation.form",
    "processes/forms/appoint-expert.form", "processes/forms/declare-conflict.form", "processes/forms/score-item.form",
    "processes/forms/handle-overdue-score.form", "processes/forms/hold-consensus.form", "processes/forms/confirm-opinion.form"})
class ExpertCommitteeReviewProcessTest {

  static final String FIELD = "robotics";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  TaskService tasks;
  InMemoryReviewRepository repository;
  RecordingAuditLog audit;
  org.aipo.notification.RecordingNotifier notifier;
  ReviewService service;
  String requestId;

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    tasks = engine.getTaskService();
    repository = new InMemoryReviewRepository();
    audit = new RecordingAuditLog();
    service = new ReviewService(repository, audit);
    ReviewTasks reviewTasks = new ReviewTasks(service);
    TestBeans.register("reviewTasks", reviewTasks);
    TestBeans.register("drawPanelDelegate", new DrawPanelDelegate(service));
    TestBeans.register("expireInvitationDelegate", new ExpireInvitationDelegate(service));
    notifier = new org.aipo.notification.RecordingNotifier();
    TestBeans.register("remindExpertDelegate", new RemindExpertDelegate(service, notifier));
    TestBeans.register("invitationNotice", new InvitationNotice(service, notifier));
    TestBeans.register("aggregateScoresDelegate", new AggregateScoresDelegate(service));
    TestBeans.register("completeReviewDelegate", new CompleteReviewDelegate(service));
    TestBeans.register("reviewTaskListener", new ReviewTaskListener(service));
    TestBeans.register("documentLinks", new org.aipo.proposal.DocumentLinks());
    TestBeans.register("workingDays", WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")));
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
  }

  /** Experts ex1..exN in robotics at their own universities; ACME's own expert "acme". */
  void pool(int experts) {
    for (int i = 1; i <= experts; i++) {
      repository.addExpert(new PoolMember("id-ex" + i, "University " + i, Set.of(FIELD), List.of()), "ex" + i);
    }
    repository.addExpert(new PoolMember("id-acme", "ACME AI Co.", Set.of(FIELD), List.of()), "acme");
  }

  ProcessInstance start(int panelSize, int reserves) {
    ReviewRequest request = new ReviewRequest("2026 robotics benchmark projects", FIELD, panelSize, reserves, 5, 70,
        List.of(new ReviewCriterion("innovation", "创新性 Innovation", 60), new ReviewCriterion("feasibility", "可行性 Feasibility", 40)),
        null, "secretary", java.time.Instant.now());
    request.addItem("P-001", "Humanoid assembly line", "ACME AI Co.", Set.of(), Map.of());
    service.create(request, "secretary");
    requestId = request.getId();
    return engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY,
        Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId()));
  }

  ReviewRequest review(ProcessInstance instance) {
    return repository.find(requestId);
  }

  List<Task> open(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).orderByTaskAssignee().asc().list();
  }

  void complete(Task task, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }

  void acceptAll(ProcessInstance instance) {
    open(instance, ExpertCommitteeReview.ANSWER_INVITATION).forEach(t -> complete(t, "accepted", true));
  }

  void declareNoConflicts(ProcessInstance instance) {
    open(instance, ExpertCommitteeReview.DECLARE_CONFLICT).forEach(t -> complete(t, "conflict", false));
  }

  void score(Task task, int innovation, int feasibility) {
    complete(task, "c1Points", (long) innovation, "c1Comment", "创新点明确", "c2Points", (long) feasibility, "c2Comment", "方案可行");
  }

  void aggregate(ProcessInstance instance) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(ExpertCommitteeReview.AGGREGATE).singleResult();
    assertThat(job).as("aggregation waits as a job after the join").isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  @Test
  void allAcceptNoConflictConvergingScoresEndWithTheChairsConfirmedOpinion() {
    pool(6);
    ProcessInstance instance = start(3, 2);

    List<Task> invitations = open(instance, ExpertCommitteeReview.ANSWER_INVITATION);
    assertThat(invitations).hasSize(3).extracting(Task::getAssignee).doesNotContainNull().doesNotContain("acme");
    assertThat(invitations).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    // one e-mail invitation per drawn expert, with the task's deadline and the link to it
    assertThat(notifier.of("expert-invitation")).hasSize(3).allSatisfy(m -> {
      Task task = invitations.stream().filter(t -> t.getAssignee().equals(m.recipient().userId())).findFirst().orElseThrow();
      assertThat(m.deadline()).isEqualTo(task.getDueDate().toInstant());
      assertThat(m.link()).endsWith("?task=" + task.getId());
      assertThat(m.model()).containsEntry("subjectTitle", "2026 robotics benchmark projects");
    });
    acceptAll(instance);
    declareNoConflicts(instance);
    List<Task> scoring = open(instance, ExpertCommitteeReview.SCORE_ITEM);
    assertThat(scoring).hasSize(3);
    score(scoring.get(0), 48, 30);
    score(scoring.get(1), 45, 32);
    score(scoring.get(2), 50, 28);
    aggregate(instance);

    Task confirm = open(instance, ExpertCommitteeReview.CONFIRM_OPINION).get(0);
    assertThat(open(instance, ExpertCommitteeReview.HOLD_CONSENSUS)).isEmpty();
    assertThat((String) tasks.getVariable(confirm.getId(), "opinion")).contains("77.67").contains("建议通过");
    complete(confirm, "recommendation", "RECOMMENDED", "opinion", "同意推荐。Recommended.");

    assertThat(instance).isEnded().hasPassed(ExpertCommitteeReview.END);
    ReviewRequest review = review(instance);
    assertThat(review.getStatus()).isEqualTo(ReviewRequest.Status.COMPLETED);
    ItemOutcome outcome = review.getOutcomes().get(0);
    assertThat(outcome.getScore()).isEqualByComparingTo("77.67");
    assertThat(outcome.isDiverges()).isFalse();
    assertThat(outcome.getRecommendation()).isEqualTo(ItemOutcome.Recommendation.RECOMMENDED);
    assertThat(outcome.getCriterionMeans()).isEqualTo("innovation=47.67;feasibility=30.00");
    assertThat(audit.all()).extracting(r -> r.getAction()).contains("review.panel-drawn", "review.scored", "review.aggregated",
        "review.opinion-recorded", "review.completed");
  }

  @Test
  void theDrawAvoidsTheApplicantsOwnExpertAndReplaysFromItsSeed() {
    pool(6);
    ProcessInstance instance = start(3, 2);

    ReviewRequest review = review(instance);
    assertThat(review.getDrawCandidates()).filteredOn(c -> c.getExpertId().equals("id-acme"))
        .singleElement().satisfies(c -> {
          assertThat(c.getOutcome()).isEqualTo(ExpertDraw.Outcome.AVOIDED);
          assertThat(c.getReason()).contains("same organisation");
        });
    ExpertDraw.Result replay = review.replayDraw();
    assertThat(replay.panel()).containsExactlyElementsOf(review.getSeats().stream().map(Seat::getExpertId).toList());
    DrawVerdict verdict = service.replay(review.getId());
    assertThat(verdict.matches()).isTrue();
    assertThat(verdict.differences()).isEmpty();
    assertThat(verdict.panel()).isEqualTo(replay.panel());
    assertThat(verdict.replacements()).isEmpty();
  }

  @Test
  void aReplayOfAnAlteredPoolSnapshotIsAMismatchNamingTheExpert() throws Exception {
    pool(6);
    ProcessInstance instance = start(3, 2);
    ReviewRequest review = review(instance);
    String drawn = review.replayDraw().panel().get(0);
    java.lang.reflect.Field snapshot = ReviewRequest.class.getDeclaredField("poolSnapshot");
    snapshot.setAccessible(true);
    String stored = (String) snapshot.get(review);
    String tampered = ReviewRequest.snapshot(ReviewRequest.readSnapshot(stored).stream()
        .filter(m -> !m.expertId().equals(drawn)).toList());
    snapshot.set(review, tampered);

    DrawVerdict verdict = review.drawVerdict();

    assertThat(verdict.matches()).isFalse();
    assertThat(verdict.drawMatches()).isFalse();
    assertThat(verdict.differences()).anySatisfy(d -> assertThat(d).startsWith(drawn + ": stored PANEL"));
  }

  @Test
  void aDeclineNeedsAReasonAndPassesTheSeatToTheNextReserve() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    Task first = open(instance, ExpertCommitteeReview.ANSWER_INVITATION).get(0);
    String declining = first.getAssignee();

    assertThatThrownBy(() -> complete(first, "accepted", false)).hasMessageContaining("declineReason");
    complete(first, "accepted", false, "declineReason", "出差 travelling");

    List<Task> invitations = open(instance, ExpertCommitteeReview.ANSWER_INVITATION);
    assertThat(invitations).hasSize(3).extracting(Task::getAssignee).doesNotContain(declining);
    String reserve = review(instance).getDrawCandidates().stream().filter(c -> c.getOutcome() == ExpertDraw.Outcome.RESERVE)
        .filter(c -> c.getPosition() == 4).findFirst().orElseThrow().getExpertId();
    assertThat(invitations).extracting(Task::getAssignee).contains(service.userOf(reserve));
    DrawVerdict verdict = service.replay(review(instance).getId());
    assertThat(verdict.matches()).isTrue();
    assertThat(verdict.replacements()).singleElement().satisfies(r -> {
      assertThat(r.expertId()).isEqualTo(reserve);
      assertThat(r.reservePosition()).isEqualTo(1);
    });
  }

  @Test
  void anUnansweredInvitationExpiresAfterTwoWorkingDaysAndAReserveIsInvited() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    Task first = open(instance, ExpertCommitteeReview.ANSWER_INVITATION).get(0);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(ExpertCommitteeReview.INVITATION_EXPIRED).list().stream()
        .filter(j -> j.getExecutionId() != null).findFirst().orElseThrow();

    engine.getManagementService().executeJob(timer.getId());

    assertThat(open(instance, ExpertCommitteeReview.ANSWER_INVITATION)).hasSize(3);
    assertThat(review(instance).getSeats()).flatExtracting(Seat::getInvitations)
        .filteredOn(i -> i.getStatus() == Seat.InvitationStatus.EXPIRED).hasSize(1);
    assertThat(audit.all()).extracting(r -> r.getAction()).contains("review.invitation-expired");
    assertThat(first).isNotNull();
  }

  @Test
  void whenReservesRunOutTheSecretariatAppointsAnExpertCheckedAgainstAvoidance() {
    pool(3);
    ProcessInstance instance = start(3, 0);
    Task first = open(instance, ExpertCommitteeReview.ANSWER_INVITATION).get(0);
    complete(first, "accepted", false, "declineReason", "生病 ill");

    List<Task> appoint = open(instance, ExpertCommitteeReview.APPOINT_EXPERT);
    assertThat(appoint).hasSize(1);
    assertThat(tasks.getIdentityLinksForTask(appoint.get(0).getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("committee-secretariat"));
    assertThatThrownBy(() -> complete(appoint.get(0), "expertUserId", "acme")).hasMessageContaining("avoided");
    assertThatThrownBy(() -> complete(appoint.get(0), "expertUserId", first.getAssignee())).hasMessageContaining("already");
    assertThatThrownBy(() -> complete(appoint.get(0), "expertUserId", "nobody")).hasMessageContaining("not in the expert pool");
    repository.addExpert(new PoolMember("id-new", "Zhejiang University", Set.of(FIELD), List.of()), "new-expert");
    complete(appoint.get(0), "expertUserId", "new-expert");

    assertThat(open(instance, ExpertCommitteeReview.ANSWER_INVITATION)).extracting(Task::getAssignee).contains("new-expert");
  }

  @Test
  void tooFewEligibleExpertsAfterAvoidanceGoStraightToTheSecretariat() {
    pool(2);
    repository.addExpert(new PoolMember("id-acme2", "ACME AI Co.", Set.of(FIELD), List.of()), "acme2");
    ProcessInstance instance = start(3, 1);

    assertThat(open(instance, ExpertCommitteeReview.ANSWER_INVITATION)).hasSize(2);
    assertThat(open(instance, ExpertCommitteeReview.APPOINT_EXPERT)).hasSize(1);
  }

  @Test
  void aDeclaredConflictRecusesTheExpertFromTheItemAndAReserveTakesIt() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    acceptAll(instance);
    Task declaration = open(instance, ExpertCommitteeReview.DECLARE_CONFLICT).get(0);
    String recused = declaration.getAssignee();

    assertThatThrownBy(() -> complete(declaration, "conflict", true)).hasMessageContaining("conflictReason");
    complete(declaration, "conflict", true, "conflictReason", "近三年合作 co-authored in 2025");

    List<Task> declarations = open(instance, ExpertCommitteeReview.DECLARE_CONFLICT);
    assertThat(declarations).hasSize(3).extracting(Task::getAssignee).doesNotContain(recused);
    ReviewRequest review = review(instance);
    String recusedExpert = repository.expertByUser(recused).orElseThrow().expertId();
    assertThat(review.getAssignments()).filteredOn(a -> a.getExpertId().equals(recusedExpert)).singleElement()
        .extracting(Assignment::getStatus).isEqualTo(Assignment.Status.RECUSED);
    String itemId = review.getItems().get(0).getId();
    String seatId = review.getSeats().stream().filter(s -> recusedExpert.equals(s.getExpertId())).findFirst().orElseThrow().getId();
    assertThatThrownBy(() -> service.score(review.getId(), seatId, itemId, recused, Map.of()))
        .as("a recused expert cannot score the item").hasMessageContaining("not assigned to this expert");
  }

  @Test
  void divergingScoresGoToAConsensusDiscussionThatNeedsReasons() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    acceptAll(instance);
    declareNoConflicts(instance);
    List<Task> scoring = open(instance, ExpertCommitteeReview.SCORE_ITEM);
    score(scoring.get(0), 58, 38);
    score(scoring.get(1), 30, 20);
    score(scoring.get(2), 45, 30);
    aggregate(instance);

    assertThat(open(instance, ExpertCommitteeReview.CONFIRM_OPINION)).isEmpty();
    Task consensus = open(instance, ExpertCommitteeReview.HOLD_CONSENSUS).get(0);
    assertThatThrownBy(() -> complete(consensus, "recommendation", "RECOMMENDED", "opinion", "x")).hasMessageContaining("reasons");
    complete(consensus, "recommendation", "NOT_RECOMMENDED", "opinion", "经合议不予推荐。", "reasons", "可行性论证不足");

    assertThat(instance).isEnded();
    ItemOutcome outcome = review(instance).getOutcomes().get(0);
    assertThat(outcome.isDiverges()).isTrue();
    assertThat(outcome.getReasons()).isEqualTo("可行性论证不足");
  }

  @Test
  void scoresOutsideTheWeightOrWithoutACommentAreRefusedAndNotApplicableIsNotZero() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    acceptAll(instance);
    declareNoConflicts(instance);
    Task task = open(instance, ExpertCommitteeReview.SCORE_ITEM).get(0);

    assertThatThrownBy(() -> score(task, 61, 30)).hasMessageContaining("innovation").hasMessageContaining("0 and 60");
    assertThatThrownBy(() -> complete(task, "c1Points", 50L, "c1Comment", "好", "c2Points", 30L))
        .hasMessageContaining("comment of criterion feasibility");
    assertThatThrownBy(() -> complete(task, "c1Points", 50L, "c1Comment", "好")).hasMessageContaining("feasibility");
    complete(task, "c1Points", 54L, "c1Comment", "好", "c2NotApplicable", true, "c2Comment", "无实施计划，不适用");

    Assignment scored = review(instance).getAssignments().stream().filter(a -> a.getStatus() == Assignment.Status.SCORED)
        .findFirst().orElseThrow();
    assertThat(scored.getScores().get("feasibility").getPoints()).isNull();
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).as("no score reaches the process scope")
        .doesNotContainKeys("c1Points", "c1Comment", "c2NotApplicable");
  }

  @Test
  void aReminderBeforeTheDeadlineAndTheSecretariatAfterItWhoExtendsOrReplaces() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    acceptAll(instance);
    declareNoConflicts(instance);
    Task late = open(instance, ExpertCommitteeReview.SCORE_ITEM).get(0);
    String lateExpert = late.getAssignee();
    Job reminder = timerOf(late, ExpertCommitteeReview.SCORING_REMINDER);
    Job deadline = timerOf(late, ExpertCommitteeReview.SCORING_DEADLINE);
    assertThat(reminder.getDuedate()).isBefore(deadline.getDuedate());

    assertThat(notifier.of("deadline-reminder")).isEmpty();
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(audit.all()).extracting(r -> r.getAction()).contains("review.reminder-sent");
    // the reminder is an e-mail to the late expert naming the scoring task's own deadline
    assertThat(notifier.of("deadline-reminder")).singleElement().satisfies(m -> {
      assertThat(m.recipient().userId()).isEqualTo(lateExpert);
      assertThat(m.deadline()).isEqualTo(late.getDueDate().toInstant());
      assertThat(m.link()).endsWith("?task=" + late.getId());
      assertThat(m.eventKey()).isEqualTo("reminder:" + late.getId() + ":" + late.getDueDate().getTime() + ":" + lateExpert);
    });
    assertThat(open(instance, ExpertCommitteeReview.SCORE_ITEM)).hasSize(3);

    engine.getManagementService().executeJob(deadline.getId());
    Task overdue = open(instance, ExpertCommitteeReview.HANDLE_OVERDUE).get(0);
    complete(overdue, "overdueDecision", "extend");
    assertThat(open(instance, ExpertCommitteeReview.SCORE_ITEM)).hasSize(3).extracting(Task::getAssignee).contains(lateExpert);

    Task again = open(instance, ExpertCommitteeReview.SCORE_ITEM).stream().filter(t -> t.getAssignee().equals(lateExpert)).findFirst().orElseThrow();
    engine.getManagementService().executeJob(timerOf(again, ExpertCommitteeReview.SCORING_DEADLINE).getId());
    complete(open(instance, ExpertCommitteeReview.HANDLE_OVERDUE).get(0), "overdueDecision", "replace");

    List<Task> declarations = open(instance, ExpertCommitteeReview.DECLARE_CONFLICT);
    assertThat(declarations).hasSize(1);
    assertThat(declarations.get(0).getAssignee()).isNotEqualTo(lateExpert);
    assertThat(open(instance, ExpertCommitteeReview.SCORE_ITEM)).extracting(Task::getAssignee).doesNotContain(lateExpert);
  }

  @Test
  void timersBecomeDueWhenTheEngineClockPassesTheWorkingDayDeadlines() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    acceptAll(instance);
    declareNoConflicts(instance);
    Task task = open(instance, ExpertCommitteeReview.SCORE_ITEM).get(0);
    Job reminder = timerOf(task, ExpertCommitteeReview.SCORING_REMINDER);
    Job deadline = timerOf(task, ExpertCommitteeReview.SCORING_DEADLINE);
    var executable = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable();
    assertThat(executable.list()).extracting(Job::getId).doesNotContain(reminder.getId(), deadline.getId());
    assertThat(task.getDueDate()).isEqualTo(deadline.getDuedate());

    try {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(reminder.getDuedate().getTime() + 60_000));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list())
          .extracting(Job::getId).contains(reminder.getId()).doesNotContain(deadline.getId());
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(deadline.getDuedate().getTime() + 60_000));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list())
          .extracting(Job::getId).contains(reminder.getId(), deadline.getId());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void theSameExpertCannotCompleteATaskTwice() {
    pool(6);
    ProcessInstance instance = start(3, 2);
    Task invitation = open(instance, ExpertCommitteeReview.ANSWER_INVITATION).get(0);
    complete(invitation, "accepted", true);

    assertThatThrownBy(() -> complete(invitation, "accepted", true)).hasMessageContaining("Cannot find task");
    assertThat(review(instance).getAssignments()).hasSize(1);
  }

  @Test
  void anEvenPanelOrOneLargerThanTheFieldsPoolIsRefusedBeforeAnythingIsDrawn() {
    pool(3);
    assertThatThrownBy(() -> new ReviewRequest("x", FIELD, 4, 0, 5, 70, List.of(new ReviewCriterion("value", "Value", 100)),
        null, "secretary", java.time.Instant.now())).hasMessageContaining("panelSize must be odd");
    ReviewRequest tooLarge = new ReviewRequest("x", FIELD, 5, 0, 5, 70, List.of(new ReviewCriterion("value", "Value", 100)),
        null, "secretary", java.time.Instant.now());
    tooLarge.addItem("P-1", "t", "Elsewhere", Set.of(), Map.of());

    assertThatThrownBy(() -> service.create(tooLarge, "secretary")).hasMessageContaining("panelSize 5 is larger than the 4 active experts");
    assertThatThrownBy(() -> repository.find(tooLarge.getId())).hasMessageContaining("no review request");
    assertThat(audit.all()).isEmpty();
  }

  @Test
  @Deployment(resources = {"processes/expert-committee-review.bpmn", "processes/forms/answer-invitation.form",
      "processes/forms/appoint-expert.form", "processes/forms/declare-conflict.form", "processes/forms/score-item.form",
      "processes/forms/handle-overdue-score.form", "processes/forms/hold-consensus.form", "processes/forms/confirm-opinion.form",
      "org/aipo/review/review-caller.bpmn"})
  void anotherProcessCallsTheReviewAndContinuesWithItsOutcome() {
    pool(6);
    ReviewRequest request = new ReviewRequest("Called review", FIELD, 3, 0, 5, 70,
        List.of(new ReviewCriterion("value", "Value", 100)), null, "secretary", java.time.Instant.now());
    request.addItem("P-9", "Called item", "ACME AI Co.", Set.of(), Map.of());
    service.create(request, "secretary");
    requestId = request.getId();
    ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey("reviewCaller",
        Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId()));
    ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    assertThat(review).isNotNull();

    acceptAll(review);
    declareNoConflicts(review);
    open(review, ExpertCommitteeReview.SCORE_ITEM).forEach(t -> complete(t, "c1Points", 80L, "c1Comment", "好"));
    aggregate(review);
    open(review, ExpertCommitteeReview.CONFIRM_OPINION).forEach(t -> complete(t, "recommendation", "RECOMMENDED", "opinion", "同意"));

    assertThat(caller).isWaitingAt("userTask_useOutcome");
    assertThat(engine.getRuntimeService().getVariable(caller.getId(), ExpertCommitteeReview.VAR_REQUEST)).isEqualTo(request.getId());
    assertThat(service.find(request.getId()).getOutcomes()).singleElement()
        .satisfies(o -> assertThat(o.getScore()).isEqualByComparingTo("80.00"));
  }

  @Test
  void theAggregationRuleIsSetPerRequest() {
    pool(6);
    ReviewRequest request = new ReviewRequest("Strict committee", FIELD, 3, 0, 5, 70,
        List.of(new ReviewCriterion("value", "Value", 100)), null, "secretary", java.time.Instant.now())
        .aggregation(3, 10);
    request.addItem("P-3", "Item", "ACME AI Co.", Set.of(), Map.of());
    service.create(request, "secretary");
    requestId = request.getId();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY,
        Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId()));
    acceptAll(instance);
    declareNoConflicts(instance);
    List<Task> scoring = open(instance, ExpertCommitteeReview.SCORE_ITEM);
    int[] points = {60, 72, 90};
    for (int i = 0; i < 3; i++) {
      complete(scoring.get(i), "c1Points", (long) points[i], "c1Comment", "ok");
    }
    aggregate(instance);

    ItemOutcome outcome = review(instance).getOutcomes().get(0);
    assertThat(outcome.isTrimmed()).as("trimmed from 3 scores").isTrue();
    assertThat(outcome.getScore()).as("the middle score").isEqualByComparingTo("72.00");
    assertThat(outcome.isDiverges()).as("spread 30 > 10").isTrue();
    assertThatThrownBy(() -> request.aggregation(2, 10)).isInstanceOf(org.aipo.common.DomainException.class)
        .extracting("code").isEqualTo("review.wrong-status");
    assertThatThrownBy(() -> new ReviewRequest("x", FIELD, 3, 0, 5, 70, List.of(new ReviewCriterion("value", "Value", 100)),
        null, "s", java.time.Instant.now()).aggregation(2, 10)).hasMessageContaining("trimFrom");
  }

  /** The boundary timer of this very task: it waits on the task's own scope execution. */
  Job timerOf(Task task, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .activityId(activityId).executionId(task.getExecutionId()).singleResult();
  }
}
