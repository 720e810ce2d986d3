package org.aipo.review;

import org.aipo.common.DomainException;
import org.aipo.expert.PoolMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.calendar.WorkingDays;
import org.aipo.testing.InMemoryReviewRepository;
import org.aipo.testing.RecordingAuditLog;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grouped review (分组评审, docs/adr/0020) on processes/expert-committee-review.bpmn: the groups of a call are drawn as
 * one ({@link ReviewService#drawGroups}), then each group's review runs as its own process and skips its own draw. Paths:
 * a group short of experts, a reserve replacing a decliner within the cap, a conflict in one group, and the call-level
 * replay (matching, and a swapped expert reported).
 */
@Deployment(resources = {"processes/expert-committee-review.bpmn", "processes/forms/answer-invitation.form",
    "processes/forms/appoint-expert.form", "processes/forms/declare-conflict.form", "processes/forms/score-item.form",
    "processes/forms/handle-overdue-score.form", "processes/forms/hold-consensus.form", "processes/forms/confirm-opinion.form"})
class GroupedReviewProcessTest {

  static final String FIELD = "robotics";
  static final String BATCH = "call-1:1";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  TaskService tasks;
  InMemoryReviewRepository repository;
  RecordingAuditLog audit;
  ReviewService service;

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    tasks = engine.getTaskService();
    repository = new InMemoryReviewRepository();
    audit = new RecordingAuditLog();
    service = new ReviewService(repository, audit);
    TestBeans.register("reviewTasks", new ReviewTasks(service));
    TestBeans.register("drawPanelDelegate", new DrawPanelDelegate(service));
    TestBeans.register("expireInvitationDelegate", new ExpireInvitationDelegate(service));
    org.aipo.notification.RecordingNotifier notifier = new org.aipo.notification.RecordingNotifier();
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

  void pool(int experts) {
    for (int i = 1; i <= experts; i++) {
      repository.addExpert(new PoolMember("id-ex" + i, "University " + i, Set.of(FIELD), List.of()), "ex" + i);
    }
  }

  /** Groups of the given sizes (items from "Applicant g-i"), stored; their ids in order. */
  List<String> groups(int panelSize, int reserves, int... sizes) {
    List<String> ids = new ArrayList<>();
    for (int g = 0; g < sizes.length; g++) {
      ReviewRequest request = new ReviewRequest("Call · robotics · group " + (g + 1), FIELD, panelSize, reserves, 5, 70,
          List.of(new ReviewCriterion("innovation", "创新性 Innovation", 60), new ReviewCriterion("feasibility", "可行性 Feasibility", 40)),
          null, "system", java.time.Instant.now());
      for (int i = 1; i <= sizes[g]; i++) {
        request.addItem("P-" + (g + 1) + "-" + i, "Proposal " + (g + 1) + "-" + i, "Applicant " + (g + 1) + "-" + i, Set.of(), Map.of());
      }
      service.create(request, "system");
      ids.add(request.getId());
    }
    return ids;
  }

  ProcessInstance start(String requestId) {
    return engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY, requestId,
        Map.of(ExpertCommitteeReview.VAR_REQUEST, requestId));
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

  /** Every expert involved (invited or assigned) in each group, and how many groups each is on. */
  Map<String, Integer> groupsPerExpert(List<String> requestIds) {
    Map<String, Integer> count = new HashMap<>();
    for (String id : requestIds) {
      ReviewRequest request = repository.find(id);
      Set<String> involved = new HashSet<>();
      request.getSeats().forEach(s -> s.getInvitations().forEach(i -> involved.add(i.getExpertId())));
      request.getAssignments().stream().map(Assignment::getExpertId).filter(e -> e != null).forEach(involved::add);
      involved.forEach(e -> count.merge(e, 1, Integer::sum));
    }
    return count;
  }

  @Test
  void theGroupsAreDrawnAsOneAndEachReviewSkipsItsOwnDraw() {
    pool(20);
    List<String> ids = groups(3, 1, 2, 2, 2);
    List<ExpertDraw.Result> drawn = service.drawGroups(BATCH, ids, 1, "office");

    assertThat(drawn).hasSize(3).allSatisfy(r -> assertThat(r.shortfall()).isZero());
    Set<String> seated = new HashSet<>();
    drawn.forEach(r -> {
      seated.addAll(r.panel());
      seated.addAll(r.reserves());
    });
    assertThat(seated).as("cap 1: 3 groups × (3 + 1) distinct experts").hasSize(12);
    assertThat(repository.batch(BATCH)).extracting(ReviewRequest::getDrawBatchOrder).containsExactly(1, 2, 3);
    assertThat(repository.batch(BATCH)).extracting(ReviewRequest::getBatchSeed).containsOnly(repository.find(ids.get(0)).getBatchSeed());

    ProcessInstance first = start(ids.get(0));
    List<Task> invitations = open(first, ExpertCommitteeReview.ANSWER_INVITATION);
    assertThat(invitations).extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(drawn.get(0).panel().stream().map(e -> e.replace("id-", "")).toList());
    assertThat(repository.find(ids.get(0)).getDrawCandidates()).as("the process did not draw again").hasSize(20);
    assertThatThrownBy(() -> service.drawGroups(BATCH, ids, 1, "office")).isInstanceOf(DomainException.class)
        .hasMessageContaining("drawn");
    assertThat(audit.all()).filteredOn(r -> r.getAction().equals("review.panel-drawn")).hasSize(3);
  }

  @Test
  void aGroupShortOfExpertsLeavesItsSeatsToTheSecretariatWhoMayNotSeatACappedExpert() {
    pool(5);
    List<String> ids = groups(3, 0, 1, 1);
    List<ExpertDraw.Result> drawn = service.drawGroups(BATCH, ids, 1, "office");

    assertThat(drawn.get(0).panel()).hasSize(3);
    assertThat(drawn.get(1).panel()).as("only 2 experts left under the cap").hasSize(2);
    assertThat(drawn.get(1).shortfall()).isEqualTo(1);
    assertThat(drawn.get(1).candidates()).filteredOn(c -> c.outcome() == ExpertDraw.Outcome.AVOIDED)
        .hasSize(3).allSatisfy(c -> assertThat(c.reason()).isEqualTo(ExpertDraw.CAP_REASON));
    assertThat(audit.all()).filteredOn(r -> r.getAction().equals("review.panel-drawn"))
        .anySatisfy(r -> assertThat(r.getDetail()).contains("1 seat(s) left to the secretariat"));

    ProcessInstance second = start(ids.get(1));
    Task appoint = open(second, ExpertCommitteeReview.APPOINT_EXPERT).get(0);
    String capped = drawn.get(0).panel().get(0).replace("id-", "");
    assertThatThrownBy(() -> complete(appoint, "expertUserId", capped)).hasMessageContaining("maximum number of review groups");
  }

  @Test
  void aReserveTakesTheDeclinedSeatAndNoExpertExceedsTheCap() {
    pool(12);
    List<String> ids = groups(3, 1, 1, 1, 1);
    List<ExpertDraw.Result> drawn = service.drawGroups(BATCH, ids, 1, "office");
    ProcessInstance first = start(ids.get(0));

    Task declined = open(first, ExpertCommitteeReview.ANSWER_INVITATION).get(0);
    complete(declined, "accepted", false, "declineReason", "出差 Travelling");

    String reserve = drawn.get(0).reserves().get(0);
    assertThat(open(first, ExpertCommitteeReview.ANSWER_INVITATION)).extracting(Task::getAssignee).contains(reserve.replace("id-", ""));
    for (String id : ids.subList(1, 3)) {
      start(id);
    }
    assertThat(groupsPerExpert(ids).values()).as("no expert on more than 1 group").allMatch(n -> n <= 1);
    GroupDrawVerdict verdict = service.replayBatch(BATCH);
    assertThat(verdict.matches()).as(String.join("; ", verdict.differences())).isTrue();
    assertThat(verdict.groupVerdicts().get(0).replacements()).singleElement()
        .satisfies(r -> assertThat(r.reservePosition()).isEqualTo(1));
  }

  @Test
  void aConflictInOneGroupSeatsThatGroupsReserveForThatItemOnly() {
    pool(12);
    List<String> ids = groups(3, 1, 2, 2);
    List<ExpertDraw.Result> drawn = service.drawGroups(BATCH, ids, 2, "office");
    ProcessInstance second = start(ids.get(1));
    open(second, ExpertCommitteeReview.ANSWER_INVITATION).forEach(t -> complete(t, "accepted", true));
    List<Task> declarations = open(second, ExpertCommitteeReview.DECLARE_CONFLICT);
    assertThat(declarations).hasSize(6);
    Task conflicted = declarations.get(0);
    String itemId = (String) tasks.getVariable(conflicted.getId(), "itemId");
    complete(conflicted, "conflict", true, "conflictReason", "曾为申报单位顾问 Advised the applicant");
    declarations.stream().skip(1).forEach(t -> complete(t, "conflict", false));

    ReviewRequest group2 = repository.find(ids.get(1));
    String reserve = drawn.get(1).reserves().get(0);
    assertThat(group2.getAssignments()).filteredOn(a -> reserve.equals(a.getExpertId()))
        .singleElement().satisfies(a -> assertThat(a.getItemId()).isEqualTo(itemId));
    assertThat(repository.find(ids.get(0)).getAssignments()).as("group 1 untouched").isEmpty();
    assertThat(service.replayBatch(BATCH).matches()).isTrue();
  }

  @Test
  void theCallReplayReportsASwappedExpertAsAMismatch() throws Exception {
    pool(12);
    List<String> ids = groups(3, 1, 1, 1);
    List<ExpertDraw.Result> drawn = service.drawGroups(BATCH, ids, 1, "office");
    assertThat(service.replayBatch(BATCH).matches()).isTrue();

    // someone swaps group 2's first panel member for an expert who was not drawn there
    ReviewRequest group2 = repository.find(ids.get(1));
    String drawnExpert = drawn.get(1).panel().get(0);
    String other = drawn.get(0).panel().get(0);
    java.lang.reflect.Field expertId = ReviewRequest.DrawCandidate.class.getDeclaredField("expertId");
    expertId.setAccessible(true);
    for (ReviewRequest.DrawCandidate c : group2.getDrawCandidates()) {
      if (c.getExpertId().equals(drawnExpert)) {
        expertId.set(c, other);
      } else if (c.getExpertId().equals(other)) {
        expertId.set(c, drawnExpert);
      }
    }
    GroupDrawVerdict verdict = service.replayBatch(BATCH);
    assertThat(verdict.matches()).isFalse();
    assertThat(verdict.differences()).anySatisfy(d -> assertThat(d).startsWith("group 2").contains(other));
  }
}
