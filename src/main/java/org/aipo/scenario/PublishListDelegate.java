package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${publishListDelegate}} on {@code serviceTask_publishList}: the list gets the next version number
 * and a publication date; sets {@code listVersion} (发布场景清单).
 */
@ApplicationScoped
@Named("publishListDelegate")
public class PublishListDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected PublishListDelegate() {
    // for the CDI proxy
  }

  @Inject
  public PublishListDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("listVersion", stages.publish((String) execution.getVariable(ScenarioListRound.VAR_ROUND)));
  }
}
