package org.aipo.voucher;

/** Element ids, variables and audit actions of {@code processes/supplier-listing.bpmn}. */
public final class SupplierListings {

  public static final String PROCESS_KEY = "supplierListing";
  public static final String TASK_REVIEW = "userTask_reviewListing";
  public static final String END_LISTED = "endEvent_supplierListed";
  public static final String END_REFUSED = "endEvent_supplierRefused";

  public static final String VAR_SUPPLIER = "supplierId";
  public static final String VAR_LISTED = "listed";
  public static final String VAR_COMMENT = "comment";
  /** Who decided, when the decision came through the API rather than from a Tasklist login. */
  public static final String VAR_DECIDED_BY = "listingDecidedBy";

  public static final String ACTION_APPLIED = "compute-supplier.applied";
  public static final String ACTION_LISTED = "compute-supplier.listed";
  public static final String ACTION_REFUSED = "compute-supplier.refused";

  private SupplierListings() {
  }
}
