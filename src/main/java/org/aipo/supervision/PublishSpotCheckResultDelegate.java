package org.aipo.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${publishSpotCheckResultDelegate}} on {@code serviceTask_publishResult}: publishes the service, the date and the result (一公开), never the inspectors' notes. */
@ApplicationScoped
@Named("publishSpotCheckResultDelegate")
public class PublishSpotCheckResultDelegate implements JavaDelegate {

  private SpotCheckStages stages;

  protected PublishSpotCheckResultDelegate() {
    // for the CDI proxy
  }

  @Inject
  public PublishSpotCheckResultDelegate(SpotCheckStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.publish((String) execution.getVariable(SpotCheckInspections.VAR_INSPECTION));
  }
}
