package org.aipo.supervision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aipo.filing.AiService;
import org.aipo.filing.ServiceTiered;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Element ids, variables and rules of {@code processes/supervision-plan.bpmn}: one plan per supervised service of the
 * high or medium tier (business key: the service's id), quarterly or yearly self-inspection reports; low-tier
 * services have no plan (only spot checks). {@link #follow} makes the plan follow a tier.
 */
public final class SupervisionPlans {

  public static final String PROCESS_KEY = "supervisionPlan";
  public static final String SCHEDULE = "serviceTask_scheduleSelfInspection";
  public static final String RECEIVE_REPORT = "receiveTask_awaitSelfInspection";
  public static final String TIMER_REMINDER = "boundaryTimer_selfInspectionReminder";
  public static final String TIMER_LATE = "boundaryTimer_selfInspectionLate";
  public static final String TASK_ESCALATE = "userTask_escalateLateSelfInspection";
  public static final String MESSAGE_REPORTED = "selfInspectionSubmitted";

  public static final String VAR_SERVICE = "serviceId";
  public static final String VAR_TIER = "serviceTier";
  public static final String VAR_DUE = "selfInspectionDue";
  public static final String VAR_REMINDER_AT = "selfInspectionReminderAt";

  /** Days before a due date that the firm is reminded. */
  public static final int REMINDER_DAYS = 10;

  public static final String SUBJECT_TYPE = "ai-service";
  public static final String ACTION_PLAN_STARTED = "supervision-plan.started";
  public static final String ACTION_PLAN_FOLLOWED = "supervision-plan.followed-tier";
  public static final String ACTION_SPOT_CHECKS_ONLY = "supervision-plan.spot-checks-only";
  public static final String ACTION_SCHEDULED = "self-inspection.scheduled";
  public static final String ACTION_REMINDED = "self-inspection.reminded";
  public static final String ACTION_LATE = "self-inspection.late";
  public static final String ACTION_SUBMITTED = "self-inspection.submitted";

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private SupervisionPlans() {
  }

  /** Whether a tier has a self-inspection plan: high (quarterly) and medium (yearly); low has only spot checks. */
  public static boolean hasPlan(AiService.Tier tier) {
    return tier == AiService.Tier.HIGH || tier == AiService.Tier.MEDIUM;
  }

  /** QUARTERLY (high), YEARLY (medium) or NONE (low: spot checks only). */
  public static String mode(AiService.Tier tier) {
    return tier == AiService.Tier.HIGH ? "QUARTERLY" : tier == AiService.Tier.MEDIUM ? "YEARLY" : "NONE";
  }

  /** The next report's due instant: a quarter (high) or a year (medium) after the previous due date, or after now. */
  public static Instant nextDue(AiService.Tier tier, Instant previousDue, Instant now) {
    ZonedDateTime base = (previousDue == null ? now : previousDue).atZone(BEIJING);
    return (tier == AiService.Tier.HIGH ? base.plusMonths(3) : base.plusYears(1)).toInstant();
  }

  public static Instant reminderBefore(Instant due) {
    return due.atZone(BEIJING).minusDays(REMINDER_DAYS).toInstant();
  }

  /**
   * Makes the service's plan follow its tier: a running plan ends (deleted with the reason) and a plan of the new tier
   * starts, unless the new tier has none. Returns what was done, for the audit record.
   */
  public static String follow(RuntimeService runtime, ServiceTiered event, String serviceName) {
    List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(event.serviceId())
        .list();
    String why = event.previousTier() == null ? "registered in tier " + event.tier()
        : "tier " + event.previousTier() + " → " + event.tier() + ": " + event.reason();
    for (ProcessInstance instance : running) {
      runtime.deleteProcessInstance(instance.getId(), why);
    }
    String done = running.isEmpty() ? "" : "plan " + running.size() + "× ended (" + why + "); ";
    if (!hasPlan(event.tier())) {
      return done + "tier " + event.tier() + ": no self-inspection plan, spot checks only";
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_SERVICE, event.serviceId());
    variables.put(VAR_TIER, event.tier().name());
    variables.put("serviceName", serviceName);
    variables.put("organisationId", event.organisationId());
    runtime.startProcessInstanceByKey(PROCESS_KEY, event.serviceId(), variables);
    return done + "plan started: " + (event.tier() == AiService.Tier.HIGH ? "quarterly" : "yearly") + " self-inspection";
  }
}
