package org.aipo.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${drawPanelDelegate}} on {@code serviceTask_drawPanel}: draws the panel from the field's active
 * pool with avoidance, as the user who started the review or {@code system} (随机抽取专家).
 */
@ApplicationScoped
@Named("drawPanelDelegate")
public class DrawPanelDelegate implements JavaDelegate {

  private ReviewService service;

  protected DrawPanelDelegate() {
    // for the CDI proxy
  }

  @Inject
  public DrawPanelDelegate(ReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    Object initiator = execution.getVariable("initiator");
    service.drawPanel(requestId, initiator == null ? "system" : initiator.toString());
  }
}
