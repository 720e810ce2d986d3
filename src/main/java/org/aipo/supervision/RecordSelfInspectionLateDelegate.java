package org.aipo.supervision;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordSelfInspectionLateDelegate}} on {@code serviceTask_recordSelfInspectionLate}: records that the report is late; the office's escalation task follows. */
@ApplicationScoped
@Named("recordSelfInspectionLateDelegate")
public class RecordSelfInspectionLateDelegate implements JavaDelegate {

  private SupervisionPlanStages stages;

  protected RecordSelfInspectionLateDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordSelfInspectionLateDelegate(SupervisionPlanStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.late((String) execution.getVariable(SupervisionPlans.VAR_SERVICE), ((Date) execution.getVariable(SupervisionPlans.VAR_DUE)).toInstant());
  }
}
