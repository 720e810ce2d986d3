package org.aipo.supervision;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${remindSelfInspectionDelegate}} on {@code serviceTask_remindSelfInspection}: reminds the firm before the due date (an audit record; e-mail is issue 25). */
@ApplicationScoped
@Named("remindSelfInspectionDelegate")
public class RemindSelfInspectionDelegate implements JavaDelegate {

  private SupervisionPlanStages stages;

  protected RemindSelfInspectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindSelfInspectionDelegate(SupervisionPlanStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.reminded((String) execution.getVariable(SupervisionPlans.VAR_SERVICE), ((Date) execution.getVariable(SupervisionPlans.VAR_DUE)).toInstant());
  }
}
