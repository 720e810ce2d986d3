package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${issueVoucherDelegate}} on {@code serviceTask_issueVoucher}: gives the voucher its number and expiry (发券) and sets {@code voucherNumber}, {@code voucherExpiresAt} and {@code voucherReminderAt} for the timers. */
@ApplicationScoped
@Named("issueVoucherDelegate")
public class IssueVoucherDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected IssueVoucherDelegate() {
    // for the CDI proxy
  }

  @Inject
  public IssueVoucherDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    VoucherStages.Issued issued = stages.issue(voucherId, actor);
    execution.setVariable(Vouchers.VAR_NUMBER, issued.number());
    execution.setVariable(Vouchers.VAR_EXPIRES_AT, java.util.Date.from(issued.expiresAt()));
    execution.setVariable(Vouchers.VAR_REMINDER_AT, java.util.Date.from(issued.reminderAt()));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
