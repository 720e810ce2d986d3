package org.aipo.voucher;

/**
 * The steps of {@code supplierListing} that its delegates call, one per service task ({@link VoucherService} on the
 * database; process tests use an in-memory one).
 */
public interface SupplierListingStages {

  /** Lists the supplier in the catalogue, with an audit record. */
  void list(String supplierId, String note, String actor);

  /** Refuses the listing with its reasons, with an audit record. */
  void refuseListing(String supplierId, String note, String actor);

  /** Returns the application to the supplier for correction with the office's note, until {@code due}; an audit record. */
  void requestCorrection(String supplierId, String note, String actor, java.time.Instant due);

  /** The correction window ended without a correction: the application lapses, never listed; an audit record. */
  void lapseListing(String supplierId);
}
