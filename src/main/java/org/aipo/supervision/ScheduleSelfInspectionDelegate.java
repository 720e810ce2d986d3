package org.aipo.supervision;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${scheduleSelfInspectionDelegate}} on {@code serviceTask_scheduleSelfInspection}: sets the next self-inspection report's due date (a quarter after the last for high, a year for medium) and the reminder before it. */
@ApplicationScoped
@Named("scheduleSelfInspectionDelegate")
public class ScheduleSelfInspectionDelegate implements JavaDelegate {

  private SupervisionPlanStages stages;

  protected ScheduleSelfInspectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ScheduleSelfInspectionDelegate(SupervisionPlanStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tier = (String) execution.getVariable(SupervisionPlans.VAR_TIER);
    Date previous = (Date) execution.getVariable(SupervisionPlans.VAR_DUE);
    java.time.Instant due = SupervisionPlans.nextDue(org.aipo.filing.AiService.Tier.valueOf(tier), previous == null ? null : previous.toInstant(),
        java.time.Instant.now());
    execution.setVariable(SupervisionPlans.VAR_DUE, Date.from(due));
    execution.setVariable(SupervisionPlans.VAR_REMINDER_AT, Date.from(SupervisionPlans.reminderBefore(due)));
    stages.scheduled((String) execution.getVariable(SupervisionPlans.VAR_SERVICE), tier, due);
  }
}
