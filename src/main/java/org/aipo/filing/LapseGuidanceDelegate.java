package org.aipo.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${lapseGuidanceDelegate}} on {@code serviceTask_lapseGuidance}: the firm did not correct within the window; guidance ends and the service is back to registered (逾期未补正). */
@ApplicationScoped
@Named("lapseGuidanceDelegate")
public class LapseGuidanceDelegate implements JavaDelegate {

  private FilingStages stages;

  protected LapseGuidanceDelegate() {
    // for the CDI proxy
  }

  @Inject
  public LapseGuidanceDelegate(FilingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceId = (String) execution.getVariable(ServiceFiling.VAR_SERVICE);
    stages.lapse(serviceId);
  }
}
