package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordInspectionDelegate}} on {@code serviceTask_recordInspection}: records the inspectors' result and findings (their notes stay internal). */
@ApplicationScoped
@Named("recordInspectionDelegate")
public class RecordInspectionDelegate implements JavaDelegate {

  private SpotCheckStages stages;

  protected RecordInspectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordInspectionDelegate(SpotCheckStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.recordInspection((String) execution.getVariable(SpotCheckInspections.VAR_INSPECTION), ProcessActors.yes(execution, SpotCheckInspections.VAR_FINDINGS_FOUND),
        ProcessActors.text(execution, SpotCheckInspections.VAR_FINDINGS), ProcessActors.text(execution, SpotCheckInspections.VAR_NOTES),
        ProcessActors.actor(execution, SpotCheckInspections.VAR_DECIDED_BY));
  }
}
