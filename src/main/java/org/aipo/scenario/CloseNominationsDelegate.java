package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${closeNominationsDelegate}} on {@code serviceTask_closeNominations}: units that have not answered are
 * recorded as late; sets {@code nominationCount}; a round without nominations is recorded as listing nothing
 * (截止提名，记录逾期单位).
 */
@ApplicationScoped
@Named("closeNominationsDelegate")
public class CloseNominationsDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected CloseNominationsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CloseNominationsDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String roundId = (String) execution.getVariable(ScenarioListRound.VAR_ROUND);

      stages.closeNominations(roundId);
      int count = stages.nominationCount(roundId);
      if (count == 0) {
        stages.nothingListed(roundId);
      }
      execution.setVariable("nominationCount", count);
  }
}
