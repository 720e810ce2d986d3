package org.aipo.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.common.DomainException;
import org.aipo.console.ConsoleViews.CallOverview;
import org.aipo.console.ConsoleViews.ProposalRow;
import org.aipo.proposal.Proposal;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.camunda.bpm.engine.task.Task;

/**
 * A call at a glance for officials (issue 28): every proposal with its status, field, formal-check result, score,
 * rank and the open task, filtered and sorted; and the same rows, or the ranking with the mean score per criterion,
 * as a {@link Sheet} to download. Reads only (other capabilities' entities through their getters).
 */
@ApplicationScoped
@Transactional
public class CallOverviews {

  /** How the rows may be sorted: {@code sort=rank|score|title|organisation|status|submittedAt|field}. */
  static final Map<String, Comparator<ProposalRow>> SORTS = Map.of(
      "rank", Comparator.comparing(ProposalRow::field, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ProposalRow::rankInField, Comparator.nullsLast(Comparator.naturalOrder())),
      "score", Comparator.comparing(ProposalRow::score, Comparator.nullsLast(Comparator.reverseOrder())),
      "title", Comparator.comparing(ProposalRow::title, Comparator.nullsLast(Comparator.naturalOrder())),
      "organisation", Comparator.comparing(ProposalRow::organisation, Comparator.nullsLast(Comparator.naturalOrder())),
      "status", Comparator.comparing(ProposalRow::status),
      "field", Comparator.comparing(ProposalRow::field, Comparator.nullsLast(Comparator.naturalOrder())),
      "submittedAt", Comparator.comparing(ProposalRow::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())));

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  OpenTasks openTasks;

  /** The filter of a listing; null values filter nothing. */
  public record Filter(String status, String field, String formalCheck, Boolean openTask, String q, String sort, String order) {
  }

  public CallOverview overview(String callId, Filter filter) {
    Call call = calls.found(callId);
    List<ProposalRow> all = rows(callId);
    Map<String, Long> byStatus = new TreeMap<>();
    all.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
    return new CallOverview(callId, call.getTitle(), all.size(), byStatus, filter(all, filter));
  }

  static List<ProposalRow> filter(List<ProposalRow> all, Filter filter) {
    String status = Listings.upper(filter.status(), "status", java.util.Arrays.stream(Proposal.Status.values()).map(Enum::name).toList());
    String check = Listings.upper(filter.formalCheck(), "formalCheck", List.of("PENDING", "ELIGIBLE", "CORRECTION", "INELIGIBLE"));
    String q = Listings.query(filter.q());
    Comparator<ProposalRow> sort = Listings.sort(SORTS, filter.sort(), filter.order(), "submittedAt");
    return all.stream()
        .filter(r -> status == null || status.equals(r.status()))
        .filter(r -> filter.field() == null || filter.field().isBlank() || filter.field().equals(r.field()))
        .filter(r -> check == null || check.equals(r.formalCheck()))
        .filter(r -> filter.openTask() == null || filter.openTask() == (r.taskId() != null))
        .filter(r -> Listings.matches(q, r.title(), r.organisation(), r.id()))
        .sorted(sort.thenComparing(ProposalRow::id))
        .toList();
  }

  /** Every proposal of the call (drafts left out: nobody official has anything to do with them yet). */
  List<ProposalRow> rows(String callId) {
    List<Proposal> proposals = entityManager.createQuery("select p from Proposal p where p.callId = :call order by p.submittedAt, p.id", Proposal.class).setParameter("call", callId).getResultList()
        .stream().filter(p -> p.getStatus() != Proposal.Status.DRAFT).toList();
    Map<String, Task> tasks = openTasks.first(proposals.stream().map(Proposal::getId).toList());
    Map<String, String> organisations = new HashMap<>();
    List<ProposalRow> rows = new ArrayList<>();
    for (Proposal p : proposals) {
      String organisation = organisations.computeIfAbsent(p.getOrganisationId(), id -> {
        Organisation o = entityManager.find(Organisation.class, id);
        return o == null ? null : o.getName();
      });
      Task task = tasks.get(p.getId());
      Proposal.Content content = p.content();
      rows.add(new ProposalRow(p.getId(), content.title(), organisation, content.field(), p.getStatus().name(), formalCheck(p.getStatus()),
          p.getScore(), p.getRankInField(), p.getAward(), content.budget(), p.getSubmittedAt(),
          task == null ? null : task.getId(), task == null ? null : task.getName(), task == null ? null : task.getTaskDefinitionKey(),
          task == null ? null : task.getAssignee(), OpenTasks.link(task)));
    }
    return rows;
  }

  static String formalCheck(Proposal.Status status) {
    return switch (status) {
      case DRAFT -> null;
      case SUBMITTED -> "PENDING";
      case RETURNED -> "CORRECTION";
      case INELIGIBLE, EXCLUDED -> "INELIGIBLE";
      default -> "ELIGIBLE";
    };
  }

  static final List<String> PROPOSAL_HEADERS = List.of("申报书编号 (ID)", "项目名称 (Title)", "申报单位 (Applicant)", "领域 (Field)", "状态 (Status)",
      "形式审查 (Formal check)", "申请经费（元） (Budget, CNY)", "评审得分 (Score)", "领域内排名 (Rank in field)", "拟资助金额（元） (Award, CNY)",
      "提交时间 (Submitted)", "待办任务 (Open task)", "办理人 (Assignee)");

  /** The call's proposals, as listed (same filter and sort), as a sheet. */
  public Sheet proposalSheet(String callId, Filter filter) {
    CallOverview overview = overview(callId, filter);
    List<List<Object>> rows = overview.proposals().stream().map(r -> List.<Object>of(r.id(), nz(r.title()), nz(r.organisation()), nz(r.field()),
        r.status(), nz(r.formalCheck()), nz(r.budget()), nz(r.score()), nz(r.rankInField()), nz(r.award()),
        r.submittedAt() == null ? "" : r.submittedAt().toString(), nz(r.taskName()), nz(r.taskAssignee()))).toList();
    return new Sheet("申报书 Proposals", PROPOSAL_HEADERS, rows);
  }

  /**
   * The ranking: the reviewed proposals by field and rank, with the committee's mean points per criterion (the
   * call's criteria, named in the header with their weights) and the total score.
   */
  public Sheet rankingSheet(String callId) {
    Call call = calls.found(callId);
    List<ReviewCriterion> criteria = call.getCriteria();
    List<String> headers = new ArrayList<>(List.of("领域 (Field)", "领域内排名 (Rank in field)", "申报书编号 (ID)", "项目名称 (Title)", "申报单位 (Applicant)"));
    criteria.forEach(c -> headers.add(c.getName() + "（" + c.getWeight() + "%） (" + c.getCode() + ")"));
    headers.addAll(List.of("总分 (Score)", "状态 (Status)", "拟资助金额（元） (Award, CNY)"));
    List<ProposalRow> ranked = rows(callId).stream().filter(r -> r.score() != null || r.rankInField() != null)
        .sorted(SORTS.get("rank").thenComparing(ProposalRow::id)).toList();
    Map<String, Map<String, BigDecimal>> means = criterionMeans(ranked.stream().map(ProposalRow::id).toList());
    List<List<Object>> rows = new ArrayList<>();
    for (ProposalRow r : ranked) {
      List<Object> row = new ArrayList<>(List.of(nz(r.field()), nz(r.rankInField()), r.id(), nz(r.title()), nz(r.organisation())));
      Map<String, BigDecimal> of = means.getOrDefault(r.id(), Map.of());
      criteria.forEach(c -> row.add(nz(of.get(c.getCode()))));
      row.add(nz(r.score()));
      row.add(r.status());
      row.add(nz(r.award()));
      rows.add(row);
    }
    return new Sheet("排名 Ranking", headers, rows);
  }

  /** The committee's mean points per criterion of each proposal (its review item's outcome), by proposal id. */
  Map<String, Map<String, BigDecimal>> criterionMeans(List<String> proposalIds) {
    Map<String, Map<String, BigDecimal>> means = new LinkedHashMap<>();
    Map<String, ReviewRequest> requests = new HashMap<>();
    for (String id : proposalIds) {
      Proposal proposal = entityManager.find(Proposal.class, id);
      String requestId = proposal.getReviewRequestId();
      if (requestId == null) {
        continue;
      }
      ReviewRequest request = requests.computeIfAbsent(requestId, rid -> entityManager.find(ReviewRequest.class, rid));
      if (request == null) {
        continue;
      }
      Map<String, String> itemOf = new HashMap<>();
      for (ReviewItem item : request.getItems()) {
        itemOf.put(item.getId(), item.getReference());
      }
      for (ItemOutcome outcome : request.getOutcomes()) {
        if (id.equals(itemOf.get(outcome.getItemId()))) {
          means.put(id, outcome.criterionMeanMap());
        }
      }
    }
    return means;
  }

  private static Object nz(Object value) {
    return value == null ? "" : value;
  }
}
