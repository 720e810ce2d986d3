package org.aipo.selection;

import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestCallReviewsDelegate}} on {@code serviceTask_prepareReviews}: forms the review groups of the eligible
 * proposals (分组评审); sets {@code reviewGroupIds} (empty: nothing to review), {@code groupsToConfirm} (a field split
 * into several groups: the office looks first) and {@code reviewGroupsMarkdown} for the confirmation form.
 */
@ApplicationScoped
@Named("requestCallReviewsDelegate")
public class RequestCallReviewsDelegate implements JavaDelegate {

  private CallStages stages;

  protected RequestCallReviewsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RequestCallReviewsDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    ArrayList<String> groups = new ArrayList<>(stages.prepareReviews(callId));
    execution.setVariable("reviewGroupIds", groups);
    execution.setVariable("groupsToConfirm", !groups.isEmpty() && stages.groupsToConfirm(callId));
    execution.setVariable("reviewGroupsMarkdown", groups.isEmpty() ? "" : org.aipo.common.Text.forTask(stages.groupsSummary(callId),
        "GET /api/calls/" + callId + "/review-groups"));
  }
}
