package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The steps of {@code voucherLifecycle} that its delegates call, one per service task ({@link VoucherService} on
 * the database; process tests use an in-memory one).
 */
public interface VoucherStages {

  /** The expiry of an issued voucher and when to remind the firm. */
  record Issued(String number, Instant expiresAt, Instant reminderAt) {
  }

  /** Reserves the voucher's amount in its round's pool, or refuses (409) saying what is left. */
  void reserve(String voucherId, String actor);

  Issued issue(String voucherId, String actor);

  void refuse(String voucherId, String note, String actor);

  void remindExpiry(String voucherId);

  void lapse(String voucherId);

  /** Pays min(reserved, share × verified value) and returns the difference; the amount paid. */
  BigDecimal pay(String voucherId, BigDecimal verifiedValue, String note, String actor);

  void returnRedemption(String voucherId, String note, String actor);
}
