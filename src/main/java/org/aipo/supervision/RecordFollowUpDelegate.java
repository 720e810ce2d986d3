package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordFollowUpDelegate}} on {@code serviceTask_recordFollowUp}: records the follow-up check: rectified or not. */
@ApplicationScoped
@Named("recordFollowUpDelegate")
public class RecordFollowUpDelegate implements JavaDelegate {

  private SpotCheckStages stages;

  protected RecordFollowUpDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordFollowUpDelegate(SpotCheckStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.recordFollowUp((String) execution.getVariable(SpotCheckInspections.VAR_INSPECTION), ProcessActors.yes(execution, SpotCheckInspections.VAR_RECTIFIED),
        ProcessActors.text(execution, SpotCheckInspections.VAR_FOLLOW_UP_NOTES), ProcessActors.actor(execution, SpotCheckInspections.VAR_DECIDED_BY));
  }
}
