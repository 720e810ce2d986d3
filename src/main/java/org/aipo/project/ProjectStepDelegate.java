package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${projectStepDelegate}}: the service tasks of {@code demonstrationProject}, one {@link ProjectStages} step each. */
@ApplicationScoped
@Named("projectStepDelegate")
public class ProjectStepDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected ProjectStepDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ProjectStepDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    String reviewRequestId = (String) execution.getVariable("reviewRequestId");
    switch (execution.getCurrentActivityId()) {
      case DemonstrationProject.RECORD_MID_TERM_OVERDUE -> stages.recordOverdue(proposalId, ProjectStages.Milestone.MID_TERM);
      case DemonstrationProject.PREPARE_MID_TERM ->
          execution.setVariable("reviewRequestId", stages.prepareReview(proposalId, ProjectStages.Milestone.MID_TERM));
      case DemonstrationProject.RECORD_MID_TERM ->
          execution.setVariable("midTermPassed", stages.recordReview(proposalId, ProjectStages.Milestone.MID_TERM, reviewRequestId));
      case DemonstrationProject.RECORD_ACCEPTANCE_OVERDUE -> stages.recordOverdue(proposalId, ProjectStages.Milestone.ACCEPTANCE);
      case DemonstrationProject.PREPARE_ACCEPTANCE ->
          execution.setVariable("reviewRequestId", stages.prepareReview(proposalId, ProjectStages.Milestone.ACCEPTANCE));
      case DemonstrationProject.RECORD_ACCEPTANCE ->
          execution.setVariable("acceptancePassed", stages.recordReview(proposalId, ProjectStages.Milestone.ACCEPTANCE, reviewRequestId));
      default -> throw new IllegalStateException("projectStepDelegate has no step " + execution.getCurrentActivityId());
    }
  }
}
