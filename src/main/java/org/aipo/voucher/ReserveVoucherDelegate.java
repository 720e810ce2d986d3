package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${reserveVoucherDelegate}} on {@code serviceTask_reserveVoucher}: reserves the amount in the round's pool under a row lock (预留资金), or refuses the approval (409, the task stays open) saying what is left. */
@ApplicationScoped
@Named("reserveVoucherDelegate")
public class ReserveVoucherDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected ReserveVoucherDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ReserveVoucherDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    stages.reserve(voucherId, actor);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
