package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestListReviewDelegate}} on {@code serviceTask_prepareReview}: the draft list and every high-risk
 * scenario go to one expert-committee review; sets {@code reviewRequestId} for the called review (组织专家评审).
 */
@ApplicationScoped
@Named("requestListReviewDelegate")
public class RequestListReviewDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected RequestListReviewDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RequestListReviewDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("reviewRequestId", stages.prepareReview((String) execution.getVariable(ScenarioListRound.VAR_ROUND)));
  }
}
