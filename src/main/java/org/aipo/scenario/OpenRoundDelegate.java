package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.identity.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;

/**
 * {@code ${openRoundDelegate}} on {@code serviceTask_openRound}: every member of the group
 * {@code nominating-unit} is invited; sets {@code nominatingUnits}, {@code nominationDeadline} and
 * {@code nominationReminderAt} (two days before the deadline) (发出提名通知).
 */
@ApplicationScoped
@Named("openRoundDelegate")
public class OpenRoundDelegate implements JavaDelegate {

  static final Duration REMINDER_BEFORE_DEADLINE = Duration.ofDays(2);

  private ScenarioStages stages;

  protected OpenRoundDelegate() {
    // for the CDI proxy
  }

  @Inject
  public OpenRoundDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = (String) execution.getVariable(ScenarioListRound.VAR_ROUND);
    if (roundId == null) {
      roundId = startFromTheForm(execution);
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
   * The round exists when the REST API or the cadence started it; from Tasklist's start form it is made here
   * from the form's theme, deadline and review field.
   */
  private String startFromTheForm(DelegateExecution execution) {
    String roundId = stages.startByOfficial((String) execution.getVariable("theme"), instant(execution.getVariable("nominationDeadline")),
        (String) execution.getVariable("reviewField"), null, (String) execution.getVariable("initiator"));
    execution.setVariable(ScenarioListRound.VAR_ROUND, roundId);
    execution.setProcessBusinessKey(roundId);
    return roundId;
  }

  /** A deadline from the start form (ISO text with offset, or a date) or the API (a date). */
  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      throw DomainException.badInput("field.required", "nominationDeadline", "nominationDeadline 为必填项", "nominationDeadline is required");
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
      } catch (DateTimeParseException again) {
        throw DomainException.badInput("scenario.deadline-format", "nominationDeadline", "nominationDeadline 不是日期时间：'" + text + "'",
            "nominationDeadline: not a date and time: '" + text + "'");
      }
    }
  }
}
