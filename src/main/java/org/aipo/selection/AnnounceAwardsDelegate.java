package org.aipo.selection;

import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.aipo.project.DemonstrationProject;
import org.aipo.project.ProjectStages;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${announceAwardsDelegate}} on {@code serviceTask_announceAwards}: the awards are announced and each
 * awarded proposal starts its {@code demonstrationProject} with its milestones' due dates (正式立项).
 */
@ApplicationScoped
@Named("announceAwardsDelegate")
public class AnnounceAwardsDelegate implements JavaDelegate {

  private CallStages stages;
  private ProjectStages projects;

  protected AnnounceAwardsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public AnnounceAwardsDelegate(CallStages stages, ProjectStages projects) {
    this.stages = stages;
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String proposalId : stages.announceAwards((String) execution.getVariable(DemonstrationCall.VAR_CALL))) {
      runtime.startProcessInstanceByKey(DemonstrationProject.PROCESS_KEY, proposalId, Map.of(DemonstrationProject.VAR_PROPOSAL, proposalId,
          DemonstrationProject.VAR_MID_TERM_DUE, Date.from(projects.dueDate(proposalId, ProjectStages.Milestone.MID_TERM)),
          DemonstrationProject.VAR_ACCEPTANCE_DUE, Date.from(projects.dueDate(proposalId, ProjectStages.Milestone.ACCEPTANCE))));
    }
  }
}
