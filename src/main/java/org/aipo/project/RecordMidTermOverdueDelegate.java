package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordMidTermOverdueDelegate}} on {@code serviceTask_recordMidTermOverdue}: no mid-term report by its due
 * date: recorded as overdue (记录中期逾期).
 */
@ApplicationScoped
@Named("recordMidTermOverdueDelegate")
public class RecordMidTermOverdueDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RecordMidTermOverdueDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordMidTermOverdueDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    stages.recordOverdue(proposalId, ProjectStages.Milestone.MID_TERM);
  }
}
