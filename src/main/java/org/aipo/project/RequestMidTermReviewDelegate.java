package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestMidTermReviewDelegate}} on {@code serviceTask_prepareMidTermReview}: stores the mid-term review
 * request of the project; sets {@code reviewRequestId} for the called review (组织中期检查评审).
 */
@ApplicationScoped
@Named("requestMidTermReviewDelegate")
public class RequestMidTermReviewDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RequestMidTermReviewDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RequestMidTermReviewDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    execution.setVariable("reviewRequestId", stages.prepareReview(proposalId, ProjectStages.Milestone.MID_TERM));
  }
}
