package org.aipo.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${forwardFilingDelegate}} on {@code serviceTask_forwardFiling}: the office's pre-review passed; the file goes forward to the cyberspace office (报送). */
@ApplicationScoped
@Named("forwardFilingDelegate")
public class ForwardFilingDelegate implements JavaDelegate {

  private FilingStages stages;

  protected ForwardFilingDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ForwardFilingDelegate(FilingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceId = (String) execution.getVariable(ServiceFiling.VAR_SERVICE);
    stages.forward(serviceId, text(execution, ServiceFiling.VAR_PRE_REVIEW_NOTE), EngineUser.current(execution.getProcessEngineServices()).orElse("system"));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
