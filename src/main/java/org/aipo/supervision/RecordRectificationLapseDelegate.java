package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordRectificationLapseDelegate}} on {@code serviceTask_recordRectificationLapse}: records that the rectification deadline passed; the office's task follows. */
@ApplicationScoped
@Named("recordRectificationLapseDelegate")
public class RecordRectificationLapseDelegate implements JavaDelegate {

  private SpotCheckStages stages;

  protected RecordRectificationLapseDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordRectificationLapseDelegate(SpotCheckStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.rectificationLapsed((String) execution.getVariable(SpotCheckInspections.VAR_INSPECTION));
  }
}
