package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${refuseVoucherDelegate}} on {@code serviceTask_refuseVoucher}: records the office's refusal with its reason (不予支持). */
@ApplicationScoped
@Named("refuseVoucherDelegate")
public class RefuseVoucherDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected RefuseVoucherDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RefuseVoucherDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    stages.refuse(voucherId, text(execution, Vouchers.VAR_COMMENT), actor);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
