package org.aipo.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${lapseListingDelegate}} on {@code serviceTask_lapseListing}: the correction window ended, the application lapses (申请失效), never listed. */
@ApplicationScoped
@Named("lapseListingDelegate")
public class LapseListingDelegate implements JavaDelegate {

  private SupplierListingStages stages;

  protected LapseListingDelegate() {
    // for the CDI proxy
  }

  @Inject
  public LapseListingDelegate(SupplierListingStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stages.lapseListing((String) execution.getVariable(SupplierListings.VAR_SUPPLIER));
  }
}
