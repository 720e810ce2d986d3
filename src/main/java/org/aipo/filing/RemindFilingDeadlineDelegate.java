package org.aipo.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${remindFilingDeadlineDelegate}} on {@code serviceTask_remindFilingDeadline}: the algorithm-filing deadline is near (备案期限提醒); an audit record until e-mail exists (issue 25). */
@ApplicationScoped
@Named("remindFilingDeadlineDelegate")
public class RemindFilingDeadlineDelegate implements JavaDelegate {

  private FilingStages stages;

  protected RemindFilingDeadlineDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindFilingDeadlineDelegate(FilingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String serviceId = (String) execution.getVariable(ServiceFiling.VAR_SERVICE);
    stages.remindFilingDeadline(serviceId);
  }
}
