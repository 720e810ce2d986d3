package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pool's balance is the sum of its ledger; issued, redeemed and lapsed are counted from the entries. */
class PoolBookTest {

  static LedgerEntry entry(LedgerEntry.Kind kind, String amount) {
    return new LedgerEntry("r", "v", kind, new BigDecimal(amount), "office", Instant.now());
  }

  @Test
  void aRoundsLifeInTheLedger() {
    List<LedgerEntry> ledger = List.of(entry(LedgerEntry.Kind.FUNDING, "700000.00"),
        entry(LedgerEntry.Kind.RESERVE, "-100000.00"), entry(LedgerEntry.Kind.RESERVE, "-200000.00"), entry(LedgerEntry.Kind.RESERVE, "-50000.00"),
        // the first redeemed for 60,000: its reserve released, the payment booked, 40,000 back in the pool
        entry(LedgerEntry.Kind.RELEASE, "100000.00"), entry(LedgerEntry.Kind.PAYMENT, "-60000.00"),
        // the third lapsed
        entry(LedgerEntry.Kind.LAPSE, "50000.00"));

    PoolBook book = PoolBook.of(ledger);

    assertThat(book.total()).isEqualByComparingTo("700000");
    assertThat(book.balance()).isEqualByComparingTo("440000");
    assertThat(book.reserved()).isEqualByComparingTo("200000");
    assertThat(book.issuedCount()).isEqualTo(3);
    assertThat(book.issuedAmount()).isEqualByComparingTo("350000");
    assertThat(book.redeemedCount()).isEqualTo(1);
    assertThat(book.paidAmount()).isEqualByComparingTo("60000");
    assertThat(book.lapsedCount()).isEqualTo(1);
    assertThat(book.lapsedAmount()).isEqualByComparingTo("50000");
    // what is available, reserved and paid adds up to the pool
    assertThat(book.balance().add(book.reserved()).add(book.paidAmount())).isEqualByComparingTo(book.total());
  }

  @Test
  void forAnyHistoryTheBalanceIsTheSumAndNothingIsLost() {
    Random random = new Random(23);
    for (int run = 0; run < 200; run++) {
      List<LedgerEntry> ledger = new ArrayList<>();
      BigDecimal total = BigDecimal.valueOf(random.nextInt(1_000_000) + 1000, 2).multiply(BigDecimal.valueOf(100));
      ledger.add(entry(LedgerEntry.Kind.FUNDING, total.toPlainString()));
      BigDecimal sum = total;
      for (int i = 0; i < 20; i++) {
        BigDecimal reserve = BigDecimal.valueOf(random.nextInt(10_000) + 1, 2);
        ledger.add(entry(LedgerEntry.Kind.RESERVE, reserve.negate().toPlainString()));
        sum = sum.subtract(reserve);
        switch (random.nextInt(3)) {
          case 0 -> {
            BigDecimal paid = reserve.multiply(BigDecimal.valueOf(random.nextInt(101), 2)).setScale(2, java.math.RoundingMode.DOWN);
            ledger.add(entry(LedgerEntry.Kind.RELEASE, reserve.toPlainString()));
            ledger.add(entry(LedgerEntry.Kind.PAYMENT, paid.negate().toPlainString()));
            sum = sum.add(reserve).subtract(paid);
          }
          case 1 -> {
            ledger.add(entry(LedgerEntry.Kind.LAPSE, reserve.toPlainString()));
            sum = sum.add(reserve);
          }
          default -> {
            // still reserved
          }
        }
      }
      PoolBook book = PoolBook.of(ledger);
      assertThat(book.balance()).isEqualByComparingTo(sum);
      assertThat(book.balance().add(book.reserved()).add(book.paidAmount())).isEqualByComparingTo(book.total());
    }
  }

  @Test
  void thePaymentIsTheRuleShareOfTheVerifiedValueAtMostTheReserve() {
    assertThat(VoucherService.paidFor(new BigDecimal("100000.00"), new BigDecimal("0.3000"), new BigDecimal("200000.00"))).isEqualByComparingTo("60000");
    assertThat(VoucherService.paidFor(new BigDecimal("100000.00"), new BigDecimal("0.3000"), new BigDecimal("500000.00"))).isEqualByComparingTo("100000");
    assertThat(VoucherService.paidFor(new BigDecimal("100000.00"), new BigDecimal("0.3000"), new BigDecimal("0.00"))).isEqualByComparingTo("0");
  }
}
