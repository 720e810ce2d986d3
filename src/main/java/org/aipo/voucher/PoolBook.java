package org.aipo.voucher;

import java.math.BigDecimal;
import java.util.List;

/**
 * A round's pool as its ledger says: the balance (what is still available) is the sum of the entries; issued,
 * redeemed and lapsed are counted from the entries of their kind. Nothing here is stored.
 */
public record PoolBook(BigDecimal total, BigDecimal balance, BigDecimal reserved, int issuedCount, BigDecimal issuedAmount,
    int redeemedCount, BigDecimal paidAmount, int lapsedCount, BigDecimal lapsedAmount) {

  public static PoolBook of(List<LedgerEntry> entries) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal balance = BigDecimal.ZERO;
    BigDecimal reservedOut = BigDecimal.ZERO;
    BigDecimal issued = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal lapsed = BigDecimal.ZERO;
    int issuedCount = 0;
    int redeemedCount = 0;
    int lapsedCount = 0;
    for (LedgerEntry entry : entries) {
      balance = balance.add(entry.getAmount());
      switch (entry.getKind()) {
        case FUNDING -> total = total.add(entry.getAmount());
        case RESERVE -> {
          issuedCount++;
          issued = issued.subtract(entry.getAmount());
          reservedOut = reservedOut.subtract(entry.getAmount());
        }
        case RELEASE -> reservedOut = reservedOut.subtract(entry.getAmount());
        case PAYMENT -> {
          redeemedCount++;
          paid = paid.subtract(entry.getAmount());
        }
        case LAPSE -> {
          lapsedCount++;
          lapsed = lapsed.add(entry.getAmount());
          reservedOut = reservedOut.subtract(entry.getAmount());
        }
        default -> throw new IllegalStateException(entry.getKind().name());
      }
    }
    return new PoolBook(total, balance, reservedOut, issuedCount, issued, redeemedCount, paid, lapsedCount, lapsed);
  }
}
