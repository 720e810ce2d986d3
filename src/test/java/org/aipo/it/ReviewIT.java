package org.aipo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.aipo.expert.Expert;
import org.aipo.expert.ExpertPool;
import org.aipo.review.ExpertCommitteeReview;
import org.aipo.review.ExpertDraw;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;
import org.aipo.review.Seat;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A whole expert-committee review inside Liberty: JPA records, JTA, the job executor, authorizations. */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

  @Deployment
  static WebArchive deployment() {
    return ServerItBase.applicationWarWith(ReviewIT.class);
  }

  ProcessEngine engine;
  TaskService tasks;
  ReviewService reviews;
  ExpertPool pool;
  String run;

  @BeforeEach
  void lookUp() {
    engine = CDI.current().select(WorkflowEngine.class).get().processEngine();
    tasks = engine.getTaskService();
    reviews = CDI.current().select(ReviewService.class).get();
    pool = CDI.current().select(ExpertPool.class).get();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  List<Task> open(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  void complete(Task task, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }

  @Test
  void aWholeReviewRunsWithRecordsAReplacementAndBlindScoring() throws Exception {
    for (int i = 1; i <= 5; i++) {
      pool.add(new Expert(run + "-ex" + i, "专家" + i, "Institute " + run + "-" + i, Set.of("elderly-care")), "secretary");
    }
    pool.add(new Expert(run + "-own", "申报单位专家", "Applicant " + run, Set.of("elderly-care")), "secretary");
    ReviewRequest request = new ReviewRequest("Elderly-care scenarios " + run, "elderly-care", 3, 2, 5, 70,
        List.of(new ReviewCriterion("value", "应用价值 Value", 50), new ReviewCriterion("maturity", "成熟度 Maturity", 50)),
        null, "secretary", Instant.now());
    request.addItem("S-1", "Fall detection at home", "Applicant " + run, Set.of(), Map.of());
    request.addItem("S-2", "Medication reminders", "Applicant " + run, Set.of(), Map.of());
    reviews.create(request, "secretary");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY,
        Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId()));

    List<Task> invitations = open(instance, ExpertCommitteeReview.ANSWER_INVITATION);
    assertEquals(3, invitations.size());
    assertTrue(invitations.stream().noneMatch(t -> t.getAssignee().equals(run + "-own")), "the applicant's own expert is avoided");
    invitations.forEach(t -> complete(t, "accepted", true));

    List<Task> declarations = open(instance, ExpertCommitteeReview.DECLARE_CONFLICT);
    assertEquals(6, declarations.size(), "3 experts x 2 items");
    Task conflicted = declarations.get(0);
    complete(conflicted, "conflict", true, "conflictReason", "近期合作 recent collaboration");
    declarations.stream().skip(1).forEach(t -> complete(t, "conflict", false));
    Task replacement = open(instance, ExpertCommitteeReview.DECLARE_CONFLICT).get(0);
    assertFalse(replacement.getAssignee().equals(conflicted.getAssignee()));
    complete(replacement, "conflict", false);

    List<Task> scoring = open(instance, ExpertCommitteeReview.SCORE_ITEM);
    assertEquals(6, scoring.size());
    Task mine = scoring.get(0);
    Task theirs = scoring.stream().filter(t -> !t.getAssignee().equals(mine.getAssignee())).findFirst().orElseThrow();
    engine.getIdentityService().setAuthentication(mine.getAssignee(), List.of("expert"));
    try {
      assertTrue(tasks.createTaskQuery().list().stream().allMatch(t -> t.getAssignee().equals(mine.getAssignee())),
          "an expert lists only their own tasks");
      assertThrows(AuthorizationException.class, () -> tasks.getVariables(theirs.getId()),
          "an expert cannot read another expert's task variables");
      assertEquals(0, engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count(),
          "nor the history of the review's variables");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    for (Task task : scoring) {
      complete(task, "c1Points", 40L, "c1Comment", "价值明确", "c2Points", 36L, "c2Comment", "较成熟");
    }

    // polled on the test's own thread, as every engine call of a test inside the server
    List<Task> opinions = await().alias("the job executor aggregated the scores").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250)).pollInSameThread()
        .until(() -> open(instance, ExpertCommitteeReview.CONFIRM_OPINION), found -> found.size() >= 2);
    assertEquals(2, opinions.size(), "the job executor aggregated the scores");
    opinions.forEach(t -> complete(t, "recommendation", "RECOMMENDED", "opinion", "同意。"));

    assertEquals(0, engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count());
    ReviewRequest done = reviews.find(request.getId());
    assertEquals(ReviewRequest.Status.COMPLETED, done.getStatus());
    assertEquals(2, done.getOutcomes().size());
    for (ItemOutcome outcome : done.getOutcomes()) {
      assertEquals(0, outcome.getScore().compareTo(new java.math.BigDecimal("76.00")));
      assertEquals(3, outcome.getScoreCount());
      assertEquals(ItemOutcome.Recommendation.RECOMMENDED, outcome.getRecommendation());
    }
    ExpertDraw.Result replay = done.replayDraw();
    assertEquals(replay.panel(), done.getSeats().stream().map(s -> s.getInvitations().get(0).getExpertId()).toList(),
        "the stored seed and pool snapshot replay the panel");
    assertNotNull(done.getDrawSeed());
    assertTrue(done.getSeats().stream().allMatch(Seat::isAccepted));
  }

  @Test
  void twoExpertsFinishingTheLastScoresAtOnceJoinExactlyOnce() throws Exception {
    for (int i = 1; i <= 3; i++) {
      pool.add(new Expert(run + "-race" + i, "专家" + i, "Lab " + run + "-" + i, Set.of("meteorology")), "secretary");
    }
    ReviewRequest request = new ReviewRequest("Race " + run, "meteorology", 3, 0, 5, 70,
        List.of(new ReviewCriterion("value", "Value", 100)), null, "secretary", Instant.now());
    request.addItem("M-1", "Nowcasting", "Bureau " + run, Set.of(), Map.of());
    reviews.create(request, "secretary");
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY,
        Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId()));
    open(instance, ExpertCommitteeReview.ANSWER_INVITATION).forEach(t -> complete(t, "accepted", true));
    open(instance, ExpertCommitteeReview.DECLARE_CONFLICT).forEach(t -> complete(t, "conflict", false));
    List<Task> scoring = open(instance, ExpertCommitteeReview.SCORE_ITEM);
    complete(scoring.get(0), "c1Points", 70L, "c1Comment", "一");

    jakarta.enterprise.concurrent.ManagedExecutorService executor = (jakarta.enterprise.concurrent.ManagedExecutorService)
        new javax.naming.InitialContext().lookup("java:comp/DefaultManagedExecutorService");
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
    List<java.util.concurrent.Future<?>> finishing = new java.util.ArrayList<>();
    for (Task last : scoring.subList(1, 3)) {
      finishing.add(executor.submit(() -> {
        start.await();
        for (int attempt = 1; ; attempt++) {
          try {
            complete(last, "c1Points", 80L, "c1Comment", "二");
            return null;
          } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            conflicts.incrementAndGet();
            if (attempt == 5) {
              throw e;
            }
          }
        }
      }));
    }
    start.countDown();
    for (java.util.concurrent.Future<?> future : finishing) {
      future.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    await().alias("the opinion task after the join").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
        .pollInSameThread().until(() -> !open(instance, ExpertCommitteeReview.CONFIRM_OPINION).isEmpty());
    assertEquals(1, open(instance, ExpertCommitteeReview.CONFIRM_OPINION).size(), "one opinion task: the join happened once");
    org.aipo.audit.AuditLog audit = CDI.current().select(org.aipo.audit.AuditLog.class).get();
    assertEquals(1, audit.forSubject(ReviewService.SUBJECT_TYPE, request.getId()).stream()
        .filter(r -> r.getAction().equals("review.aggregated")).count(), "aggregated exactly once (" + conflicts + " retried)");
    assertEquals(3, audit.forSubject(ReviewService.SUBJECT_TYPE, request.getId()).stream()
        .filter(r -> r.getAction().equals("review.scored")).count(), "every score stored once, none lost to a rolled-back retry");
    ReviewRequest aggregated = reviews.find(request.getId());
    assertEquals(0, aggregated.getOutcomes().get(0).getScore().compareTo(new java.math.BigDecimal("76.67")));
  }
}
