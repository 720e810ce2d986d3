package org.aipo.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.common.DomainException;
import org.aipo.console.RoundViews.CampaignOverview;
import org.aipo.console.RoundViews.InspectionRow;
import org.aipo.console.RoundViews.OpenTaskView;
import org.aipo.console.RoundViews.RoundChoice;
import org.aipo.console.RoundViews.Rounds;
import org.aipo.console.RoundViews.ScenarioItem;
import org.aipo.console.RoundViews.ScenarioRoundOverview;
import org.aipo.console.RoundViews.VoucherApplication;
import org.aipo.console.RoundViews.VoucherRoundOverview;
import org.aipo.scenario.Scenario;
import org.aipo.scenario.ScenarioRound;
import org.aipo.scenario.ScenarioRounds;
import org.aipo.supervision.SpotCheckCampaign;
import org.aipo.supervision.SpotCheckInspection;
import org.aipo.supervision.SpotChecks;
import org.aipo.voucher.ComputeSupplier;
import org.aipo.voucher.LedgerEntry;
import org.aipo.voucher.PoolBook;
import org.aipo.voucher.Voucher;
import org.aipo.voucher.VoucherRound;
import org.aipo.voucher.VoucherService;
import org.camunda.bpm.engine.task.Task;

/**
 * A scenario round, a voucher round and a spot-check campaign at a glance for officials (issue 28), as the call
 * overview ({@link CallOverviews}) shows a call: every item with its status, figures and open task (with its Tasklist
 * link), filtered by status and text and sorted; and a campaign's results as a {@link Sheet}. Reads only, through the
 * owners' services and their entities' getters.
 */
@ApplicationScoped
@Transactional
public class RoundOverviews {

  static final int RECENT = 50;

  static final Map<String, Comparator<ScenarioItem>> SCENARIO_SORTS = Map.of(
      "number", Comparator.comparing(ScenarioItem::label, Comparator.comparingInt(RoundOverviews::labelNumber)),
      "title", Comparator.comparing(ScenarioItem::title, Comparator.nullsLast(Comparator.naturalOrder())),
      "status", Comparator.comparing(ScenarioItem::status),
      "field", Comparator.comparing(ScenarioItem::field, Comparator.nullsLast(Comparator.naturalOrder())),
      "riskTier", Comparator.comparing(ScenarioItem::riskTier, Comparator.nullsLast(Comparator.comparingInt(RoundOverviews::tierRank))),
      "unit", Comparator.comparing(ScenarioItem::nominatingUnitName, Comparator.nullsLast(Comparator.naturalOrder())),
      "nominatedAt", Comparator.comparing(ScenarioItem::nominatedAt, Comparator.nullsLast(Comparator.naturalOrder())));

  static final Map<String, Comparator<VoucherApplication>> VOUCHER_SORTS = Map.of(
      "appliedAt", Comparator.comparing(VoucherApplication::appliedAt, Comparator.nullsLast(Comparator.naturalOrder())),
      "firm", Comparator.comparing(VoucherApplication::firm, Comparator.nullsLast(Comparator.naturalOrder())),
      "amountAsked", Comparator.comparing(VoucherApplication::amountAsked, Comparator.nullsLast(Comparator.reverseOrder())),
      "amountApproved", Comparator.comparing(VoucherApplication::amountApproved, Comparator.nullsLast(Comparator.reverseOrder())),
      "status", Comparator.comparing(VoucherApplication::status),
      "number", Comparator.comparing(VoucherApplication::number, Comparator.nullsLast(Comparator.naturalOrder())));

  static final Map<String, Comparator<InspectionRow>> INSPECTION_SORTS = Map.of(
      "tier", Comparator.comparing(InspectionRow::tier, Comparator.comparingInt(RoundOverviews::tierRank))
          .thenComparing(InspectionRow::serviceName, Comparator.nullsLast(Comparator.naturalOrder())),
      "service", Comparator.comparing(InspectionRow::serviceName, Comparator.nullsLast(Comparator.naturalOrder())),
      "firm", Comparator.comparing(InspectionRow::organisationName, Comparator.nullsLast(Comparator.naturalOrder())),
      "status", Comparator.comparing(InspectionRow::status),
      "result", Comparator.comparing(InspectionRow::result, Comparator.nullsLast(Comparator.naturalOrder())),
      "inspectedAt", Comparator.comparing(InspectionRow::inspectedAt, Comparator.nullsLast(Comparator.naturalOrder())));

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  ScenarioRounds scenarioRounds;

  @Inject
  VoucherService vouchers;

  @Inject
  SpotChecks spotChecks;

  @Inject
  OpenTasks openTasks;

  /** The filter of an overview; null values filter nothing. */
  public record Filter(String status, String q, String sort, String order) {
  }

  /** The recent scenario rounds, voucher rounds and campaigns, newest first. */
  public Rounds rounds() {
    return new Rounds(
        scenarioRounds.all().stream().limit(RECENT).map(r -> new RoundChoice("scenario-round", r.getId(), r.getTheme(), r.getStage().name(), r.getStartedAt())).toList(),
        vouchers.rounds().stream().limit(RECENT).map(r -> new RoundChoice("voucher-round", r.getId(), r.getName(), r.getStatus().name(), r.getOpenedAt())).toList(),
        spotChecks.campaigns().stream().limit(RECENT).map(c -> new RoundChoice("spot-check-campaign", c.getId(), c.getName(), null, c.getStartedAt())).toList());
  }

  // ---- scenario rounds

  public ScenarioRoundOverview scenarioRound(String roundId, Filter filter) {
    String status = Listings.upper(filter.status(), "status", names(Scenario.Status.values()));
    String q = Listings.query(filter.q());
    Comparator<ScenarioItem> sort = Listings.sort(SCENARIO_SORTS, filter.sort(), filter.order(), "number");
    ScenarioRound round = found(ScenarioRound.class, roundId, "没有场景征集轮次 ", "no scenario round ");
    List<Task> tasks = openTasks.all(List.of(roundId)).getOrDefault(roundId, List.of());
    // the task that decides about the nominations (consolidation, approval, an objection); a unit's own nomination task does not
    Task deciding = tasks.stream().filter(t -> !"userTask_nominateScenarios".equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
    UnaryOperator<String> unitNames = scenarioRounds.unitNames();
    List<ScenarioItem> all = new ArrayList<>();
    for (Scenario s : scenarioRounds.scenarios(roundId)) {
      all.add(new ScenarioItem(s.getId(), s.getLabel(), s.getCode(), s.getTitle(), s.getField(), s.getDemandOwner(), s.getNominatedBy(),
          unitNames.apply(s.getNominatedBy()), s.getStatus().name(), s.getMergedInto() == null ? null : "N" + s.getMergedInto(), s.getReason(),
          s.getRiskTier(), s.getSupervisionMode(), s.getReviewScore(), s.getNominatedAt(),
          deciding == null ? null : deciding.getId(), deciding == null ? null : deciding.getName(), deciding == null ? null : deciding.getTaskDefinitionKey(),
          deciding == null ? null : deciding.getAssignee(), OpenTasks.link(deciding)));
    }
    List<ScenarioItem> shown = all.stream().filter(i -> status == null || status.equals(i.status()))
        .filter(i -> Listings.matches(q, i.title(), i.label(), i.code(), i.demandOwner(), i.nominatingUnit(), i.nominatingUnitName(), i.field()))
        .sorted(sort.thenComparing(ScenarioItem::id)).toList();
    return new ScenarioRoundOverview(round.getId(), round.getTheme(), round.getStage().name(), all.size(), counts(all, ScenarioItem::status),
        tasks.stream().map(t -> new OpenTaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), OpenTasks.link(t))).toList(), shown);
  }

  // ---- voucher rounds

  public VoucherRoundOverview voucherRound(String roundId, Filter filter) {
    String status = Listings.upper(filter.status(), "status", names(Voucher.Status.values()));
    String q = Listings.query(filter.q());
    Comparator<VoucherApplication> sort = Listings.sort(VOUCHER_SORTS, filter.sort(), filter.order(), "appliedAt");
    VoucherRound round = found(VoucherRound.class, roundId, "没有算力券批次 ", "no voucher round ");
    List<LedgerEntry> ledger = vouchers.ledger(roundId);
    Map<String, BigDecimal[]> perVoucher = new HashMap<>();
    for (LedgerEntry entry : ledger) {
      if (entry.getVoucherId() == null) {
        continue;
      }
      // reserved, paid, returned: the ledger books what leaves the pool as negative amounts
      BigDecimal[] figures = perVoucher.computeIfAbsent(entry.getVoucherId(), id -> new BigDecimal[3]);
      int at = switch (entry.getKind()) {
        case RESERVE -> 0;
        case PAYMENT -> 1;
        case RELEASE, LAPSE -> 2;
        default -> -1;
      };
      if (at >= 0) {
        BigDecimal amount = at == 2 ? entry.getAmount() : entry.getAmount().negate();
        figures[at] = figures[at] == null ? amount : figures[at].add(amount);
      }
    }
    List<Voucher> applications = vouchers.vouchersOfRound(roundId);
    Map<String, Task> tasks = openTasks.first(applications.stream().map(Voucher::getId).toList());
    Map<String, String> firms = new HashMap<>();
    Map<String, String> suppliers = new HashMap<>();
    List<VoucherApplication> all = new ArrayList<>();
    for (Voucher v : applications) {
      String firm = firms.computeIfAbsent(v.getOrganisationId(), id -> {
        Organisation o = entityManager.find(Organisation.class, id);
        return o == null ? id : o.getName();
      });
      String supplier = suppliers.computeIfAbsent(v.getSupplierId(), id -> {
        ComputeSupplier s = entityManager.find(ComputeSupplier.class, id);
        return s == null ? id : s.getName();
      });
      BigDecimal[] figures = perVoucher.getOrDefault(v.getId(), new BigDecimal[3]);
      Task task = tasks.get(v.getId());
      all.add(new VoucherApplication(v.getId(), v.getNumber(), firm, v.getOrganisationId(), supplier, v.getUse() == null ? null : v.getUse().name(),
          v.getAmount(), figures[0], figures[1], figures[2], v.getStatus().name(), v.getAppliedAt(), v.getExpiresAt(),
          task == null ? null : task.getId(), task == null ? null : task.getName(), task == null ? null : task.getTaskDefinitionKey(),
          task == null ? null : task.getAssignee(), OpenTasks.link(task)));
    }
    List<VoucherApplication> shown = all.stream().filter(a -> status == null || status.equals(a.status()))
        .filter(a -> Listings.matches(q, a.firm(), a.number(), a.supplier(), a.id()))
        .sorted(sort.thenComparing(VoucherApplication::id)).toList();
    PoolBook book = PoolBook.of(ledger);
    return new VoucherRoundOverview(round.getId(), round.getName(), round.getProgramme().name(), round.getStatus().name(), round.getPoolTotal(),
        book.balance(), book.reserved(), book.issuedCount(), book.paidAmount(), book.lapsedAmount(), all.size(), counts(all, VoucherApplication::status), shown);
  }

  // ---- spot-check campaigns

  public CampaignOverview campaign(String campaignId, Filter filter) {
    String status = Listings.upper(filter.status(), "status", names(SpotCheckInspection.Status.values()));
    String q = Listings.query(filter.q());
    Comparator<InspectionRow> sort = Listings.sort(INSPECTION_SORTS, filter.sort(), filter.order(), "tier");
    SpotCheckCampaign campaign = found(SpotCheckCampaign.class, campaignId, "没有抽查活动 ", "no spot-check campaign ");
    List<SpotCheckInspection> inspections = spotChecks.inspectionsOf(campaignId);
    Map<String, Task> tasks = openTasks.first(inspections.stream().map(SpotCheckInspection::getId).toList());
    List<InspectionRow> all = new ArrayList<>();
    for (SpotCheckInspection i : inspections) {
      Task task = tasks.get(i.getId());
      all.add(new InspectionRow(i.getId(), i.getServiceId(), i.getServiceName(), i.getOrganisationName(), i.getTier().name(), i.getInspectors(),
          i.getStatus().name(), i.getResult() == null ? null : i.getResult().name(), i.getFindings(), i.getInspectedBy(), i.getInspectedAt(),
          i.getRectificationDue(), i.isRectificationLate(), i.getPublishedAt(),
          task == null ? null : task.getId(), task == null ? null : task.getName(), task == null ? null : task.getTaskDefinitionKey(),
          task == null ? null : task.getAssignee(), OpenTasks.link(task)));
    }
    List<InspectionRow> shown = all.stream().filter(r -> status == null || status.equals(r.status()))
        .filter(r -> Listings.matches(q, r.serviceName(), r.organisationName(), r.findings(), r.id(), String.join(" ", r.inspectors())))
        .sorted(sort.thenComparing(InspectionRow::id)).toList();
    Map<String, Long> byResult = new TreeMap<>();
    all.forEach(r -> byResult.merge(r.result() == null ? "PENDING" : r.result(), 1L, Long::sum));
    return new CampaignOverview(campaign.getId(), campaign.getName(), campaign.getStartedAt(), all.size(), counts(all, InspectionRow::status), byResult,
        shown);
  }

  static final List<String> CAMPAIGN_HEADERS = List.of("序号 (No.)", "服务名称 (Service)", "服务编号 (Service id)", "企业 (Firm)", "风险等级 (Tier)",
      "检查人员 (Inspectors)", "状态 (Status)", "检查结论 (Result)", "发现的问题 (Findings)", "检查人 (Inspected by)", "检查时间 (Inspected at)",
      "整改期限 (Rectification due)", "整改逾期 (Rectification late)", "公示时间 (Published at)");

  /** A campaign's results, as listed (same filter and sort), as a sheet. */
  public Sheet campaignSheet(String campaignId, Filter filter) {
    CampaignOverview overview = campaign(campaignId, filter);
    List<List<Object>> rows = new ArrayList<>();
    int n = 0;
    for (InspectionRow r : overview.inspections()) {
      rows.add(List.of(++n, nz(r.serviceName()), r.serviceId(), nz(r.organisationName()), r.tier(), String.join("、", r.inspectors()), r.status(),
          nz(r.result()), nz(r.findings()), nz(r.inspectedBy()), nz(r.inspectedAt()), nz(r.rectificationDue()), r.rectificationLate() ? "是 yes" : "否 no",
          nz(r.publishedAt())));
    }
    return new Sheet("抽查结果 Results", CAMPAIGN_HEADERS, rows);
  }

  private <E> E found(Class<E> type, String id, String zh, String en) {
    E entity = id == null || id.isBlank() || id.length() > 36 ? null : entityManager.find(type, id);
    if (entity == null) {
      throw DomainException.notFound("console.not-found", "id", zh + id, en + id);
    }
    return entity;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static <R> Map<String, Long> counts(List<R> rows, Function<R, String> status) {
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge(status.apply(r), 1L, Long::sum));
    return counts;
  }

  static int tierRank(String tier) {
    return switch (tier == null ? "" : tier.toLowerCase(java.util.Locale.ROOT)) {
      case "high" -> 0;
      case "medium" -> 1;
      case "low" -> 2;
      default -> 3;
    };
  }

  static int labelNumber(String label) {
    try {
      return Integer.parseInt(label.substring(1));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static Object nz(Object value) {
    return value == null ? "" : value.toString();
  }
}
