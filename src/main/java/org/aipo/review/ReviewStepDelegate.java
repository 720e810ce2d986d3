package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${reviewStepDelegate}}: the service tasks of expert-committee review, one service call each.
 */
@ApplicationScoped
@Named("reviewStepDelegate")
public class ReviewStepDelegate implements JavaDelegate {

  private ReviewService service;

  protected ReviewStepDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ReviewStepDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    switch (execution.getCurrentActivityId()) {
      case ExpertCommitteeReview.DRAW_PANEL -> service.drawPanel(requestId, starter(execution));
      case ExpertCommitteeReview.EXPIRE_INVITATION -> service.expireInvitation(requestId, (String) execution.getVariable("seatId"));
      case ExpertCommitteeReview.REMIND_EXPERT -> service.remind(requestId, (String) execution.getVariable("seatId"),
          (String) execution.getVariable("itemId"));
      case ExpertCommitteeReview.AGGREGATE -> service.aggregate(requestId);
      case ExpertCommitteeReview.COMPLETE -> service.complete(requestId);
      default -> throw new IllegalStateException("reviewStepDelegate has no step " + execution.getCurrentActivityId());
    }
  }

  private static String starter(DelegateExecution execution) {
    Object initiator = execution.getVariable("initiator");
    return initiator == null ? "system" : initiator.toString();
  }
}
