package org.aipo.selection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${openCallDelegate}} on {@code serviceTask_openCall}: the call opens for submissions
 * (开放申报).
 */
@ApplicationScoped
@Named("openCallDelegate")
public class OpenCallDelegate implements JavaDelegate {

  private CallStages stages;

  protected OpenCallDelegate() {
    // for the CDI proxy
  }

  @Inject
  public OpenCallDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.open((String) execution.getVariable(DemonstrationCall.VAR_CALL));
  }
}
