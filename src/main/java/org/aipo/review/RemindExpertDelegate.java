package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${remindExpertDelegate}} on {@code serviceTask_remindExpert}: records a reminder to the expert of
 * this seat and item before the scoring deadline (提醒专家评分).
 */
@ApplicationScoped
@Named("remindExpertDelegate")
public class RemindExpertDelegate implements JavaDelegate {

  private ReviewService service;

  protected RemindExpertDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindExpertDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    service.remind(requestId, (String) execution.getVariable("seatId"), (String) execution.getVariable("itemId"));
  }
}
