package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${completeReviewDelegate}} on {@code serviceTask_completeReview}: the review request becomes
 * {@code COMPLETED} (完成评审).
 */
@ApplicationScoped
@Named("completeReviewDelegate")
public class CompleteReviewDelegate implements JavaDelegate {

  private ReviewService service;

  protected CompleteReviewDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CompleteReviewDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    service.complete(requestId);
  }
}
