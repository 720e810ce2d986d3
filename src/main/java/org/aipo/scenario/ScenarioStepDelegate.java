package org.aipo.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.aipo.identity.Roles;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@code ${scenarioStepDelegate}}: the service tasks of {@code scenarioListRound}, one {@link ScenarioStages}
 * step each. Risk tiers come from the deployed DMN decision {@code scenarioRiskTier}.
 */
@ApplicationScoped
@Named("scenarioStepDelegate")
public class ScenarioStepDelegate implements JavaDelegate {

  /** Nomination period of a round started by the cadence, and the reminder before its deadline. */
  static final String CADENCE_NOMINATION_PERIOD = "P15D";
  static final Duration REMINDER_BEFORE_DEADLINE = Duration.ofDays(2);
  static final int REMINDED_PRIORITY = 80;

  private ScenarioStages stages;
  private WorkingDays workingDays;

  protected ScenarioStepDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ScenarioStepDelegate(ScenarioStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = (String) execution.getVariable(ScenarioListRound.VAR_ROUND);
    switch (execution.getCurrentActivityId()) {
      case ScenarioListRound.START_ROUND -> {
        String started = stages.startByCadence(Instant.now(), workingDays.after(CADENCE_NOMINATION_PERIOD).toInstant());
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ScenarioListRound.PROCESS_KEY, started,
            java.util.Map.of(ScenarioListRound.VAR_ROUND, started));
      }
      case ScenarioListRound.OPEN_ROUND -> open(execution, roundId);
      case ScenarioListRound.REMIND_UNITS -> remind(execution, stages.remind(roundId));
      case ScenarioListRound.CLOSE_NOMINATIONS -> {
        stages.closeNominations(roundId);
        int count = stages.nominationCount(roundId);
        if (count == 0) {
          stages.nothingListed(roundId);
        }
        execution.setVariable("nominationCount", count);
      }
      case ScenarioListRound.NOTHING_LISTED -> stages.nothingListed(roundId);
      case ScenarioListRound.ASSESS_RISK -> execution.setVariable("highRiskCount", stages.assessRisk(roundId,
          (field, impact, personalData, scope) -> tier(execution, field, impact, personalData, scope)));
      case ScenarioListRound.PREPARE_REVIEW -> execution.setVariable("reviewRequestId", stages.prepareReview(roundId));
      case ScenarioListRound.RECORD_REVIEW -> stages.recordReview(roundId);
      case ScenarioListRound.OPEN_NOTICE -> {
        Date closes = workingDays.after("P5D");
        stages.openNotice(roundId, closes.toInstant());
        execution.setVariable("noticeClosesAt", closes);
      }
      case ScenarioListRound.CLOSE_NOTICE -> execution.setVariable("noticeOutcome", stages.closeNotice(roundId));
      case ScenarioListRound.PUBLISH_LIST -> execution.setVariable("listVersion", stages.publish(roundId));
      default -> throw new IllegalStateException("scenarioStepDelegate has no step " + execution.getCurrentActivityId());
    }
  }

  /**
   * The round exists when the REST API or the cadence started it; from Tasklist's start form it is made here
   * from the form's theme, deadline and review field.
   */
  private void open(DelegateExecution execution, String roundId) {
    if (roundId == null) {
      roundId = stages.startByOfficial((String) execution.getVariable("theme"), instant(execution.getVariable("nominationDeadline")),
          (String) execution.getVariable("reviewField"), null, (String) execution.getVariable("initiator"));
      execution.setVariable(ScenarioListRound.VAR_ROUND, roundId);
      execution.setProcessBusinessKey(roundId);
    }
    ArrayList<String> units = new ArrayList<>(execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(Roles.NOMINATING_UNIT.groupId()).orderByUserId().asc().list().stream().map(User::getId).toList());
    stages.invite(roundId, units);
    Instant deadline = stages.nominationDeadline(roundId);
    Instant reminder = deadline.minus(REMINDER_BEFORE_DEADLINE);
    Instant soonest = Instant.now().plusSeconds(60);
    execution.setVariable("nominatingUnits", units);
    execution.setVariable("nominationDeadline", Date.from(deadline));
    execution.setVariable("nominationReminderAt", Date.from(reminder.isBefore(soonest) ? soonest : reminder));
  }

  /**
   * The reminder shows in Tasklist: the open nomination tasks of the units that have not answered get a
   * follow-up date of now and a high priority, so they stand out and sort first.
   */
  private static void remind(DelegateExecution execution, java.util.List<String> pendingUnits) {
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ScenarioListRound.NOMINATE).list()) {
      if (pendingUnits.contains(task.getAssignee())) {
        task.setFollowUpDate(new Date());
        task.setPriority(REMINDED_PRIORITY);
        tasks.saveTask(task);
      }
    }
  }

  /** A deadline from the start form (ISO text with offset, or a date) or the API (a date). */
  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("nominationDeadline is required");
    }
    String text = value.toString().trim();
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
      } catch (java.time.format.DateTimeParseException again) {
        throw new IllegalArgumentException("nominationDeadline: not a date and time: '" + text + "'", again);
      }
    }
  }

  private static ScenarioStages.Tier tier(DelegateExecution execution, String field, String impact, boolean personalData, String scope) {
    DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(ScenarioListRound.DECISION_RISK_TIER)
        .variables(Variables.createVariables().putValue("field", field).putValue("publicServiceImpact", impact)
            .putValue("personalData", personalData).putValue("scope", scope))
        .evaluate().getSingleResult();
    return new ScenarioStages.Tier(result.getEntry("riskTier"), result.getEntry("supervisionMode"), result.getEntry("reason"));
  }
}
