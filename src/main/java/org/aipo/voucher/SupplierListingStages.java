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
}
