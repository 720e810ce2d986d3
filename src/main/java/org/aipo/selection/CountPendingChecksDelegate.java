package org.aipo.selection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${countPendingChecksDelegate}} on {@code serviceTask_countPendingChecks}: sets {@code pendingChecks}, the call's
 * proposals still in their formal check (统计未完成的形式审查).
 */
@ApplicationScoped
@Named("countPendingChecksDelegate")
public class CountPendingChecksDelegate implements JavaDelegate {

  private CallStages stages;

  protected CountPendingChecksDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CountPendingChecksDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    execution.setVariable("pendingChecks", stages.pendingChecks(callId));
  }
}
