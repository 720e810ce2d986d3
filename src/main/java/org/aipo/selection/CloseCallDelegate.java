package org.aipo.selection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${closeCallDelegate}} on {@code serviceTask_closeCall}: the call closes; later submissions are
 * refused (截止申报).
 */
@ApplicationScoped
@Named("closeCallDelegate")
public class CloseCallDelegate implements JavaDelegate {

  private CallStages stages;

  protected CloseCallDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CloseCallDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.close((String) execution.getVariable(DemonstrationCall.VAR_CALL));
  }
}
