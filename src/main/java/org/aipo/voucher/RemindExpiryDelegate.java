package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${remindExpiryDelegate}} on {@code serviceTask_remindExpiry}: the reminder before expiry (到期提醒), an audit record until notifications arrive. */
@ApplicationScoped
@Named("remindExpiryDelegate")
public class RemindExpiryDelegate implements JavaDelegate {

  private VoucherStages stages;

  protected RemindExpiryDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindExpiryDelegate(VoucherStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String voucherId = (String) execution.getVariable(Vouchers.VAR_VOUCHER);
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    stages.remindExpiry(voucherId);
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
