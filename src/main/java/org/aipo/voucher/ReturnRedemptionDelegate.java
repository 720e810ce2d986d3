package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${returnRedemptionDelegate}} on {@code serviceTask_returnRedemption}: the office returns the redemption for correction (退回补正); its contract and invoice numbers are free again and the voucher waits for a new submission. */
@ApplicationScoped
@Named("returnRedemptionDelegate")
public class ReturnRedemptionDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected ReturnRedemptionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ReturnRedemptionDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    stages.returnRedemption(voucherId, text(execution, Vouchers.VAR_COMMENT), actor);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
