package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${aggregateScoresDelegate}} on {@code serviceTask_aggregateScores}: aggregates every item's scores
 * (trimmed mean, per-criterion means, divergence) (汇总评分).
 */
@ApplicationScoped
@Named("aggregateScoresDelegate")
public class AggregateScoresDelegate implements JavaDelegate {

  private ReviewService service;

  protected AggregateScoresDelegate() {
    // for the CDI proxy
  }

  @Inject
  public AggregateScoresDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    service.aggregate(requestId);
  }
}
