package org.aipo.voucher;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${requestListingCorrectionDelegate}} on {@code serviceTask_requestCorrection}: returns the listing application
 * to the supplier with the office's note (退回补正) for 10 working days and sets {@code listingCorrectionDueAt} for the
 * window's timer.
 */
@ApplicationScoped
@Named("requestListingCorrectionDelegate")
public class RequestListingCorrectionDelegate implements JavaDelegate {

  private SupplierListingStages stages;
  private WorkingDays workingDays;

  protected RequestListingCorrectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RequestListingCorrectionDelegate(SupplierListingStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = workingDays.after(SupplierListings.CORRECTION_WINDOW);
    stages.requestCorrection((String) execution.getVariable(SupplierListings.VAR_SUPPLIER),
        RefuseVoucherDelegate.text(execution, SupplierListings.VAR_COMMENT), ListSupplierDelegate.actor(execution), due.toInstant());
    execution.setVariable(SupplierListings.VAR_CORRECTION_DUE, due);
  }
}
