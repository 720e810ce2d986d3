package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestAcceptanceReviewDelegate}} on {@code serviceTask_prepareAcceptanceReview}: stores the acceptance
 * review request of the project; sets {@code reviewRequestId} for the called review (组织验收评审).
 */
@ApplicationScoped
@Named("requestAcceptanceReviewDelegate")
public class RequestAcceptanceReviewDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RequestAcceptanceReviewDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RequestAcceptanceReviewDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    execution.setVariable("reviewRequestId", stages.prepareReview(proposalId, ProjectStages.Milestone.ACCEPTANCE));
  }
}
