package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${closeVoucherRoundDelegate}} on {@code serviceTask_closeRound}: closes the round (截止批次), at the end of its
 * validity ("system") or when the office closed it through the API (the caller in {@code roundClosedBy}).
 */
@ApplicationScoped
@Named("closeVoucherRoundDelegate")
public class CloseVoucherRoundDelegate implements JavaDelegate {

  private VoucherRoundStages stages;

  protected CloseVoucherRoundDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CloseVoucherRoundDelegate(VoucherRoundStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String closedBy = RefuseVoucherDelegate.text(execution, VoucherRounds.VAR_CLOSED_BY);
    stages.roundEnded((String) execution.getVariable(VoucherRounds.VAR_ROUND), closedBy == null ? "system" : closedBy);
  }
}
