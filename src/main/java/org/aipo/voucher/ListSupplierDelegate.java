package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${listSupplierDelegate}} on {@code serviceTask_listSupplier}: lists the supplier in the catalogue (入库). */
@ApplicationScoped
@Named("listSupplierDelegate")
public class ListSupplierDelegate implements JavaDelegate {

  private SupplierListingStages stages;

  protected ListSupplierDelegate() {
    // for the CDI proxy
  }

  @Inject
  public ListSupplierDelegate(SupplierListingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String supplierId = (String) execution.getVariable(SupplierListings.VAR_SUPPLIER);
    stages.list(supplierId, RefuseVoucherDelegate.text(execution, SupplierListings.VAR_COMMENT), actor(execution));
  }

  /** The Tasklist user who completed the task, else the API caller the resource recorded, else "system". */
  static String actor(DelegateExecution execution) {
    return EngineUser.current(execution.getProcessEngineServices())
        .orElseGet(() -> {
          String decidedBy = RefuseVoucherDelegate.text(execution, SupplierListings.VAR_DECIDED_BY);
          return decidedBy == null ? "system" : decidedBy;
        });
  }
}
