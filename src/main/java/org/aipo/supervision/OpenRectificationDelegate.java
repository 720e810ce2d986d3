package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;

import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${openRectificationDelegate}} on {@code serviceTask_openRectification}: opens the firm's rectification with its deadline ({@value SpotCheckInspections#RECTIFICATION_PERIOD} working days) and sets {@code rectificationDue} for the timer. */
@ApplicationScoped
@Named("openRectificationDelegate")
public class OpenRectificationDelegate implements JavaDelegate {

  private SpotCheckStages stages;

  private WorkingDays workingDays;

  protected OpenRectificationDelegate() {
    // for the CDI proxy
  }

  @Inject
  public OpenRectificationDelegate(SpotCheckStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = workingDays.after(SpotCheckInspections.RECTIFICATION_PERIOD);
    stages.openRectification((String) execution.getVariable(SpotCheckInspections.VAR_INSPECTION), due.toInstant());
    execution.setVariable(SpotCheckInspections.VAR_RECTIFICATION_DUE, due);
  }
}
