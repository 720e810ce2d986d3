package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.common.DomainException;

/**
 * {@link VoucherStages} in memory for process tests: vouchers with an amount and a share, one round's ledger with
 * the same entries as the database one, and a record of the steps called.
 */
class InMemoryVoucherStages implements VoucherStages {

  static final String ROUND = "round-1";

  record Held(BigDecimal amount, BigDecimal share) {
  }

  final Map<String, Held> vouchers = new ConcurrentHashMap<>();
  final Map<String, String> status = new ConcurrentHashMap<>();
  final List<LedgerEntry> ledger = new CopyOnWriteArrayList<>();
  final List<String> steps = new CopyOnWriteArrayList<>();
  Instant expiresAt = Instant.now().plus(Duration.ofDays(90));
  Instant reminderAt = expiresAt.minus(Duration.ofDays(30));

  InMemoryVoucherStages(BigDecimal pool) {
    ledger.add(new LedgerEntry(ROUND, null, LedgerEntry.Kind.FUNDING, pool, "office", Instant.now()));
  }

  void voucher(String id, String amount, String share) {
    vouchers.put(id, new Held(new BigDecimal(amount), new BigDecimal(share)));
    status.put(id, "APPLIED");
  }

  BigDecimal balance() {
    return ledger.stream().map(LedgerEntry::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public synchronized void reserve(String voucherId, String actor) {
    BigDecimal amount = vouchers.get(voucherId).amount();
    BigDecimal balance = balance();
    if (amount.compareTo(balance) > 0) {
      throw DomainException.conflict("voucher-round.exhausted", null, "资金池余额 " + balance.toPlainString() + " 元", "the round's pool has "
          + balance.toPlainString() + " yuan left");
    }
    ledger.add(new LedgerEntry(ROUND, voucherId, LedgerEntry.Kind.RESERVE, amount.negate(), actor, Instant.now()));
    steps.add("reserve " + voucherId + " by " + actor);
  }

  @Override
  public Issued issue(String voucherId, String actor) {
    status.put(voucherId, "ISSUED");
    steps.add("issue " + voucherId);
    return new Issued("CV-" + voucherId, expiresAt, reminderAt);
  }

  @Override
  public void refuse(String voucherId, String note, String actor) {
    status.put(voucherId, "REFUSED");
    steps.add("refuse " + voucherId + " by " + actor + ": " + note);
  }

  @Override
  public void remindExpiry(String voucherId) {
    steps.add("remind " + voucherId);
  }

  @Override
  public void lapse(String voucherId) {
    status.put(voucherId, "LAPSED");
    ledger.add(new LedgerEntry(ROUND, voucherId, LedgerEntry.Kind.LAPSE, vouchers.get(voucherId).amount(), "system", Instant.now()));
    steps.add("lapse " + voucherId);
  }

  @Override
  public BigDecimal pay(String voucherId, BigDecimal verifiedValue, String note, String actor) {
    Held held = vouchers.get(voucherId);
    BigDecimal paid = VoucherService.paidFor(held.amount(), held.share(), verifiedValue);
    ledger.add(new LedgerEntry(ROUND, voucherId, LedgerEntry.Kind.RELEASE, held.amount(), actor, Instant.now()));
    ledger.add(new LedgerEntry(ROUND, voucherId, LedgerEntry.Kind.PAYMENT, paid.negate(), actor, Instant.now()));
    status.put(voucherId, "REDEEMED");
    steps.add("pay " + voucherId + " " + paid.toPlainString());
    return paid;
  }

  @Override
  public void returnRedemption(String voucherId, String note, String actor) {
    status.put(voucherId, "ISSUED");
    steps.add("return " + voucherId + ": " + note);
  }

  List<String> steps() {
    return new ArrayList<>(steps);
  }
}
