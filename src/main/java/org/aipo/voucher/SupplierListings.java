package org.aipo.voucher;

/** Element ids, variables and audit actions of {@code processes/supplier-listing.bpmn}. */
public final class SupplierListings {

  public static final String PROCESS_KEY = "supplierListing";
  public static final String TASK_REVIEW = "userTask_reviewListing";
  public static final String END_LISTED = "endEvent_supplierListed";
  public static final String END_REFUSED = "endEvent_supplierRefused";
  public static final String END_LAPSED = "endEvent_listingLapsed";
  public static final String TASK_AWAIT_CORRECTION = "receiveTask_awaitCorrection";
  public static final String TIMER_CORRECTION_WINDOW = "boundaryTimer_correctionWindow";
  /** The message a correction sends to the waiting process (business key: the supplier's id). */
  public static final String MESSAGE_CORRECTED = "supplierListingCorrected";
  /** How long the supplier has to correct a returned application. */
  public static final String CORRECTION_WINDOW = "P10D";

  public static final String VAR_SUPPLIER = "supplierId";
  /** The old way to decide, still read: true lists, false refuses. */
  public static final String VAR_LISTED = "listed";
  /** The Tasklist form's decision: LISTED, RETURNED or REFUSED. */
  public static final String VAR_DECISION = "decision";
  /** What the review decided (the task's output mapping of decision and listed); the gateway reads it. */
  public static final String VAR_LISTING_DECISION = "listingDecision";
  /** When the correction window ends (a Date, for the boundary timer). */
  public static final String VAR_CORRECTION_DUE = "listingCorrectionDueAt";
  public static final String VAR_COMMENT = "comment";
  /** Who decided, when the decision came through the API rather than from a Tasklist login. */
  public static final String VAR_DECIDED_BY = "listingDecidedBy";

  public static final String ACTION_APPLIED = "compute-supplier.applied";
  public static final String ACTION_LISTED = "compute-supplier.listed";
  public static final String ACTION_REFUSED = "compute-supplier.refused";
  public static final String ACTION_RETURNED = "compute-supplier.returned";
  public static final String ACTION_CORRECTED = "compute-supplier.corrected";
  public static final String ACTION_LAPSED = "compute-supplier.lapsed";

  /** The office's three decisions on a listing application. */
  public enum Decision { LISTED, RETURNED, REFUSED }

  private SupplierListings() {
  }
}
