package org.aipo.selection;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${publishAwardNoticeDelegate}} on {@code serviceTask_publishNotice}: the proposed awardees are public for
 * 5 working days; sets {@code noticeClosesAt} for the notice timer (发布公示).
 */
@ApplicationScoped
@Named("publishAwardNoticeDelegate")
public class PublishAwardNoticeDelegate implements JavaDelegate {

  private CallStages stages;
  private WorkingDays workingDays;

  protected PublishAwardNoticeDelegate() {
    // for the CDI proxy
  }

  @Inject
  public PublishAwardNoticeDelegate(CallStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date closes = workingDays.after("P5D");
    stages.publishNotice((String) execution.getVariable(DemonstrationCall.VAR_CALL), closes.toInstant());
    execution.setVariable("noticeClosesAt", closes);
  }
}
