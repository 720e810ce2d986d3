package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${lapseVoucherDelegate}} on {@code serviceTask_lapseVoucher}: the voucher lapses at its expiry and its reserve returns to the pool (失效退回). */
@ApplicationScoped
@Named("lapseVoucherDelegate")
public class LapseVoucherDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected LapseVoucherDelegate() {
    // for the CDI proxy
  }

  @Inject
  public LapseVoucherDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    stages.lapse(voucherId);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
