package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${expireInvitationDelegate}} on {@code serviceTask_expireInvitation}: an invitation not answered in
 * time counts as declined; the next reserve is invited (记录逾期未答复).
 */
@ApplicationScoped
@Named("expireInvitationDelegate")
public class ExpireInvitationDelegate implements JavaDelegate {

  private ReviewService service;

  protected ExpireInvitationDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ExpireInvitationDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    service.expireInvitation(requestId, (String) execution.getVariable("seatId"));
  }
}
