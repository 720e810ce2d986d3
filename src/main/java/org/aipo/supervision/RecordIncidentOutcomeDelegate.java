package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordIncidentOutcomeDelegate}} on {@code serviceTask_recordIncidentOutcome}: writes the office's outcome to the report. */
@ApplicationScoped
@Named("recordIncidentOutcomeDelegate")
public class RecordIncidentOutcomeDelegate implements JavaDelegate {

  private IncidentStages stages;

  protected RecordIncidentOutcomeDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordIncidentOutcomeDelegate(IncidentStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.recordOutcome((String) execution.getVariable(Incidents.VAR_INCIDENT), ProcessActors.text(execution, Incidents.VAR_OUTCOME),
        ProcessActors.actor(execution, Incidents.VAR_DECIDED_BY));
  }
}
