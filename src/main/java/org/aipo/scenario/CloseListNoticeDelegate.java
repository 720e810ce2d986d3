package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${closeListNoticeDelegate}} on {@code serviceTask_closeNotice}: the notice ends; sets
 * {@code noticeOutcome}: {@code reconsolidate} (an objection was upheld) or {@code clear} (公示结束，汇总异议).
 */
@ApplicationScoped
@Named("closeListNoticeDelegate")
public class CloseListNoticeDelegate implements JavaDelegate {

  private ScenarioStages stages;

  protected CloseListNoticeDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CloseListNoticeDelegate(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("noticeOutcome", stages.closeNotice((String) execution.getVariable(ScenarioListRound.VAR_ROUND)));
  }
}
