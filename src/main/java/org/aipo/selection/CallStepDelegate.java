package org.aipo.selection;

import org.aipo.call.DemonstrationCall;
import org.aipo.project.DemonstrationProject;
import org.aipo.project.ProjectStages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@code ${callStepDelegate}}: the service tasks of {@code demonstrationCall}, one {@link CallStages} step
 * each. Ranking evaluates the deployed DMN decision {@code proposalThreshold} for every proposal; awards
 * start one {@code demonstrationProject} per awarded proposal.
 */
@ApplicationScoped
@Named("callStepDelegate")
public class CallStepDelegate implements JavaDelegate {

  private CallStages stages;
  private ProjectStages projects;
  private WorkingDays workingDays;

  protected CallStepDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CallStepDelegate(CallStages stages, ProjectStages projects, WorkingDays workingDays) {
    this.stages = stages;
    this.projects = projects;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    switch (execution.getCurrentActivityId()) {
      case DemonstrationCall.OPEN_CALL -> stages.open(callId);
      case DemonstrationCall.CLOSE_CALL -> stages.close(callId);
      case DemonstrationCall.COUNT_PENDING -> execution.setVariable("pendingChecks", stages.pendingChecks(callId));
      case DemonstrationCall.PREPARE_REVIEWS -> execution.setVariable("reviewRequestIds", new ArrayList<>(stages.prepareReviews(callId)));
      case DemonstrationCall.RANK -> {
        stages.rank(callId, (score, lowestShare) -> threshold(execution, score, lowestShare));
        execution.setVariable("rankingSummary", org.aipo.common.Text.forTask(stages.rankingSummary(callId), "GET /api/calls/" + callId + "/proposals"));
      }
      case DemonstrationCall.PUBLISH_NOTICE -> {
        Date closes = workingDays.after("P5D");
        stages.publishNotice(callId, closes.toInstant());
        execution.setVariable("noticeClosesAt", closes);
      }
      case DemonstrationCall.CLOSE_NOTICE -> execution.setVariable("noticeOutcome", stages.closeNotice(callId));
      case DemonstrationCall.ANNOUNCE_AWARDS -> {
        for (String proposalId : stages.announceAwards(callId)) {
          execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(DemonstrationProject.PROCESS_KEY,
              proposalId, Map.of(DemonstrationProject.VAR_PROPOSAL, proposalId,
                  DemonstrationProject.VAR_MID_TERM_DUE, Date.from(projects.dueDate(proposalId, ProjectStages.Milestone.MID_TERM)),
                  DemonstrationProject.VAR_ACCEPTANCE_DUE, Date.from(projects.dueDate(proposalId, ProjectStages.Milestone.ACCEPTANCE))));
        }
      }
      default -> throw new IllegalStateException("callStepDelegate has no step " + execution.getCurrentActivityId());
    }
  }

  private static CallStages.Verdict threshold(DelegateExecution execution, BigDecimal score, double lowestShare) {
    DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(DemonstrationCall.DECISION_THRESHOLD)
        .variables(Variables.createVariables().putValue("score", score.doubleValue()).putValue("lowestCriterionShare", lowestShare))
        .evaluate().getSingleResult();
    return new CallStages.Verdict(Boolean.TRUE.equals(result.getEntry("passes")), (String) result.getEntry("reason"));
  }
}
