package org.aipo.scenario;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${openListNoticeDelegate}} on {@code serviceTask_openNotice}: the draft list is public for 5 working
 * days; sets {@code noticeClosesAt} for the notice timer (公示清单草案).
 */
@ApplicationScoped
@Named("openListNoticeDelegate")
public class OpenListNoticeDelegate implements JavaDelegate {

  private ScenarioStages stages;
  private WorkingDays workingDays;

  protected OpenListNoticeDelegate() {
    // for the CDI proxy
  }

  @Inject
  public OpenListNoticeDelegate(ScenarioStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closes = workingDays.after("P5D");
    stages.openNotice((String) execution.getVariable(ScenarioListRound.VAR_ROUND), closes.toInstant());
    execution.setVariable("noticeClosesAt", closes);
  }
}
