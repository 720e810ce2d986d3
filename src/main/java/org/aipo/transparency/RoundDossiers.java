package org.aipo.transparency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.voucher.LedgerEntry;
import org.aipo.voucher.Voucher;
import org.aipo.voucher.VoucherRound;
import org.aipo.voucher.VoucherService;
import org.aipo.voucher.Vouchers;

/**
 * The dossier of a compute-voucher round (算力券档案): the round, its pool ledger entry by entry with the balance
 * recomputed from the entries beside the service's, every voucher with its amounts and decisions, and the audit
 * trail of the round and its vouchers. JSON and PDF.
 */
@ApplicationScoped
@Transactional
public class RoundDossiers {

  public record Dossier(JsonObject json, ReportDocument document) {
  }

  @Inject
  VoucherService vouchers;

  @Inject
  AuditLog auditLog;

  public Dossier of(String roundId) {
    VoucherRound round = vouchers.round(roundId);
    List<LedgerEntry> ledger = vouchers.ledger(roundId);
    List<Voucher> ofRound = vouchers.vouchersOfRound(roundId);
    List<AuditRecord> trail = new ArrayList<>(auditLog.forSubject(Vouchers.ROUND_SUBJECT, roundId));
    ofRound.forEach(v -> trail.addAll(auditLog.forSubject(Vouchers.SUBJECT_TYPE, v.getId())));
    trail.sort(Comparator.comparing(AuditRecord::getOccurredAt).thenComparing(AuditRecord::getId));
    BigDecimal balance = vouchers.balance(roundId);
    BigDecimal sum = ledger.stream().map(LedgerEntry::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);

    JsonObjectBuilder json = Json.createObjectBuilder().add("kind", "voucher-round-dossier").add("generatedAt", Instant.now().toString())
        .add("round", Json.createObjectBuilder().add("id", round.getId()).add("name", round.getName()).add("programme", round.getProgramme().name())
            .add("year", round.getYear()).add("poolTotal", round.getPoolTotal()).add("validUntil", round.getValidUntil().toString())
            .add("status", round.getStatus().name()).add("openedBy", round.getOpenedBy()).add("openedAt", round.getOpenedAt().toString()))
        .add("balance", balance).add("ledgerSum", sum);
    JsonArrayBuilder ledgerJson = Json.createArrayBuilder();
    List<List<String>> ledgerRows = new ArrayList<>();
    for (LedgerEntry e : ledger) {
      ledgerJson.add(Json.createObjectBuilder().add("id", e.getId()).add("voucherId", e.getVoucherId() == null ? "" : e.getVoucherId())
          .add("kind", e.getKind().name()).add("amount", e.getAmount()).add("bookedAt", e.getBookedAt().toString()).add("bookedBy", e.getBookedBy()));
      ledgerRows.add(List.of(EvaluationReports.when(e.getBookedAt()), e.getKind().name(), e.getAmount().toPlainString(),
          e.getVoucherId() == null ? "" : e.getVoucherId(), e.getBookedBy()));
    }
    json.add("ledger", ledgerJson);
    JsonArrayBuilder vouchersJson = Json.createArrayBuilder();
    List<List<String>> voucherRows = new ArrayList<>();
    for (Voucher v : ofRound) {
      JsonObjectBuilder each = Json.createObjectBuilder().add("id", v.getId()).add("number", v.getNumber() == null ? "" : v.getNumber())
          .add("organisationId", v.getOrganisationId()).add("supplierId", v.getSupplierId()).add("status", v.getStatus().name())
          .add("ruleReason", v.getRuleReason() == null ? "" : v.getRuleReason()).add("decisionNote", v.getDecisionNote() == null ? "" : v.getDecisionNote());
      decimal(each, "amount", v.getAmount());
      decimal(each, "verifiedValue", v.getVerifiedValue());
      decimal(each, "paid", v.getPaid());
      vouchersJson.add(each);
      voucherRows.add(List.of(v.getNumber() == null ? v.getId() : v.getNumber(), v.getStatus().name(), plain(v.getAmount()), plain(v.getVerifiedValue()),
          plain(v.getPaid()), v.getRuleReason() == null ? "" : v.getRuleReason()));
    }
    json.add("vouchers", vouchersJson);
    JsonArrayBuilder audit = Json.createArrayBuilder();
    List<List<String>> auditRows = new ArrayList<>();
    for (AuditRecord r : trail) {
      audit.add(Json.createObjectBuilder().add("at", r.getOccurredAt().toString()).add("actor", r.getActor()).add("action", r.getAction())
          .add("subjectType", r.getSubjectType()).add("subjectId", r.getSubjectId()).add("detail", r.getDetail() == null ? "" : r.getDetail()));
      auditRows.add(List.of(EvaluationReports.when(r.getOccurredAt()), r.getActor(), r.getAction(), r.getDetail() == null ? "" : r.getDetail()));
    }
    json.add("auditTrail", audit);

    ReportDocument d = new ReportDocument("算力券档案 Voucher round dossier：" + round.getName());
    d.field("编号 Round id", round.getId());
    d.field("计划 Programme / 年度 Year", round.getProgramme().name() + " / " + round.getYear());
    d.field("资金池 Pool (yuan)", round.getPoolTotal().toPlainString());
    d.field("有效期至 Valid until", EvaluationReports.when(round.getValidUntil()));
    d.field("状态 Status", round.getStatus().name());
    d.field("余额 Balance (yuan)", balance.toPlainString() + "（台账合计 ledger sum " + sum.toPlainString() + "）");
    d.heading("资金台账 Pool ledger");
    d.table(List.of("时间 When", "类型 Kind", "金额 Amount", "算力券 Voucher", "记账人 Booked by"), ledgerRows);
    d.heading("算力券 Vouchers");
    d.table(List.of("编号 Number", "状态 Status", "券额 Amount", "核验 Verified", "兑付 Paid", "规则说明 Rule"), voucherRows);
    d.heading("审计记录 Audit trail");
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"), auditRows);
    return new Dossier(json.build(), d);
  }

  private static void decimal(JsonObjectBuilder builder, String name, BigDecimal value) {
    if (value != null) {
      builder.add(name, value);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
