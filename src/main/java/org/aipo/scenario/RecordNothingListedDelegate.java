package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordNothingListedDelegate}} on {@code serviceTask_nothingListed}: consolidation kept no scenario:
 * the round ends without a list (记录本轮无清单).
 */
@ApplicationScoped
@Named("recordNothingListedDelegate")
public class RecordNothingListedDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected RecordNothingListedDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordNothingListedDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.nothingListed((String) execution.getVariable(ScenarioListRound.VAR_ROUND));
  }
}
