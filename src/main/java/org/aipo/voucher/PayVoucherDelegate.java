package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${payVoucherDelegate}} on {@code serviceTask_payVoucher}: pays min(reserved, share × verified value), returns the difference to the pool (兑付), sets {@code paidAmount}. */
@ApplicationScoped
@Named("payVoucherDelegate")
public class PayVoucherDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected PayVoucherDelegate() {
    // for the CDI proxy
  }

  @Inject
  public PayVoucherDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    Object verified = execution.getVariable(Vouchers.VAR_VERIFIED_VALUE);
    if (verified == null) {
      throw org.aipo.common.DomainException.badInput("field.required", Vouchers.VAR_VERIFIED_VALUE, "核定金额为必填项", "verifiedValue is required");
    }
    java.math.BigDecimal value;
    try {
      value = new java.math.BigDecimal(verified.toString());
    } catch (NumberFormatException e) {
      throw org.aipo.common.DomainException.badInput("amount.invalid", Vouchers.VAR_VERIFIED_VALUE, "核定金额须为数字", "verifiedValue must be a number");
    }
    java.math.BigDecimal paid = stages.pay(voucherId, value.setScale(2, java.math.RoundingMode.HALF_UP), text(execution, Vouchers.VAR_COMMENT), actor);
    execution.setVariable(Vouchers.VAR_PAID, paid.doubleValue());
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
