package org.aipo.selection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${closeAwardNoticeDelegate}} on {@code serviceTask_closeNotice}: the notice ends; sets {@code noticeOutcome}:
 * {@code rereview}, {@code rerank} or {@code clear} (公示结束，汇总异议).
 */
@ApplicationScoped
@Named("closeAwardNoticeDelegate")
public class CloseAwardNoticeDelegate implements JavaDelegate {

  private CallStages stages;

  protected CloseAwardNoticeDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CloseAwardNoticeDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    execution.setVariable("noticeOutcome", stages.closeNotice(callId));
  }
}
