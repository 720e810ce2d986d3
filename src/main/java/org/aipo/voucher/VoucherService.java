package org.aipo.voucher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.common.PdfFile;
import org.aipo.common.Markdown;
import org.aipo.common.Text;
import org.aipo.platform.WorkflowEngine;

/**
 * Compute vouchers on the database (docs/domain.md programme 4): rounds and their pool ledger, applications
 * with their immediate refusals, the steps of {@code voucherLifecycle}, and redemptions. Every movement of a
 * pool is a {@link LedgerEntry} written in the transaction of the decision; a reservation locks the round's row
 * (SELECT ... FOR UPDATE) before it adds up the ledger, so concurrent approvals on one or several nodes are
 * serialised by the database and the pool is never overdrawn.
 */
@ApplicationScoped
@Transactional
public class VoucherService implements VoucherStages, SupplierListingStages, VoucherRoundStages {

  static final Set<String> SCALES = Set.of("small", "medium", "large");
  static final Set<String> LEVELS = Set.of("none", "filed", "leading");

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Inject
  org.aipo.storage.Storage storage;

  @Inject
  org.aipo.filing.AiServices aiServices;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  Registration registration;

  @Inject
  org.aipo.notification.Notifier notifier;

  private final Clock clock = Clock.systemUTC();

  // ---- rounds

  public VoucherRound openRound(String name, VoucherRound.Programme programme, BigDecimal poolTotal, Instant validUntil,
      BigDecimal expertThreshold, Integer reminderDays, String actor) {
    return openRound(name, programme, poolTotal, validUntil, expertThreshold, reminderDays, false, actor);
  }

  /** A round; {@code requiresFiledModel}: applications must name a model filed in the AI-service register (issue 24). */
  public VoucherRound openRound(String name, VoucherRound.Programme programme, BigDecimal poolTotal, Instant validUntil,
      BigDecimal expertThreshold, Integer reminderDays, boolean requiresFiledModel, String actor) {
    Instant now = clock.instant();
    VoucherRound round = new VoucherRound(name, programme, poolTotal, validUntil,
        expertThreshold == null ? Vouchers.DEFAULT_EXPERT_THRESHOLD : expertThreshold,
        reminderDays == null ? Vouchers.DEFAULT_REMINDER_DAYS : reminderDays, actor, now);
    round.requireFiledModel(requiresFiledModel);
    entityManager.persist(round);
    // EclipseLink orders the inserts of unrelated entities by class, not by persist: the round's row must exist
    // before its first ledger entry references it
    entityManager.flush();
    entityManager.persist(new LedgerEntry(round.getId(), null, LedgerEntry.Kind.FUNDING, round.getPoolTotal(), actor, now));
    auditLog.record(actor, "voucher-round.opened", Vouchers.ROUND_SUBJECT, round.getId(), name + ": " + round.getPoolTotal().toPlainString()
        + " yuan, " + programme + ", valid until " + validUntil);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VoucherRounds.VAR_ROUND, round.getId());
    variables.put("roundName", round.getName());
    variables.put(VoucherRounds.VAR_VALID_UNTIL, java.util.Date.from(round.getValidUntil()));
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(VoucherRounds.PROCESS_KEY, round.getId(), variables);
    return round;
  }

  /**
   * The office closes a round early: its {@code voucherRound} gets the message and closes it; a round without a
   * waiting process (opened before the process existed, or closed already) is closed here, which changes nothing
   * for a closed one.
   */
  public VoucherRound closeRound(String roundId, String actor) {
    VoucherRound round = round(roundId);
    boolean correlated = !workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(VoucherRounds.MESSAGE_CLOSED)
        .processInstanceBusinessKey(roundId).setVariable(VoucherRounds.VAR_CLOSED_BY, actor)
        .correlateAllWithResult().isEmpty();
    if (!correlated) {
      roundEnded(roundId, actor);
    }
    return round;
  }

  @Override
  public void roundEnded(String roundId, String actor) {
    VoucherRound round = round(roundId);
    round.close();
    auditLog.record(actor, "voucher-round.closed", Vouchers.ROUND_SUBJECT, roundId, "system".equals(actor) ? "validity ended " + round.getValidUntil()
        : null);
  }

  @Override
  public String openNextRound(String name, VoucherRound.Programme programme, BigDecimal poolTotal, Instant validUntil, String actor) {
    return openRound(name, programme, poolTotal, validUntil, null, null, actor).getId();
  }

  public VoucherRound round(String roundId) {
    VoucherRound round = roundId == null ? null : entityManager.find(VoucherRound.class, roundId);
    if (round == null) {
      throw DomainException.notFound("voucher-round.not-found", null, "没有算力券批次 " + roundId, "no voucher round " + roundId);
    }
    return round;
  }

  public List<VoucherRound> rounds() {
    return entityManager.createQuery("select r from VoucherRound r order by r.openedAt desc", VoucherRound.class).getResultList();
  }

  public List<LedgerEntry> ledger(String roundId) {
    return entityManager.createQuery("select e from LedgerEntry e where e.roundId = :round order by e.bookedAt, e.id", LedgerEntry.class)
        .setParameter("round", roundId).getResultList();
  }

  /** The pool's balance: the sum of its ledger. */
  public BigDecimal balance(String roundId) {
    BigDecimal sum = entityManager.createQuery("select sum(e.amount) from LedgerEntry e where e.roundId = :round", BigDecimal.class)
        .setParameter("round", roundId).getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
  }

  public List<Voucher> vouchersOfRound(String roundId) {
    return entityManager.createQuery("select v from Voucher v where v.roundId = :round order by v.appliedAt", Voucher.class)
        .setParameter("round", roundId).getResultList();
  }

  // ---- applications

  /** What a firm declares when it applies. */
  public record Application(String roundId, String supplierId, String use, String model, BigDecimal gpuHours, String clusterScale,
      String achievementLevel, BigDecimal expectedValue, String legalRepresentative, List<String> shareholders, List<String> relatedCreditCodes,
      String modelFilingNumber) {
  }

  /**
   * A firm's application: refused at once (4xx naming the field, with the reason) for a round that is closed or
   * exhausted, a supplier not in the catalogue or related to the applicant, no applicable subsidy rule, or a firm
   * over its annual cap; otherwise stored and its {@code voucherLifecycle} started, in one transaction.
   */
  public Voucher apply(String userId, Application application) {
    Instant now = clock.instant();
    Organisation organisation = registration.organisationOf(userId);
    if (application.roundId() == null || application.roundId().isBlank()) {
      throw DomainException.badInput("field.required", "roundId", "roundId 为必填项", "roundId is required");
    }
    // the round's row lock also serialises one firm's simultaneous applications, so its cap per year and the
    // pool's balance are checked against what the others stored
    VoucherRound round = entityManager.find(VoucherRound.class, application.roundId(), LockModeType.PESSIMISTIC_WRITE);
    if (round == null) {
      throw DomainException.badInput("voucher-round.unknown", "roundId", "没有算力券批次 " + application.roundId(), "roundId: no voucher round " + application.roundId());
    }
    if (!round.isOpenAt(now)) {
      throw DomainException.conflict("voucher-round.closed", "roundId", "算力券批次“" + round.getName() + "”已截止，不再受理申请",
          "roundId: the voucher round " + round.getName() + " is closed");
    }
    Voucher.Use use = use(application.use());
    String model = Text.required(application.model(), "model", 200).trim();
    String modelFilingNumber = application.modelFilingNumber() == null || application.modelFilingNumber().isBlank() ? null
        : org.aipo.filing.FilingNumber.normalise(application.modelFilingNumber(), "modelFilingNumber");
    if (round.isRequiresFiledModel() && modelFilingNumber == null) {
      throw DomainException.badInput("voucher.model-filing-required", "modelFilingNumber", "本批次要求所用模型已备案：请填写模型的备案号",
          "modelFilingNumber: this round requires the model to be filed; give its filing number");
    }
    if (round.isRequiresFiledModel() && !aiServices.isFiled(modelFilingNumber)) {
      throw DomainException.badInput("voucher.model-not-filed", "modelFilingNumber", "modelFilingNumber：备案号 " + modelFilingNumber
          + " 不在 AI 服务登记册的已备案服务中；本批次要求所用模型已备案", "modelFilingNumber: " + modelFilingNumber
          + " is not the number of a filed service in the AI-service register; this round requires the model to be filed");
    }
    BigDecimal gpuHours = Vouchers.amount(application.gpuHours(), "gpuHours", true);
    String scale = choice(application.clusterScale(), "clusterScale", SCALES);
    String level = choice(application.achievementLevel(), "achievementLevel", LEVELS);
    BigDecimal expected = Vouchers.amount(application.expectedValue(), "expectedValue", true);
    Text.atMost(application.legalRepresentative(), "legalRepresentative", 100);
    List<String> shareholders = Vouchers.names(application.shareholders(), "shareholders");
    List<String> related = Vouchers.names(application.relatedCreditCodes(), "relatedCreditCodes");

    if (application.supplierId() == null || application.supplierId().isBlank()) {
      throw DomainException.badInput("field.required", "supplierId", "supplierId 为必填项", "supplierId is required");
    }
    ComputeSupplier supplier = entityManager.find(ComputeSupplier.class, application.supplierId());
    if (supplier == null || supplier.getStatus() != ComputeSupplier.Status.LISTED) {
      throw DomainException.badInput("voucher.supplier-not-listed", "supplierId", "所选算力服务商不在服务商目录中",
          "supplierId: the supplier is not in the catalogue of listed compute suppliers");
    }
    Optional<String[]> relation = RelatedParty.reason(supplier, organisation.getCreditCode(), application.legalRepresentative(), shareholders, related);
    if (relation.isPresent()) {
      throw DomainException.conflict("voucher.related-party", "supplierId", "所选服务商是关联方，不能使用算力券：" + relation.get()[0],
          "supplierId: the supplier is a related party, a voucher cannot pay it: " + relation.get()[1]);
    }

    SubsidyRule.Grant grant = SubsidyRule.grant(workflowEngine.processEngine().getDecisionService().evaluateDecisionByKey(SubsidyRule.DECISION_KEY)
        .variables(new HashMap<>(SubsidyRule.inputs(round.getProgramme(), organisation.getKind().name(), scale, level))).evaluate());
    BigDecimal amount = grant.amountFor(expected);
    if (amount.signum() <= 0) {
      throw DomainException.badInput("voucher.amount-zero", "expectedValue", "按补贴规则本申请的补贴额为 0", "expectedValue: the rule grants nothing for this value");
    }
    BigDecimal used = usedThisYear(organisation.getId(), round.getYear());
    BigDecimal left = grant.capPerFirmYear().subtract(used).max(BigDecimal.ZERO);
    if (amount.compareTo(left) > 0) {
      throw DomainException.conflict("voucher.annual-cap", "expectedValue", "超出每家单位每年补贴上限 " + grant.capPerFirmYear().toPlainString()
          + " 元：本年度已申请或已获 " + used.toPlainString() + " 元，尚可申请 " + left.toPlainString() + " 元，本申请为 " + amount.toPlainString() + " 元",
          "expectedValue: over the cap per firm and year of " + grant.capPerFirmYear().toPlainString() + " yuan: " + used.toPlainString()
          + " yuan applied for or granted this year, " + left.toPlainString() + " yuan left, this application needs " + amount.toPlainString());
    }
    BigDecimal balance = balance(round.getId());
    if (amount.compareTo(balance) > 0) {
      throw DomainException.conflict("voucher-round.exhausted", "roundId", "算力券批次资金池余额 " + balance.toPlainString() + " 元，不足以支付本申请的 "
          + amount.toPlainString() + " 元", "roundId: the round's pool has " + balance.toPlainString() + " yuan left, this application needs "
          + amount.toPlainString());
    }

    Voucher voucher = new Voucher(round.getId(), organisation.getId(), supplier.getId(), userId, now, use, model, gpuHours, scale, level, expected, grant);
    voucher.modelFilingNumber(modelFilingNumber);
    entityManager.persist(voucher);
    auditLog.record(userId, Vouchers.ACTION_APPLIED, Vouchers.SUBJECT_TYPE, voucher.getId(), organisation.getName() + " → " + supplier.getName()
        + ": " + amount.toPlainString() + " yuan (" + grant.reason() + ")");
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vouchers.VAR_VOUCHER, voucher.getId());
    variables.put(Vouchers.VAR_NEEDS_EXPERTS, expected.compareTo(round.getExpertThreshold()) > 0);
    variables.put("applicantName", organisation.getName());
    variables.put("roundName", round.getName());
    variables.put("supplierName", supplier.getName());
    variables.put("voucherAmount", amount.doubleValue());
    variables.put("expectedValue", expected.doubleValue());
    variables.put("voucherSummary", summary(voucher, organisation, supplier, round));
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(Vouchers.PROCESS_KEY, voucher.getId(), variables);
    return voucher;
  }

  private static String summary(Voucher voucher, Organisation organisation, ComputeSupplier supplier, VoucherRound round) {
    return "批次 Round: " + round.getName() + "\n申请单位 Applicant: " + organisation.getName() + " (" + organisation.getKind() + ")\n服务商 Supplier: "
        + supplier.getName() + "\n用途 Use: " + voucher.getUse() + ", " + voucher.getModel() + ", " + voucher.getGpuHours().toPlainString()
        + " GPU-hours\n集群规模 Cluster scale: " + voucher.getClusterScale() + "; 成果水平 Achievement: " + voucher.getAchievementLevel()
        + "\n预计合同额 Expected contract value: " + voucher.getExpectedValue().toPlainString() + " yuan\n补贴 Subsidy: "
        + voucher.getShare().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %, " + voucher.getAmount().toPlainString()
        + " yuan\n" + voucher.getRuleReason();
  }

  /** What the firm applied for or was granted in the programme year: open, issued and redeeming vouchers' amounts, and what was paid. */
  BigDecimal usedThisYear(String organisationId, int year) {
    List<Voucher> vouchers = entityManager.createQuery("select v from Voucher v, VoucherRound r where v.roundId = r.id and r.year = :year"
        + " and v.organisationId = :organisation", Voucher.class).setParameter("year", year).setParameter("organisation", organisationId).getResultList();
    BigDecimal used = BigDecimal.ZERO;
    for (Voucher voucher : vouchers) {
      switch (voucher.getStatus()) {
        case APPLIED, ISSUED, REDEMPTION_SUBMITTED -> used = used.add(voucher.getAmount());
        case REDEEMED -> used = used.add(voucher.getPaid());
        default -> {
          // refused and lapsed vouchers use nothing
        }
      }
    }
    return used;
  }

  private static Voucher.Use use(String value) {
    try {
      return Voucher.Use.valueOf(Text.required(value, "use", 16).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("voucher.use", "use", "use 须为 TRAINING 或 INFERENCE", "use must be TRAINING or INFERENCE");
    }
  }

  private static String choice(String value, String field, Set<String> allowed) {
    String text = Text.required(value, field, 16).trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(text)) {
      throw DomainException.badInput("voucher." + field, field, field + " 须为 " + String.join("、", new java.util.TreeSet<>(allowed)) + " 之一",
          field + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return text;
  }

  public List<Voucher> vouchersOf(String userId) {
    Organisation organisation = registration.organisationOf(userId);
    return entityManager.createQuery("select v from Voucher v where v.organisationId = :organisation order by v.appliedAt desc", Voucher.class)
        .setParameter("organisation", organisation.getId()).getResultList();
  }

  /** The caller's organisation's voucher; another firm's is not found (404), never shown. */
  public Voucher ownVoucher(String userId, String voucherId) {
    Organisation organisation = registration.organisationOf(userId);
    Voucher voucher = voucherId == null ? null : entityManager.find(Voucher.class, voucherId);
    if (voucher == null || !voucher.getOrganisationId().equals(organisation.getId())) {
      throw DomainException.notFound("voucher.not-found", null, "没有算力券 " + voucherId, "no voucher " + voucherId);
    }
    return voucher;
  }

  public Voucher voucher(String voucherId) {
    Voucher voucher = voucherId == null ? null : entityManager.find(Voucher.class, voucherId);
    if (voucher == null) {
      throw DomainException.notFound("voucher.not-found", null, "没有算力券 " + voucherId, "no voucher " + voucherId);
    }
    return voucher;
  }

  public Optional<ComputeSupplier> supplier(String id) {
    return Optional.ofNullable(id == null ? null : entityManager.find(ComputeSupplier.class, id));
  }

  // ---- redemption

  /** An invoice of a redemption. */
  public record Invoice(String number, BigDecimal amount) {
  }

  /** A usage record: GPU-hours of a period and their value at the contract's price. */
  public record Usage(String period, BigDecimal gpuHours, BigDecimal value) {
  }

  /**
   * The firm submits contract, invoices and usage records. Refused at once when the voucher is not issued or has
   * expired, when a contract or invoice number was submitted before (anywhere: 409 naming it; the database's key
   * decides between simultaneous submissions), when the invoices exceed the contract, or when the usage records do
   * not cover the invoiced value. The claimed value is the invoices' sum; the office verifies it in Tasklist.
   */
  public Voucher submitRedemption(String userId, String voucherId, String contractNumber, BigDecimal contractValue, List<Invoice> invoices,
      List<Usage> usage) {
    Instant now = clock.instant();
    Voucher voucher = ownVoucher(userId, voucherId);
    // two submissions for one voucher at once: the second waits here and then finds it submitted
    entityManager.lock(voucher, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(voucher);
    if (voucher.getStatus() != Voucher.Status.ISSUED) {
      throw DomainException.conflict("voucher.not-redeemable", null, "算力券当前状态为 " + voucher.getStatus() + "，不能提交兑付",
          "the voucher is " + voucher.getStatus() + "; it cannot be redeemed now");
    }
    if (!now.isBefore(voucher.getExpiresAt())) {
      throw DomainException.conflict("voucher.expired", null, "算力券已于 " + voucher.getExpiresAt() + " 到期", "the voucher expired at " + voucher.getExpiresAt());
    }
    String contract = documentNumber(contractNumber, "contractNumber");
    BigDecimal contractAmount = Vouchers.amount(contractValue, "contractValue", true);
    if (invoices == null || invoices.isEmpty()) {
      throw DomainException.badInput("field.required", "invoices", "invoices 至少一张发票", "invoices: at least one invoice is required");
    }
    if (usage == null || usage.isEmpty()) {
      throw DomainException.badInput("field.required", "usage", "usage 至少一条用量记录", "usage: at least one usage record is required");
    }
    BigDecimal claimed = BigDecimal.ZERO;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < invoices.size(); i++) {
      Invoice invoice = invoices.get(i);
      if (invoice == null) {
        throw DomainException.badInput("field.required", "invoices[" + i + "]", "invoices[" + i + "] 为必填项", "invoices[" + i + "] is required");
      }
      String number = documentNumber(invoice.number(), "invoices[" + i + "].number");
      if (!seen.add(number)) {
        throw DomainException.badInput("voucher.invoice-repeated", "invoices[" + i + "].number", "发票号 " + number + " 重复",
            "invoices[" + i + "].number: " + number + " is listed twice");
      }
      claimed = claimed.add(Vouchers.amount(invoice.amount(), "invoices[" + i + "].amount", true));
    }
    if (claimed.compareTo(contractAmount) > 0) {
      throw DomainException.badInput("voucher.invoices-exceed-contract", "invoices", "发票合计 " + claimed.toPlainString() + " 元超过合同金额 "
          + contractAmount.toPlainString() + " 元", "invoices: they add up to " + claimed.toPlainString() + " yuan, more than the contract's "
          + contractAmount.toPlainString());
    }
    BigDecimal used = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;
    for (int i = 0; i < usage.size(); i++) {
      Usage record = usage.get(i);
      if (record == null) {
        throw DomainException.badInput("field.required", "usage[" + i + "]", "usage[" + i + "] 为必填项", "usage[" + i + "] is required");
      }
      Text.atMost(record.period(), "usage[" + i + "].period", 64);
      hours = hours.add(Vouchers.amount(record.gpuHours(), "usage[" + i + "].gpuHours", true));
      used = used.add(Vouchers.amount(record.value(), "usage[" + i + "].value", true));
    }
    if (used.compareTo(claimed) < 0) {
      throw DomainException.badInput("voucher.usage-short", "usage", "用量记录合计 " + used.toPlainString() + " 元，不足以覆盖发票金额 " + claimed.toPlainString() + " 元",
          "usage: the usage records are worth " + used.toPlainString() + " yuan, less than the invoiced " + claimed.toPlainString());
    }
    List<VoucherFile> files = filesOf(voucher.getId());
    requireFile(files, VoucherFile.Kind.CONTRACT);
    requireFile(files, VoucherFile.Kind.INVOICE);
    claimDocument(VoucherDocument.Kind.CONTRACT, contract, voucher.getId(), contractAmount, now, "contractNumber");
    for (int i = 0; i < invoices.size(); i++) {
      claimDocument(VoucherDocument.Kind.INVOICE, invoices.get(i).number().trim(), voucher.getId(), invoices.get(i).amount(), now,
          "invoices[" + i + "].number");
    }
    try {
      entityManager.flush();
    } catch (PersistenceException e) {
      throw DomainException.conflict("voucher.document-redeemed", "invoices", "合同或发票号已在其他兑付中使用（同时提交）",
          "invoices: a contract or invoice number was redeemed by another submission at the same moment");
    }
    voucher.submitRedemption(contract, claimed, hours);
    auditLog.record(userId, Vouchers.ACTION_REDEMPTION_SUBMITTED, Vouchers.SUBJECT_TYPE, voucher.getId(), "contract " + contract + ", "
        + invoices.size() + " invoice(s), " + claimed.toPlainString() + " yuan, " + hours.toPlainString() + " GPU-hours");
    workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(Vouchers.MESSAGE_REDEMPTION).processInstanceBusinessKey(voucher.getId())
        .setVariable("claimedValue", claimed.doubleValue()).setVariable("contractNumber", contract)
        .setVariable("redemptionSummaryMarkdown", Text.forTask(fileLinks(files) + "\n\n合同 Contract " + Markdown.escape(contract) + ": " + contractAmount.toPlainString() + " yuan\n发票 Invoices: "
            + invoices.stream().map(inv -> Markdown.escape(inv.number().trim()) + " " + inv.amount().toPlainString()).toList() + "\n合计 Claimed: " + claimed.toPlainString()
            + " yuan\n用量 Usage: " + hours.toPlainString() + " GPU-hours worth " + used.toPlainString() + " yuan",
            "GET /api/voucher-files?voucherId=" + voucher.getId()))
        .correlate();
    return voucher;
  }

  // ---- redemption files

  /** How many files one voucher may hold (the verification form lists them all). */
  static final int MAX_FILES = 20;

  /** Who reads every voucher's files besides the firm's own users. */
  private static final List<String> FILE_READERS = List.of(org.aipo.identity.Roles.PROGRAMME_OFFICE.groupId(),
      org.aipo.identity.Roles.LEADERSHIP.groupId(), org.aipo.identity.Roles.AUDITOR.groupId(), org.aipo.identity.Roles.ADMIN.groupId());

  /**
   * The firm uploads a contract, invoice or usage record for its issued voucher (also after the office returned a
   * redemption for correction). Refused when the kind is unknown, the voucher is not open for redemption, it holds
   * {@link #MAX_FILES} files already, or the file is not a readable, unencrypted PDF of at most 10 MB (naming it).
   */
  public VoucherFile uploadFile(String userId, String voucherId, String kind, String fileName, org.aipo.storage.Spool upload) {
    VoucherFile.Kind fileKind = VoucherFile.Kind.of(kind, "kind");
    Voucher voucher = ownVoucher(userId, voucherId);
    entityManager.lock(voucher, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(voucher);
    if (voucher.getStatus() != Voucher.Status.ISSUED) {
      throw DomainException.conflict("voucher.files-closed", null, "算力券当前状态为 " + voucher.getStatus() + "，不能上传兑付材料",
          "the voucher is " + voucher.getStatus() + "; redemption files cannot be uploaded now");
    }
    if (filesOf(voucher.getId()).size() >= MAX_FILES) {
      throw DomainException.conflict("voucher.too-many-files", "file", "每张算力券最多 " + MAX_FILES + " 个文件",
          "a voucher holds at most " + MAX_FILES + " files");
    }
    String name = org.aipo.common.Text.required(fileName, "name", 200).trim();
    PdfFile.check(name, upload.file(), VoucherFile.MAX_BYTES);
    // into the attachment store in this transaction (ADR 0021): a rollback leaves nothing stored
    String key = storage.store().put(upload);
    VoucherFile file = new VoucherFile(voucher.getId(), fileKind, name, new org.aipo.storage.StoredFile(key, upload.size(), upload.sha256()), userId,
        clock.instant());
    entityManager.persist(file);
    auditLog.record(userId, Vouchers.ACTION_FILE_UPLOADED, Vouchers.SUBJECT_TYPE, voucher.getId(),
        fileKind.code() + " " + file.getFileName() + " (" + file.getSize() + " bytes, sha256 " + file.getSha256() + ")");
    return file;
  }

  /** The firm's files of its own voucher. */
  public List<VoucherFile> ownFiles(String userId, String voucherId) {
    return filesOf(ownVoucher(userId, voucherId).getId());
  }

  List<VoucherFile> filesOf(String voucherId) {
    return entityManager.createQuery("select f from VoucherFile f where f.voucherId = :voucher order by f.uploadedAt, f.id", VoucherFile.class)
        .setParameter("voucher", voucherId).getResultList();
  }

  /**
   * A file as its reader downloads it: the firm's own users and officials; to anyone else it does not exist (404).
   * Every download is an audit record (under its own subject, apart from the voucher's decisions).
   */
  public VoucherFile readFile(org.aipo.api.ApiUser user, String fileId, String taskId) {
    if (taskId != null && !taskId.matches("[A-Za-z0-9:_.-]{1,64}")) {
      throw DomainException.badInput("voucher.file-task", "task", "task 须为任务编号", "task must be a task id");
    }
    VoucherFile file = fileId == null || fileId.length() > 36 ? null : entityManager.find(VoucherFile.class, fileId);
    if (file == null || !mayRead(user, file)) {
      throw DomainException.notFound("voucher.file-not-found", null, "没有文件 " + fileId, "no file " + fileId);
    }
    String task = taskId != null ? ", task " + taskId : "";
    auditLog.record(user.userId(), Vouchers.ACTION_FILE_READ, Vouchers.FILE_SUBJECT, file.getVoucherId(),
        file.getKind().code() + " " + file.getFileName() + " (" + file.getId() + ")" + task);
    return file;
  }

  /**
   * A file's bytes as a file to stream after this transaction: the stored file itself in the file store, else a
   * temporary copy that {@link org.aipo.storage.Storage.Readable#close()} deletes.
   */
  public org.aipo.storage.Storage.Readable readable(VoucherFile file) {
    return storage.readable(file.getStorageKey(), file::legacyContent);
  }

  /** A voucher's files, as officials list them (the voucher must exist). */
  public List<VoucherFile> filesForOfficials(String voucherId) {
    return filesOf(voucher(voucherId).getId());
  }

  /** A download of a voucher's file, as officials list them. */
  public record FileReading(String reader, String detail, Instant at) {
  }

  /** Who downloaded which of a voucher's files, oldest first (officials only; the voucher must exist). */
  public List<FileReading> fileReadings(String voucherId) {
    voucher(voucherId);
    return auditLog.forSubject(Vouchers.FILE_SUBJECT, voucherId).stream().filter(r -> Vouchers.ACTION_FILE_READ.equals(r.getAction()))
        .map(r -> new FileReading(r.getActor(), r.getDetail(), r.getOccurredAt())).toList();
  }

  private boolean mayRead(org.aipo.api.ApiUser user, VoucherFile file) {
    if (user.groups().stream().anyMatch(FILE_READERS::contains)) {
      return true;
    }
    if (!user.groups().contains(org.aipo.identity.Roles.APPLICANT.groupId())) {
      return false;
    }
    try {
      Voucher voucher = entityManager.find(Voucher.class, file.getVoucherId());
      return voucher != null && voucher.getOrganisationId().equals(registration.organisationOf(user.userId()).getId());
    } catch (DomainException noOrganisation) {
      return false;
    }
  }

  private static void requireFile(List<VoucherFile> files, VoucherFile.Kind kind) {
    if (files.stream().noneMatch(f -> f.getKind() == kind)) {
      throw DomainException.badInput("voucher.file-missing", "files", "兑付须附" + kind.zh + "（PDF），请先上传",
          "files: a redemption needs the " + kind.en + " as a PDF; upload it first");
    }
  }

  /** The files as links for the verification form (names escaped: the firm chose them). */
  static String fileLinks(List<VoucherFile> files) {
    StringBuilder text = new StringBuilder("文件 Files:");
    for (VoucherFile f : files) {
      text.append("\n- ").append(f.getKind().zh).append(" ").append(f.getKind().en).append(": [")
          .append(org.aipo.common.Markdown.escape(f.getFileName().length() > 80 ? f.getFileName().substring(0, 79) + "…" : f.getFileName()))
          .append("](").append(f.url()).append(")");
    }
    return text.toString();
  }

  private void claimDocument(VoucherDocument.Kind kind, String number, String voucherId, BigDecimal amount, Instant now, String field) {
    if (entityManager.find(VoucherDocument.class, new VoucherDocument.Key(kind.name(), number)) != null) {
      String what = kind == VoucherDocument.Kind.CONTRACT ? "合同号" : "发票号";
      throw DomainException.conflict("voucher.document-redeemed", field, what + " " + number + " 已用于兑付，不能重复兑付",
          field + ": " + kind.name().toLowerCase(Locale.ROOT) + " number " + number + " was redeemed already");
    }
    entityManager.persist(new VoucherDocument(kind, number, voucherId, amount, now));
  }

  private static String documentNumber(String value, String field) {
    String number = Text.required(value, field, 64).trim();
    if (!number.matches("[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}")) {
      throw DomainException.badInput("voucher.document-number", field, field + " 只能包含字母、数字和 / _ . -", field + " may hold letters, digits and / _ . - only");
    }
    return number;
  }

  // ---- the process's steps

  @Override
  public void reserve(String voucherId, String actor) {
    Voucher voucher = voucher(voucherId);
    VoucherRound round = entityManager.find(VoucherRound.class, voucher.getRoundId(), LockModeType.PESSIMISTIC_WRITE);
    BigDecimal balance = balance(round.getId());
    if (voucher.getAmount().compareTo(balance) > 0) {
      throw DomainException.conflict("voucher-round.exhausted", null, "资金池余额 " + balance.toPlainString() + " 元，不足以预留本券的 "
          + voucher.getAmount().toPlainString() + " 元，本次未批准：请驳回申请，或待其他券失效退回后再批", "the round's pool has "
          + balance.toPlainString() + " yuan left, the voucher needs " + voucher.getAmount().toPlainString()
          + " yuan; nothing was approved: refuse the application, or approve it when lapsed vouchers have returned money");
    }
    entityManager.persist(new LedgerEntry(round.getId(), voucherId, LedgerEntry.Kind.RESERVE, voucher.getAmount().negate(), actor, clock.instant()));
    auditLog.record(actor, Vouchers.ACTION_RESERVED, Vouchers.SUBJECT_TYPE, voucherId, voucher.getAmount().toPlainString() + " yuan reserved; "
        + balance.subtract(voucher.getAmount()).toPlainString() + " yuan left in round " + round.getName());
  }

  @Override
  public Issued issue(String voucherId, String actor) {
    Instant now = clock.instant();
    Voucher voucher = voucher(voucherId);
    VoucherRound round = round(voucher.getRoundId());
    String number = "CV" + round.getYear() + "-" + voucherId.replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    Instant expiresAt = round.getValidUntil();
    voucher.issue(number, expiresAt, now);
    Instant reminderAt = expiresAt.minus(java.time.Duration.ofDays(round.getReminderDays()));
    Instant soonest = now.plusSeconds(60);
    if (reminderAt.isBefore(soonest)) {
      reminderAt = soonest.isBefore(expiresAt) ? soonest : expiresAt;
    }
    auditLog.record(actor, Vouchers.ACTION_ISSUED, Vouchers.SUBJECT_TYPE, voucherId, number + ", " + voucher.getAmount().toPlainString()
        + " yuan, expires " + expiresAt);
    String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(expiresAt.atZone(org.aipo.calendar.WorkingDayCalendar.CHINA));
    tellFirm(voucher, "voucher-issued:" + voucherId, "decision", Map.of("outcomeZh", "已发放，额度 " + voucher.getAmount().toPlainString()
        + " 元，有效期至 " + until + "（北京时间）", "outcomeEn", "issued, " + voucher.getAmount().toPlainString() + " yuan, valid until " + until
        + " Beijing time", "note", ""), null, number);
    return new Issued(number, expiresAt, reminderAt);
  }

  @Override
  public void refuse(String voucherId, String note, String actor) {
    Voucher voucher = voucher(voucherId);
    voucher.refuse(Text.atMost(note, Vouchers.VAR_COMMENT, 1000));
    auditLog.record(actor, Vouchers.ACTION_REFUSED, Vouchers.SUBJECT_TYPE, voucherId, note);
    tellFirm(voucher, "voucher-refused:" + voucherId, "decision", Map.of("outcomeZh", "不予发放", "outcomeEn", "refused", "note", note == null ? "" : note),
        null, null);
  }

  @Override
  public void remindExpiry(String voucherId) {
    Voucher voucher = voucher(voucherId);
    auditLog.record("system", Vouchers.ACTION_REMINDED, Vouchers.SUBJECT_TYPE, voucherId, voucher.getNumber() + " expires at " + voucher.getExpiresAt());
    tellFirm(voucher, "voucher-expiry-reminder:" + voucherId, "deadline-reminder", Map.of("taskName", "兑付 Redemption"), voucher.getExpiresAt(),
        voucher.getNumber());
  }

  @Override
  public void lapse(String voucherId) {
    Voucher voucher = voucher(voucherId);
    entityManager.find(VoucherRound.class, voucher.getRoundId(), LockModeType.PESSIMISTIC_WRITE);
    voucher.lapse();
    entityManager.persist(new LedgerEntry(voucher.getRoundId(), voucherId, LedgerEntry.Kind.LAPSE, voucher.getAmount(), "system", clock.instant()));
    auditLog.record("system", Vouchers.ACTION_LAPSED, Vouchers.SUBJECT_TYPE, voucherId, voucher.getAmount().toPlainString() + " yuan returned to the pool");
    tellFirm(voucher, "voucher-lapsed:" + voucherId, "decision", Map.of("outcomeZh", "有效期已过，未兑付，已作废", "outcomeEn",
        "expired without redemption; it has lapsed", "note", ""), null, voucher.getNumber());
  }

  @Override
  public BigDecimal pay(String voucherId, BigDecimal verifiedValue, String note, String actor) {
    Voucher voucher = voucher(voucherId);
    BigDecimal verified = Vouchers.amount(verifiedValue, Vouchers.VAR_VERIFIED_VALUE, false);
    if (voucher.getClaimedValue() != null && verified.compareTo(voucher.getClaimedValue()) > 0) {
      throw DomainException.badInput("voucher.verified-exceeds-claim", Vouchers.VAR_VERIFIED_VALUE, "核定金额不得超过申报的发票合计 "
          + voucher.getClaimedValue().toPlainString() + " 元", "verifiedValue must not exceed the claimed " + voucher.getClaimedValue().toPlainString() + " yuan");
    }
    BigDecimal paid = paidFor(voucher.getAmount(), voucher.getShare(), verified);
    Instant now = clock.instant();
    entityManager.find(VoucherRound.class, voucher.getRoundId(), LockModeType.PESSIMISTIC_WRITE);
    voucher.pay(verified, paid, Text.atMost(note, Vouchers.VAR_COMMENT, 1000));
    entityManager.persist(new LedgerEntry(voucher.getRoundId(), voucherId, LedgerEntry.Kind.RELEASE, voucher.getAmount(), actor, now));
    entityManager.persist(new LedgerEntry(voucher.getRoundId(), voucherId, LedgerEntry.Kind.PAYMENT, paid.negate(), actor, now));
    auditLog.record(actor, Vouchers.ACTION_PAID, Vouchers.SUBJECT_TYPE, voucherId, "verified " + verified.toPlainString() + " yuan, paid "
        + paid.toPlainString() + " yuan, " + voucher.getAmount().subtract(paid).toPlainString() + " yuan returned to the pool");
    tellFirm(voucher, "voucher-paid:" + voucherId, "decision", Map.of("outcomeZh", "核定 " + verified.toPlainString() + " 元，兑付 " + paid.toPlainString() + " 元",
        "outcomeEn", "verified " + verified.toPlainString() + " yuan, paid " + paid.toPlainString() + " yuan", "note", note == null ? "" : note), null,
        voucher.getNumber());
    return paid;
  }

  /** What a redemption pays: the rule's share of the verified value, at most what was reserved. */
  static BigDecimal paidFor(BigDecimal reserved, BigDecimal share, BigDecimal verifiedValue) {
    return verifiedValue.multiply(share).setScale(2, RoundingMode.DOWN).min(reserved);
  }

  @Override
  public void returnRedemption(String voucherId, String note, String actor) {
    Voucher voucher = voucher(voucherId);
    voucher.returnRedemption(Text.atMost(note, Vouchers.VAR_COMMENT, 1000));
    entityManager.createQuery("delete from VoucherDocument d where d.voucherId = :voucher").setParameter("voucher", voucherId).executeUpdate();
    auditLog.record(actor, Vouchers.ACTION_REDEMPTION_RETURNED, Vouchers.SUBJECT_TYPE, voucherId, note);
    // a return is one event per decision: the office's completion of its task, never retried once it committed
    tellFirm(voucher, "voucher-returned:" + voucherId + ":" + clock.millis(), "correction-request", Map.of("note", note == null ? "" : note),
        voucher.getExpiresAt(), voucher.getNumber());
  }

  /**
   * A message to the firm's contact about its voucher (issue 25), written in this transaction: the subject names the
   * voucher, the link opens it in the portal.
   */
  private void tellFirm(Voucher voucher, String eventKey, String kind, Map<String, Object> values, Instant deadline, String number) {
    Map<String, Object> model = new java.util.HashMap<>(values);
    model.put("subjectTitle", "算力券 Compute voucher " + (number == null ? "" : number + " ") + "(" + voucher.getAmount().toPlainString() + " 元 yuan)");
    notifier.send(new org.aipo.notification.Message(eventKey, kind, registration.contactOf(voucher.getOrganisationId()), model, deadline,
        "/portal/#/vouchers/" + voucher.getId()));
  }

  // ---- supplier catalogue and supplierListing

  /** A supplier's staff account created with its listing application; null for none. */
  public record StaffAccount(String userId, String password, String name) {
  }

  /**
   * A supplier applies to be listed: the supplier row, its staff account (a Camunda user in group
   * {@code compute-supplier}, when given) and the {@code supplierListing} process whose office task decides, in one
   * transaction.
   */
  public ComputeSupplier applyForListing(String name, String creditCode, String legalRepresentative, List<String> shareholders, String contactEmail,
      StaffAccount account) {
    ComputeSupplier supplier = new ComputeSupplier(name, creditCode, legalRepresentative, shareholders, contactEmail, clock.instant());
    if (account != null) {
      registration.checkNewUser(account.userId(), account.password(), account.name());
    }
    Long existing = entityManager.createQuery("select count(s) from ComputeSupplier s where s.creditCode = :code", Long.class)
        .setParameter("code", supplier.getCreditCode()).getSingleResult();
    if (existing > 0) {
      throw DomainException.conflict("compute-supplier.exists", "creditCode", "该统一社会信用代码的服务商已申请入库", "creditCode: this supplier has applied already");
    }
    String actor = "anonymous";
    if (account != null) {
      org.camunda.bpm.engine.IdentityService identity = workflowEngine.processEngine().getIdentityService();
      org.camunda.bpm.engine.identity.User user = identity.newUser(account.userId());
      user.setFirstName(account.name().trim());
      user.setLastName(supplier.getName());
      user.setEmail(supplier.getContactEmail());
      user.setPassword(account.password());
      identity.saveUser(user);
      identity.createMembership(account.userId(), org.aipo.identity.Roles.COMPUTE_SUPPLIER.groupId());
      supplier.account(account.userId());
      actor = account.userId();
    }
    entityManager.persist(supplier);
    auditLog.record(actor, SupplierListings.ACTION_APPLIED, Vouchers.SUPPLIER_SUBJECT, supplier.getId(), supplier.getName()
        + (account == null ? "" : ", staff account " + account.userId()));
    startListing(supplier);
    return supplier;
  }

  /** A listing application for an existing engine user in group compute-supplier (the demo supplier). */
  public ComputeSupplier applyForListing(String name, String creditCode, String legalRepresentative, List<String> shareholders, String contactEmail,
      String existingUserId, String actor) {
    ComputeSupplier supplier = new ComputeSupplier(name, creditCode, legalRepresentative, shareholders, contactEmail, clock.instant());
    supplier.account(existingUserId);
    entityManager.persist(supplier);
    auditLog.record(actor, SupplierListings.ACTION_APPLIED, Vouchers.SUPPLIER_SUBJECT, supplier.getId(), supplier.getName()
        + (existingUserId == null ? "" : ", staff account " + existingUserId));
    startListing(supplier);
    return supplier;
  }

  private void startListing(ComputeSupplier supplier) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SupplierListings.VAR_SUPPLIER, supplier.getId());
    variables.put("supplierName", supplier.getName());
    variables.put("supplierSummary", supplierSummary(supplier));
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(SupplierListings.PROCESS_KEY, supplier.getId(), variables);
  }

  /** What the office's review form shows of the supplier (plain text: the form escapes it). */
  static String supplierSummary(ComputeSupplier supplier) {
    return "服务商 Supplier: " + supplier.getName() + "\n统一社会信用代码 Credit code: " + supplier.getCreditCode()
        + "\n法定代表人 Legal representative: " + supplier.getLegalRepresentative() + "\n股东 Shareholders: "
        + (supplier.getShareholders().isEmpty() ? "—" : String.join("；", supplier.getShareholders())) + "\n联系邮箱 Contact: "
        + supplier.getContactEmail()
        + (supplier.getCorrectedAt() == null ? "" : "\n已按退回意见更正 Corrected after the return: " + supplier.getCorrectedAt()
            + (supplier.getDecisionNote() == null ? "" : "\n退回意见 The return's note: " + supplier.getDecisionNote()));
  }

  /**
   * The office's decision through the API: completes the supplier's {@code userTask_reviewListing}, as Tasklist
   * would, so that the process writes it (list, refuse, or return for correction). A supplier whose listing was
   * decided, or that waits for its own correction, is 409; one that applied before the process existed (no task, still
   * pending) is listed or refused directly.
   */
  public ComputeSupplier decideListing(String supplierId, boolean listed, String note, String actor) {
    return decideListing(supplierId, listed ? SupplierListings.Decision.LISTED : SupplierListings.Decision.REFUSED, note, actor);
  }

  /** The office's decision through the API, one of three (see {@link #decideListing(String, boolean, String, String)}). */
  public ComputeSupplier decideListing(String supplierId, SupplierListings.Decision decision, String note, String actor) {
    ComputeSupplier supplier = supplier(supplierId).orElseThrow(() -> DomainException.notFound("compute-supplier.not-found", null,
        "没有算力服务商 " + supplierId, "no compute supplier " + supplierId));
    Text.atMost(note, "note", 1000);
    if (decision == SupplierListings.Decision.RETURNED && (note == null || note.isBlank())) {
      throw DomainException.badInput("field.required", "note", "退回补正时须说明需要更正的内容", "note: say what the supplier is to correct when returning the application");
    }
    if (supplier.getStatus() == ComputeSupplier.Status.RETURNED) {
      throw DomainException.conflict("compute-supplier.awaiting-correction", null, "该申请已退回补正，正在等待服务商更正（截止 " + supplier.getCorrectionDueAt() + "）",
          "the application was returned for correction and waits for the supplier until " + supplier.getCorrectionDueAt());
    }
    org.camunda.bpm.engine.task.Task task = workflowEngine.processEngine().getTaskService().createTaskQuery()
        .processDefinitionKey(SupplierListings.PROCESS_KEY).processInstanceBusinessKey(supplierId).taskDefinitionKey(SupplierListings.TASK_REVIEW)
        .singleResult();
    if (task == null) {
      if (decision == SupplierListings.Decision.RETURNED && supplier.getStatus() == ComputeSupplier.Status.PENDING) {
        throw DomainException.conflict("compute-supplier.no-review", "decision", "该申请没有审核流程，不能退回补正，只能入库或不予入库",
            "decision: this application has no review process; it can be listed or refused, not returned");
      }
      boolean listed = decision == SupplierListings.Decision.LISTED;
      supplier.decide(listed, note, actor, clock.instant());
      auditLog.record(actor, listed ? SupplierListings.ACTION_LISTED : SupplierListings.ACTION_REFUSED, Vouchers.SUPPLIER_SUBJECT, supplierId, note);
      return supplier;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(SupplierListings.VAR_DECISION, decision.name());
    variables.put(SupplierListings.VAR_COMMENT, note);
    variables.put(SupplierListings.VAR_DECIDED_BY, actor);
    workflowEngine.processEngine().getTaskService().complete(task.getId(), variables);
    return supplier;
  }

  @Override
  public void list(String supplierId, String note, String actor) {
    decided(supplierId, true, note, actor);
  }

  @Override
  public void refuseListing(String supplierId, String note, String actor) {
    decided(supplierId, false, note, actor);
  }

  private void decided(String supplierId, boolean listed, String note, String actor) {
    ComputeSupplier supplier = listingOf(supplierId);
    supplier.decide(listed, Text.atMost(note, SupplierListings.VAR_COMMENT, 1000), actor, clock.instant());
    auditLog.record(actor, listed ? SupplierListings.ACTION_LISTED : SupplierListings.ACTION_REFUSED, Vouchers.SUPPLIER_SUBJECT, supplierId, note);
    tellSupplier(supplier, "listing-" + (listed ? "listed" : "refused") + ":" + supplierId, "decision",
        Map.of("outcomeZh", listed ? "已入库" : "不予入库", "outcomeEn", listed ? "listed in the catalogue" : "refused", "note", note == null ? "" : note), null);
  }

  /** A message about its listing to the supplier's contact (issue 25), in Chinese; the link opens the staff's page. */
  private void tellSupplier(ComputeSupplier supplier, String eventKey, String kind, Map<String, Object> values, Instant deadline) {
    Map<String, Object> model = new HashMap<>(values);
    model.put("subjectTitle", "算力服务商入库申请 Listing application: " + supplier.getName());
    notifier.send(new org.aipo.notification.Message(eventKey, kind,
        org.aipo.notification.Message.Recipient.address(supplier.getContactEmail(), "zh", supplier.getName()), model, deadline, "/portal/#/supplier"));
  }

  @Override
  public void requestCorrection(String supplierId, String note, String actor, Instant due) {
    ComputeSupplier supplier = listingOf(supplierId);
    String shown = note == null || note.isBlank() ? "请联系项目办了解需更正的内容 Ask the programme office what to correct" : note;
    supplier.returnForCorrection(Text.atMost(shown, SupplierListings.VAR_COMMENT, 1000), actor, clock.instant(), due);
    auditLog.record(actor, SupplierListings.ACTION_RETURNED, Vouchers.SUPPLIER_SUBJECT, supplierId, "until " + due + ": " + shown);
    tellSupplier(supplier, "listing-returned:" + supplierId + ":" + due.toEpochMilli(), "correction-request", Map.of("note", shown), due);
  }

  @Override
  public void lapseListing(String supplierId) {
    ComputeSupplier supplier = listingOf(supplierId);
    supplier.lapse(clock.instant());
    auditLog.record("system", SupplierListings.ACTION_LAPSED, Vouchers.SUPPLIER_SUBJECT, supplierId,
        "no correction by " + supplier.getCorrectionDueAt() + ", the application lapsed");
    tellSupplier(supplier, "listing-lapsed:" + supplierId + ":" + supplier.getCorrectionDueAt().toEpochMilli(), "decision",
        Map.of("outcomeZh", "补正期满未更正，申请已失效", "outcomeEn", "not corrected in time; the application lapsed", "note", ""), null);
  }

  private ComputeSupplier listingOf(String supplierId) {
    return supplier(supplierId).orElseThrow(() -> DomainException.notFound("compute-supplier.not-found", null,
        "没有算力服务商 " + supplierId, "no compute supplier " + supplierId));
  }

  /**
   * The supplier's staff correct their returned application (everything but the credit code, which names the
   * supplier): the row, its audit record and the message that takes the process back to the office's review are one
   * transaction. 409 when nothing waits for a correction.
   */
  public ComputeSupplier correctListing(String userId, String name, String legalRepresentative, List<String> shareholders, String contactEmail) {
    ComputeSupplier supplier = ownListing(userId);
    entityManager.lock(supplier, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(supplier);
    supplier.correct(name, legalRepresentative, shareholders, contactEmail, clock.instant());
    org.camunda.bpm.engine.RuntimeService runtime = workflowEngine.processEngine().getRuntimeService();
    if (runtime.createExecutionQuery().processDefinitionKey(SupplierListings.PROCESS_KEY).processInstanceBusinessKey(supplier.getId())
        .activityId(SupplierListings.TASK_AWAIT_CORRECTION).count() == 0) {
      throw DomainException.conflict("compute-supplier.not-returned", null, "没有等待更正的入库申请（补正期限可能已过）",
          "no listing application is waiting for a correction (the window may have ended)");
    }
    auditLog.record(userId, SupplierListings.ACTION_CORRECTED, Vouchers.SUPPLIER_SUBJECT, supplier.getId(), supplier.getName() + ", "
        + supplier.getLegalRepresentative() + ", " + String.join(";", supplier.getShareholders()) + ", " + supplier.getContactEmail());
    runtime.createMessageCorrelation(SupplierListings.MESSAGE_CORRECTED).processInstanceBusinessKey(supplier.getId())
        .setVariable("supplierName", supplier.getName()).setVariable("supplierSummary", supplierSummary(supplier)).correlate();
    return supplier;
  }

  /** The listing application of the supplier the caller is staff of; a user of no supplier is 403. */
  public ComputeSupplier ownListing(String userId) {
    List<ComputeSupplier> own = entityManager.createQuery("select s from ComputeSupplier s where s.accountUserId = :user", ComputeSupplier.class)
        .setParameter("user", userId).getResultList();
    if (own.isEmpty()) {
      throw DomainException.forbidden("compute-supplier.no-account", "用户 " + userId + " 未关联任何算力服务商", "user " + userId + " acts for no compute supplier");
    }
    return own.get(0);
  }

  public List<ComputeSupplier> suppliers(ComputeSupplier.Status status) {
    return entityManager.createQuery("select s from ComputeSupplier s where s.status = :status order by s.name", ComputeSupplier.class)
        .setParameter("status", status).getResultList();
  }
}
