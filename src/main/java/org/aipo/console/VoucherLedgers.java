package org.aipo.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.voucher.LedgerEntry;
import org.aipo.voucher.Voucher;
import org.aipo.voucher.VoucherRound;
import org.aipo.voucher.VoucherService;

/** A voucher round's ledger as a spreadsheet (issue 28): every entry in booking order with the running balance. Reads only. */
@ApplicationScoped
@Transactional
public class VoucherLedgers {

  static final List<String> HEADERS = List.of("序号 (No.)", "记账时间 (Booked at)", "类型 (Kind)", "算力券编号 (Voucher number)", "算力券 ID (Voucher id)",
      "金额（元） (Amount, CNY)", "余额（元） (Balance, CNY)", "记账人 (Booked by)");

  static final Map<LedgerEntry.Kind, String> KINDS = Map.of(LedgerEntry.Kind.FUNDING, "注资 FUNDING", LedgerEntry.Kind.RESERVE, "预留 RESERVE",
      LedgerEntry.Kind.RELEASE, "释放 RELEASE", LedgerEntry.Kind.PAYMENT, "兑付 PAYMENT", LedgerEntry.Kind.LAPSE, "失效 LAPSE");

  @Inject
  VoucherService vouchers;

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  public Sheet sheet(String roundId) {
    VoucherRound round = vouchers.round(roundId);
    List<List<Object>> rows = new ArrayList<>();
    BigDecimal balance = BigDecimal.ZERO;
    int n = 0;
    for (LedgerEntry entry : vouchers.ledger(round.getId())) {
      balance = balance.add(entry.getAmount());
      Voucher voucher = entry.getVoucherId() == null ? null : entityManager.find(Voucher.class, entry.getVoucherId());
      rows.add(List.of(++n, entry.getBookedAt().toString(), KINDS.getOrDefault(entry.getKind(), entry.getKind().name()),
          voucher == null || voucher.getNumber() == null ? "" : voucher.getNumber(), entry.getVoucherId() == null ? "" : entry.getVoucherId(),
          entry.getAmount(), balance, entry.getBookedBy() == null ? "" : entry.getBookedBy()));
    }
    return new Sheet("台账 Ledger", HEADERS, rows);
  }
}
