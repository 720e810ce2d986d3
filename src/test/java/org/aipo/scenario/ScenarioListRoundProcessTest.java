package org.aipo.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aipo.calendar.WorkingDays;
import org.aipo.identity.Roles;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives processes/scenario-list-round.bpmn through every path with the real risk-tier decision, the real
 * round rules ({@link ScenarioSteps}) on a memory store, and a stand-in for the called review.
 */
@Deployment(resources = {"processes/scenario-list-round.bpmn", "processes/scenario-list-cadence.bpmn", "processes/forms/start-scenario-round.form", "processes/scenario-risk-tier.dmn", "org/aipo/selection/review-stub.bpmn",
    "processes/forms/nominate-scenarios.form", "processes/forms/consolidate-scenarios.form", "processes/forms/approve-scenario-list.form",
    "processes/forms/answer-scenario-objection.form"})
class ScenarioListRoundProcessTest {

  static final String HEALTH_UNIT = "unit-health";
  static final String TRANSPORT_UNIT = "unit-transport";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  org.aipo.notification.RecordingNotifier notifier;

  ProcessEngine engine;
  InMemoryScenarioStages stages;

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    stages = new InMemoryScenarioStages();
    WorkingDays workingDays = WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties"));
    TestBeans.register("startRoundByCadenceDelegate", new StartRoundByCadenceDelegate(stages, workingDays));
    TestBeans.register("openRoundDelegate", new OpenRoundDelegate(stages));
    notifier = new org.aipo.notification.RecordingNotifier();
    TestBeans.register("remindUnitsDelegate", new RemindUnitsDelegate(stages, notifier));
    TestBeans.register("closeNominationsDelegate", new CloseNominationsDelegate(stages));
    TestBeans.register("recordNothingListedDelegate", new RecordNothingListedDelegate(stages));
    TestBeans.register("assessRiskDelegate", new AssessRiskDelegate(stages));
    TestBeans.register("requestListReviewDelegate", new RequestListReviewDelegate(stages));
    TestBeans.register("recordListReviewDelegate", new RecordListReviewDelegate(stages));
    TestBeans.register("openListNoticeDelegate", new OpenListNoticeDelegate(stages, workingDays));
    TestBeans.register("closeListNoticeDelegate", new CloseListNoticeDelegate(stages));
    TestBeans.register("publishListDelegate", new PublishListDelegate(stages));
    TestBeans.register("scenarioTaskListener", new ScenarioTaskListener(stages));
    TestBeans.register("scenarioTasks", new ScenarioTasks(stages, ScenarioListRound.DEFAULT_CADENCE));
    TestBeans.register("workingDays", workingDays);
    if (engine.getIdentityService().createGroupQuery().groupId(Roles.NOMINATING_UNIT.groupId()).count() == 0) {
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(Roles.NOMINATING_UNIT.groupId()));
    }
    for (String unit : List.of(HEALTH_UNIT, TRANSPORT_UNIT)) {
      User user = engine.getIdentityService().newUser(unit);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(unit, Roles.NOMINATING_UNIT.groupId());
    }
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
    engine.getIdentityService().deleteUser(HEALTH_UNIT);
    engine.getIdentityService().deleteUser(TRANSPORT_UNIT);
  }

  ScenarioRound round;

  ProcessInstance start() {
    round = new ScenarioRound("第一批人工智能应用场景 First AI scenario list", Instant.now().plus(Duration.ofDays(20)), null, null,
        ScenarioRound.Trigger.OFFICIAL, "office", Instant.now());
    stages.rounds.put(round.getId(), round);
    return engine.getRuntimeService().startProcessInstanceByKey(ScenarioListRound.PROCESS_KEY, round.getId(),
        Map.of(ScenarioListRound.VAR_ROUND, round.getId()));
  }

  static String scenario(String title, String field, String impact, boolean personalData, String scope) {
    return "{\"title\":\"" + title + "\",\"field\":\"" + field + "\",\"demandOwner\":\"市卫健委\",\"description\":\"描述 " + title
        + "\",\"dataAvailable\":\"脱敏数据\",\"expectedScale\":\"10 万人\",\"publicServiceImpact\":\"" + impact + "\",\"personalData\":"
        + personalData + ",\"scope\":\"" + scope + "\"}";
  }

  Task task(String key, String assignee) {
    var query = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(round.getId()).taskDefinitionKey(key);
    if (assignee != null) {
      query.taskAssignee(assignee);
    }
    Task task = query.singleResult();
    assertThat(task).as("open " + key + (assignee == null ? "" : " of " + assignee)).isNotNull();
    return task;
  }

  void nominate(String unit, String... scenarios) {
    Task task = task(ScenarioListRound.NOMINATE, unit);
    assertThat(engine.getTaskService().getVariable(task.getId(), "roundTheme")).isEqualTo(round.getTheme());
    assertThat(task.getDueDate().toInstant()).isEqualTo(round.getNominationDeadline());
    engine.getTaskService().complete(task.getId(), Map.of("scenarios", Spin.JSON("[" + String.join(",", scenarios) + "]")));
  }

  void complete(String key, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    engine.getTaskService().complete(task(key, null).getId(), values);
  }

  /** The consolidation form with these decisions ("N2=merge:N1", "N3=reject:out of scope"); the others kept. */
  void consolidate(String... decisions) {
    Task task = task(ScenarioListRound.CONSOLIDATE, null);
    assertThat(engine.getTaskService().getVariable(task.getId(), "consolidationTableMarkdown").toString()).contains("| N1 |");
    StringBuilder merges = new StringBuilder();
    StringBuilder rejections = new StringBuilder();
    for (String decision : decisions) {
      String label = decision.substring(0, decision.indexOf('='));
      String action = decision.substring(decision.indexOf('=') + 1, decision.indexOf(':'));
      String detail = decision.substring(decision.indexOf(':') + 1);
      if ("merge".equals(action)) {
        merges.append(label).append(" → ").append(detail).append('\n');
      } else {
        rejections.append(label).append("：").append(detail).append('\n');
      }
    }
    engine.getTaskService().complete(task.getId(), Map.of("merges", merges.toString(), "rejections", rejections.toString()));
  }

  void fire(String activityId) {
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(round.getId()).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  void completeReview() {
    List<Task> reviews = engine.getTaskService().createTaskQuery().taskDefinitionKey("userTask_reviewStub").list();
    assertThat(reviews).hasSize(1);
    engine.getTaskService().complete(reviews.get(0).getId());
  }

  Scenario scenario(int number) {
    return stages.scenarios(round.getId()).stream().filter(s -> s.getNumber() == number).findFirst().orElseThrow();
  }

  ScenarioObjection object(ProcessInstance instance, String label, String grounds) {
    return object(instance, label, grounds, "13800000000");
  }

  ScenarioObjection object(ProcessInstance instance, String label, String grounds, String contact) {
    ScenarioObjection objection = stages.lodge(round.getId(), label, grounds, contact);
    engine.getRuntimeService().createMessageCorrelation(ScenarioListRound.MESSAGE_OBJECTION).processInstanceBusinessKey(round.getId())
        .setVariablesLocal(Map.of(ScenarioListRound.VAR_OBJECTION, objection.getId())).correlate();
    return objection;
  }

  /** Both units nominate on time (three scenarios, one of them a duplicate). */
  void nominationsOnTime(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(ScenarioListRound.NOMINATE);
    assertThat(round.getInvitedUnits()).containsExactly(HEALTH_UNIT, TRANSPORT_UNIT);
    nominate(HEALTH_UNIT, scenario("AI 辅助诊断", "healthcare", "high", true, "province"), scenario("智能养老陪护", "elderly-care", "low", false, "city"));
    nominate(TRANSPORT_UNIT, scenario("AI辅助诊断（重复）", "healthcare", "high", true, "city"));
    assertThat(instance).isWaitingAt(ScenarioListRound.CONSOLIDATE);
    assertThat(round.getLateUnits()).isEmpty();
  }

  @Test
  void onTimeNominationsAreConsolidatedAssessedReviewedApprovedNoticedAndPublished() {
    ProcessInstance instance = start();
    nominationsOnTime(instance);

    consolidate("N3=merge:N1");

    assertThat(instance).isWaitingAt(ScenarioListRound.EXPERT_REVIEW);
    assertThat(scenario(1).getRiskTier()).as("personal data and high impact").isEqualTo("high");
    assertThat(scenario(2).getRiskTier()).isEqualTo("low");
    assertThat(scenario(3).getStatus()).isEqualTo(Scenario.Status.MERGED);
    assertThat(round.getStage()).isEqualTo(ScenarioRound.Stage.REVIEWING);
    completeReview();

    assertThat(scenario(1).getReviewScore()).as("the high-risk scenario was reviewed").isEqualByComparingTo("82.50");
    assertThat(scenario(2).getReviewScore()).isNull();
    Task approval = task(ScenarioListRound.APPROVE_LIST, null);
    assertThat(engine.getTaskService().getVariable(approval.getId(), "draftListMarkdown").toString())
        .contains("AI 辅助诊断", "高 high", "82.50", "合并 merged: 1").doesNotContain("（重复）");
    complete(ScenarioListRound.APPROVE_LIST, "decision", "approve");

    assertThat(instance).isWaitingAt(ScenarioListRound.NOTICE_ENDS);
    assertThat(round.isNoticeOpenAt(Instant.now())).isTrue();
    assertThat(Duration.between(round.getNoticeOpensAt(), round.getNoticeClosesAt())).isGreaterThanOrEqualTo(Duration.ofDays(5));
    fire(ScenarioListRound.NOTICE_ENDS);

    assertThat(instance).isEnded().hasPassed(ScenarioListRound.PUBLISH_LIST);
    assertThat(round.getStage()).isEqualTo(ScenarioRound.Stage.PUBLISHED);
    assertThat(round.getVersion()).isEqualTo(1);
    assertThat(round.getPublishedAt()).isNotNull();
    assertThat(scenario(1).getCode()).isEqualTo("V1-01");
    assertThat(scenario(2).getCode()).isEqualTo("V1-02");
    assertThat(scenario(3).getCode()).as("merged: not listed on its own").isNull();
    assertThat(ScenarioRules.nominators(scenario(1), stages.scenarios(round.getId()))).containsExactly(HEALTH_UNIT, TRANSPORT_UNIT);
  }

  @Test
  void aReminderGoesToUnitsThatHaveNotAnsweredAndTheDeadlineMovesOnWithoutThem() {
    ProcessInstance instance = start();
    nominate(HEALTH_UNIT, scenario("智慧急救调度", "healthcare", "medium", false, "city"));

    fire(ScenarioListRound.REMINDER);
    assertThat(stages.audit).anyMatch(a -> a.contains("nomination-reminder-sent") && a.contains(TRANSPORT_UNIT))
        .noneMatch(a -> a.contains("nomination-reminder-sent") && a.contains(HEALTH_UNIT));
    assertThat(instance).as("the reminder does not end the nomination").isWaitingAt(ScenarioListRound.NOMINATE);
    Task reminded = task(ScenarioListRound.NOMINATE, TRANSPORT_UNIT);
    assertThat(reminded.getPriority()).as("the reminder shows in the unit's Tasklist").isEqualTo(80);
    assertThat(reminded.getFollowUpDate()).isNotNull();
    // the unit that has not answered gets an e-mail naming the nomination's deadline, the one that answered none
    assertThat(notifier.of("deadline-reminder")).singleElement().satisfies(m -> {
      assertThat(m.recipient().userId()).isEqualTo(TRANSPORT_UNIT);
      assertThat(m.deadline()).isEqualTo(reminded.getDueDate().toInstant());
      assertThat(m.link()).endsWith("?task=" + reminded.getId());
    });

    fire(ScenarioListRound.DEADLINE);

    assertThat(instance).isWaitingAt(ScenarioListRound.CONSOLIDATE);
    assertThat(round.getLateUnits()).containsExactly(TRANSPORT_UNIT);
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(ScenarioListRound.NOMINATE).count()).isZero();
    assertThat(engine.getTaskService().getVariable(task(ScenarioListRound.CONSOLIDATE, null).getId(), "consolidationNotesMarkdown").toString())
        .contains("unit\\-transport");
    assertThatThrownBy(() -> stages.nominate(round.getId(), TRANSPORT_UNIT, "[]", TRANSPORT_UNIT))
        .as("a late answer is refused").hasMessageContaining("closed");
  }

  @Test
  void theTasklistFormNominatesThroughItsGroupsOrNothingAtAll() {
    ProcessInstance instance = start();
    Task health = task(ScenarioListRound.NOMINATE, HEALTH_UNIT);
    assertThat(engine.getTaskService().getVariable(health.getId(), "scenario1").toString()).isEqualTo("{}");
    assertThatThrownBy(() -> engine.getTaskService().complete(health.getId(), Map.of()))
        .as("an empty form is neither a nomination nor 'nothing'").hasMessageContaining("scenario1");
    engine.getTaskService().complete(health.getId(), Map.of("scenario1", Spin.JSON(scenario("AI 辅助诊断", "healthcare", "high", true, "city")),
        "more2", true, "scenario2", Spin.JSON(scenario("智能养老陪护", "elderly-care", "low", false, "city"))));
    engine.getTaskService().complete(task(ScenarioListRound.NOMINATE, TRANSPORT_UNIT).getId(), Map.of("nothingToNominate", true));

    assertThat(instance).isWaitingAt(ScenarioListRound.CONSOLIDATE);
    assertThat(stages.scenarios(round.getId())).extracting(Scenario::getTitle).containsExactly("AI 辅助诊断", "智能养老陪护");
    assertThat(round.getRespondedUnits()).containsExactly(HEALTH_UNIT, TRANSPORT_UNIT);
    assertThat(round.getLateUnits()).as("answering 'nothing' is not late").isEmpty();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "scenario1")).as("the form's groups stay on the task").isNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "scenarios")).as("so does the API's list").isNull();
  }

  @Test
  void aRoundWithoutNominationsEndsAtTheDeadline() {
    ProcessInstance instance = start();
    nominate(HEALTH_UNIT);
    fire(ScenarioListRound.DEADLINE);

    assertThat(instance).isEnded().hasPassed(ScenarioListRound.NO_NOMINATIONS);
    assertThat(round.getStage()).isEqualTo(ScenarioRound.Stage.NOTHING_LISTED);
  }

  @Test
  void badNominationsAndRejectionsWithoutReasonAreRefusedAndRejectingEverythingListsNothing() {
    ProcessInstance instance = start();
    Task task = task(ScenarioListRound.NOMINATE, HEALTH_UNIT);
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of("scenarios", Spin.JSON("[" + scenario("无领域", "astrology", "low", false, "city") + "]"))))
        .hasMessageContaining("scenarios[1].field: unknown field 'astrology'");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of("scenarios", Spin.JSON("[" + scenario("范围", "robotics", "low", false, "galaxy") + "]"))))
        .hasMessageContaining("scenarios[1].scope");
    assertThat(stages.scenarios).as("nothing stored from a refused nomination").isEmpty();
    nominate(HEALTH_UNIT, scenario("星座运势", "robotics", "low", false, "city"));
    nominate(TRANSPORT_UNIT, scenario("算命机器人", "robotics", "low", false, "district"));

    Task consolidation = task(ScenarioListRound.CONSOLIDATE, null);
    assertThatThrownBy(() -> engine.getTaskService().complete(consolidation.getId(), Map.of("rejections", "N1\nN2：超出范围")))
        .hasMessageContaining("rejections line 1: 不予收录须说明理由").hasMessageContaining("rejections line 1: a rejection needs a reason");
    assertThatThrownBy(() -> engine.getTaskService().complete(consolidation.getId(), Map.of("merges", "N1 → N1")))
        .hasMessageContaining("merges line 1: 不能合并到自身");
    assertThatThrownBy(() -> engine.getTaskService().complete(consolidation.getId(), Map.of("merges", "N1 → N2", "rejections", "N2: 重复")))
        .hasMessageContaining("N2 须为保留项").hasMessageContaining("N2 must be a kept nomination");
    assertThatThrownBy(() -> engine.getTaskService().complete(consolidation.getId(), Map.of("merges", "N9 → N1")))
        .hasMessageContaining("no nomination N9 in this round");
    assertThatThrownBy(() -> engine.getTaskService().complete(consolidation.getId(), Map.of("merges", "<img src=x onerror=alert(1)>")))
        .hasMessageContaining("merges line 1: 写作“N3 → N1”").hasMessageContaining("merges line 1: write it as N3 → N1").hasMessageNotContaining("<img");
    assertThat(scenario(1).getStatus()).isEqualTo(Scenario.Status.NOMINATED);

    consolidate("N1=reject:不属于人工智能应用 out of scope", "N2=reject:不属于人工智能应用 out of scope");

    assertThat(instance).isEnded().hasPassed(ScenarioListRound.END_NOTHING_LISTED).hasNotPassed(ScenarioListRound.EXPERT_REVIEW);
    assertThat(round.getStage()).isEqualTo(ScenarioRound.Stage.NOTHING_LISTED);
    assertThat(scenario(1).getReason()).contains("out of scope");
  }

  @Test
  void leadershipReturnsTheListWithCommentsAndTheOfficeConsolidatesAgain() {
    ProcessInstance instance = start();
    nominationsOnTime(instance);
    consolidate();
    completeReview();

    Task approval = task(ScenarioListRound.APPROVE_LIST, null);
    assertThatThrownBy(() -> engine.getTaskService().complete(approval.getId(), Map.of("decision", "return")))
        .as("a return needs comments").hasMessageContaining("comments is required");
    complete(ScenarioListRound.APPROVE_LIST, "decision", "return", "comments", "N3 与 N1 重复，请合并 merge N3 into N1");

    assertThat(instance).isWaitingAt(ScenarioListRound.CONSOLIDATE);
    assertThat(engine.getTaskService().getVariable(task(ScenarioListRound.CONSOLIDATE, null).getId(), "consolidationNotesMarkdown").toString())
        .contains("merge N3 into N1");
    assertThat(engine.getTaskService().getVariable(task(ScenarioListRound.CONSOLIDATE, null).getId(), "merges")).isEqualTo("");
    consolidate("N3=merge:N1");
    completeReview();
    assertThat(stages.reviews).as("the changed list is reviewed again").isEqualTo(2);
    complete(ScenarioListRound.APPROVE_LIST, "decision", "approve");
    fire(ScenarioListRound.NOTICE_ENDS);

    assertThat(instance).isEnded().hasPassed(ScenarioListRound.END_PUBLISHED);
    assertThat(stages.scenarios(round.getId()).stream().filter(s -> s.getCode() != null)).hasSize(2);
  }

  @Test
  void anUpheldObjectionSendsTheListBackToConsolidationAndADismissedOneDoesNot() {
    ProcessInstance instance = start();
    nominationsOnTime(instance);
    consolidate("N3=merge:N1");
    completeReview();
    complete(ScenarioListRound.APPROVE_LIST, "decision", "approve");

    ScenarioObjection dismissed = object(instance, null, "清单太短 The list is too short");
    ScenarioObjection upheld = object(instance, "N2", "该场景已有成熟产品，不属于需揭榜攻关的场景 Already solved");
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(ScenarioListRound.ANSWER_OBJECTION).count()).isEqualTo(2);
    for (Task answer : engine.getTaskService().createTaskQuery().taskDefinitionKey(ScenarioListRound.ANSWER_OBJECTION).list()) {
      String objectionId = (String) engine.getTaskService().getVariable(answer.getId(), ScenarioListRound.VAR_OBJECTION);
      assertThat(engine.getTaskService().getVariable(answer.getId(), "objectionMarkdown").toString()).contains("张三");
      if (objectionId.equals(upheld.getId())) {
        assertThatThrownBy(() -> engine.getTaskService().complete(answer.getId(), Map.of("decision", "upheld")))
            .hasMessageContaining("answer is required");
        engine.getTaskService().complete(answer.getId(), Map.of("decision", "upheld", "answer", "经核实成立，清单将调整 Upheld"));
      } else {
        engine.getTaskService().complete(answer.getId(), Map.of("decision", "dismissed", "answer", "清单长度由申报情况决定 Dismissed"));
      }
    }
    assertThat(dismissed.getDecision()).isEqualTo(ScenarioObjection.Decision.DISMISSED);
    fire(ScenarioListRound.NOTICE_ENDS);

    assertThat(instance).as("upheld: back to consolidation").isWaitingAt(ScenarioListRound.CONSOLIDATE);
    assertThat(round.getVersion()).isNull();
    assertThat(engine.getTaskService().getVariable(task(ScenarioListRound.CONSOLIDATE, null).getId(), "consolidationNotesMarkdown").toString())
        .contains("Already solved");
    assertThat(engine.getTaskService().getVariable(task(ScenarioListRound.CONSOLIDATE, null).getId(), "merges"))
        .as("the previous decisions are where the office starts").isEqualTo("N3 → N1");
    consolidate("N3=merge:N1", "N2=reject:已有成熟产品 already solved (objection upheld)");
    completeReview();
    complete(ScenarioListRound.APPROVE_LIST, "decision", "approve");
    assertThat(round.getNoticeRound()).as("a second notice").isEqualTo(2);
    assertThat(stages.messages).as("objectors who gave a telephone number are answered by the office, not by e-mail").isEmpty();
    ScenarioObjection notGrounds = object(instance, "N1", "专家打分不公 The experts were wrong", "zhangsan@example.org");
    complete(ScenarioListRound.ANSWER_OBJECTION, "decision", "not-grounds", "answer", "仅涉及专家学术判断 Academic judgement only");
    assertThat(notGrounds.getDecision()).isEqualTo(ScenarioObjection.Decision.NOT_GROUNDS);
    assertThat(stages.messages).singleElement().satisfies(m -> {
      assertThat(m.recipient().address()).isEqualTo("zhangsan@example.org");
      assertThat(m.kind()).isEqualTo("decision");
      assertThat(m.model()).containsEntry("outcomeZh", "不属受理范围").containsEntry("note", "仅涉及专家学术判断 Academic judgement only");
    });
    fire(ScenarioListRound.NOTICE_ENDS);

    assertThat(instance).isEnded().hasPassed(ScenarioListRound.END_PUBLISHED);
    assertThat(scenario(1).getCode()).isEqualTo("V1-01");
    assertThat(scenario(2).getStatus()).isEqualTo(Scenario.Status.REJECTED);
  }

  @Test
  void theQuarterlyCadenceStartsARoundWithTheQuarterAsThemeAndAskEveryUnit() {
    Job cadence = engine.getManagementService().createJobQuery().activityId(ScenarioListRound.START_CADENCE).singleResult();
    assertThat(cadence).as("the timer start event is scheduled on deployment").isNotNull();
    assertThat(cadence.getProcessDefinitionKey()).isEqualTo("scenarioListCadence");
    assertThat(cadence.getDuedate().toInstant().atZone(java.time.ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
    assertThat(cadence.getDuedate().toInstant().atZone(java.time.ZoneOffset.UTC).getMonthValue()).isIn(1, 4, 7, 10);

    engine.getManagementService().executeJob(cadence.getId());

    assertThat(stages.rounds).hasSize(1);
    round = stages.rounds.values().iterator().next();
    assertThat(round.getTrigger()).isEqualTo(ScenarioRound.Trigger.CADENCE);
    assertThat(round.getTheme()).contains("季度", " Q");
    assertThat(round.getNominationDeadline()).isAfter(Instant.now().plus(Duration.ofDays(14)));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(round.getId())
        .taskDefinitionKey(ScenarioListRound.NOMINATE).count()).isEqualTo(2);
    assertThat(engine.getManagementService().createJobQuery().activityId(ScenarioListRound.START_CADENCE).count())
        .as("the next quarter is scheduled").isEqualTo(1);
  }
}
