package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordListReviewDelegate}} on {@code serviceTask_recordReview}: the committee's scores and opinions
 * are copied onto the scenarios and the round (记录评审意见).
 */
@ApplicationScoped
@Named("recordListReviewDelegate")
public class RecordListReviewDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected RecordListReviewDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordListReviewDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.recordReview((String) execution.getVariable(ScenarioListRound.VAR_ROUND));
  }
}
