package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@code ${assessRiskDelegate}} on {@code serviceTask_assessRisk}: every kept scenario's risk tier and
 * supervision mode from the deployed DMN decision {@code scenarioRiskTier}; sets {@code highRiskCount} (风险分级).
 */
@ApplicationScoped
@Named("assessRiskDelegate")
public class AssessRiskDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected AssessRiskDelegate() {
    // for the CDI proxy
  }

  @Inject
  public AssessRiskDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = (String) execution.getVariable(ScenarioListRound.VAR_ROUND);

      execution.setVariable("highRiskCount", stages.assessRisk(roundId,
          (field, impact, personalData, scope) -> tier(execution, field, impact, personalData, scope)));
  }

  private static ScenarioStages.Tier tier(DelegateExecution execution, String field, String impact, boolean personalData, String scope) {
    DmnDecisionResultEntries result = execution.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey(ScenarioListRound.DECISION_RISK_TIER)
        .variables(Variables.createVariables().putValue("field", field).putValue("publicServiceImpact", impact)
            .putValue("personalData", personalData).putValue("scope", scope))
        .evaluate().getSingleResult();
    return new ScenarioStages.Tier(result.getEntry("riskTier"), result.getEntry("supervisionMode"), result.getEntry("reason"));
  }
}
