package org.aipo.selection;

import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestCallReviewsDelegate}} on {@code serviceTask_prepareReviews}: one expert-committee review request per
 * field for the eligible proposals; sets {@code reviewRequestIds} (empty: nothing to review) (按领域组织专家评审).
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
    execution.setVariable("reviewRequestIds", new ArrayList<>(stages.prepareReviews(callId)));
  }
}
