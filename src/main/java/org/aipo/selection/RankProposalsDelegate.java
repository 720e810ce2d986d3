package org.aipo.selection;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.aipo.common.Text;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@code ${rankProposalsDelegate}} on {@code serviceTask_rankProposals}: ranks the reviewed proposals with the
 * deployed DMN decision {@code proposalThreshold} and funds them in rank order; sets {@code rankingSummary}
 * for leadership's approval form (排序与拟资助).
 */
@ApplicationScoped
@Named("rankProposalsDelegate")
public class RankProposalsDelegate implements JavaDelegate {

  private CallStages stages;

  protected RankProposalsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RankProposalsDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    stages.rank(callId, (score, lowestShare) -> threshold(execution, score, lowestShare));
    execution.setVariable("rankingSummaryMarkdown", Text.forTask(stages.rankingSummary(callId), "GET /api/calls/" + callId + "/proposals"));
  }

  private static CallStages.Verdict threshold(DelegateExecution execution, BigDecimal score, double lowestShare) {
    DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(DemonstrationCall.DECISION_THRESHOLD)
        .variables(Variables.createVariables().putValue("score", score.doubleValue()).putValue("lowestCriterionShare", lowestShare))
        .evaluate().getSingleResult();
    return new CallStages.Verdict(Boolean.TRUE.equals(result.getEntry("passes")), (String) result.getEntry("reason"));
  }
}
