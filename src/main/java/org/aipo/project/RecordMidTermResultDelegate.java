package org.aipo.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${recordMidTermResultDelegate}} on {@code serviceTask_recordMidTerm}: records the committee's mid-term
 * result; sets {@code midTermPassed} (记录中期检查结果).
 */
@ApplicationScoped
@Named("recordMidTermResultDelegate")
public class RecordMidTermResultDelegate implements JavaDelegate {

  private ProjectStages stages;

  protected RecordMidTermResultDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RecordMidTermResultDelegate(ProjectStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(DemonstrationProject.VAR_PROPOSAL);
    String reviewRequestId = (String) execution.getVariable("reviewRequestId");
    execution.setVariable("midTermPassed", stages.recordReview(proposalId, ProjectStages.Milestone.MID_TERM, reviewRequestId));
  }
}
