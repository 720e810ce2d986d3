package org.aipo.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${returnForCorrectionDelegate}} on {@code serviceTask_returnForCorrection}: returns the self-assessment to the firm with the office's note and sets the end of its correction window (退回补正). */
@ApplicationScoped
@Named("returnForCorrectionDelegate")
public class ReturnForCorrectionDelegate implements JavaDelegate {

  private FilingStages stages;

  protected ReturnForCorrectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ReturnForCorrectionDelegate(FilingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceId = (String) execution.getVariable(ServiceFiling.VAR_SERVICE);
    execution.setVariable(ServiceFiling.VAR_CORRECTION_DUE, java.util.Date.from(stages.returnForCorrection(serviceId,
        text(execution, ServiceFiling.VAR_PRE_REVIEW_NOTE), EngineUser.current(execution.getProcessEngineServices()).orElse("system"))));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
