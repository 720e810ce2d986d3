package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The steps of {@code voucherRound} and {@code voucherRoundCadence} that their delegates call ({@link VoucherService}
 * on the database; process tests use an in-memory one).
 */
public interface VoucherRoundStages {

  /** Sets the round CLOSED (idempotent) with an audit record. */
  void roundEnded(String roundId, String actor);

  /** Opens a round, as {@code POST /api/voucher-rounds} does (which starts its {@code voucherRound}); its id. */
  String openNextRound(String name, VoucherRound.Programme programme, BigDecimal poolTotal, Instant validUntil, String actor);
}
