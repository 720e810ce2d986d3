package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordAcceptanceOverdueDelegate}} on {@code serviceTask_recordAcceptanceOverdue}: no acceptance application by
 * its due date: an overdue acceptance record against the applicant (记录验收逾期).
 */
@ApplicationScoped
@Named("recordAcceptanceOverdueDelegate")
public class RecordAcceptanceOverdueDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RecordAcceptanceOverdueDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordAcceptanceOverdueDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    stages.recordOverdue(proposalId, ProjectStages.Milestone.ACCEPTANCE);
  }
}
