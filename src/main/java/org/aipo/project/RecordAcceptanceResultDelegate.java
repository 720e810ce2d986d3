package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordAcceptanceResultDelegate}} on {@code serviceTask_recordAcceptance}: records the committee's
 * acceptance result and the acceptance record; sets {@code acceptancePassed} (记录验收结果).
 */
@ApplicationScoped
@Named("recordAcceptanceResultDelegate")
public class RecordAcceptanceResultDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RecordAcceptanceResultDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordAcceptanceResultDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    String reviewRequestId = (String) execution.getVariable("reviewRequestId");
    execution.setVariable("acceptancePassed", stages.recordReview(proposalId, ProjectStages.Milestone.ACCEPTANCE, reviewRequestId));
  }
}
