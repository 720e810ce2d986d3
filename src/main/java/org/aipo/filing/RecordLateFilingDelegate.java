package org.aipo.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${recordLateFilingDelegate}} on {@code serviceTask_recordLateFiling}: records the office's follow-up of a late algorithm filing (逾期未备案). */
@ApplicationScoped
@Named("recordLateFilingDelegate")
public class RecordLateFilingDelegate implements JavaDelegate {

  private FilingStages stages;

  protected RecordLateFilingDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordLateFilingDelegate(FilingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceId = (String) execution.getVariable(ServiceFiling.VAR_SERVICE);
    stages.recordLateFiling(serviceId, text(execution, ServiceFiling.VAR_LATE_NOTE), EngineUser.current(execution.getProcessEngineServices()).orElse("system"));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
