package org.aipo.transparency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.common.DomainException;
import org.aipo.expert.Expert;
import org.aipo.expert.ExpertPool;
import org.aipo.expert.Fields;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;
import org.aipo.review.Assignment;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;
import org.aipo.review.ScoreAggregation;

/**
 * The evaluation summary report (评审意见汇总表) of one proposal, made from the records alone: the call, the
 * proposal, the review's panel and aggregation rule, each expert's points per criterion with total and
 * comments, the aggregated score against the pass score, the committee's opinion, the rank and the award.
 * Officials and auditors read the experts' names; the applicant's copy calls them 专家 A, B, C… and holds no
 * name and no id of an expert or official.
 */
@ApplicationScoped
@Transactional
public class EvaluationReports {

  public static final String TITLE = "示范项目评审意见汇总表";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

  /** Statuses at which the applicant may read the review: its outcome is published with the notice. */
  static final Set<Proposal.Status> PUBLISHED = EnumSet.of(Proposal.Status.PROPOSED, Proposal.Status.NOT_SELECTED,
      Proposal.Status.EXCLUDED, Proposal.Status.AWARDED, Proposal.Status.ACCEPTED, Proposal.Status.ACCEPTANCE_FAILED,
      Proposal.Status.ACCEPTANCE_OVERDUE);

  @Inject
  Proposals proposals;

  @Inject
  Calls calls;

  @Inject
  ReviewService reviews;

  @Inject
  ExpertPool experts;

  /** The officials' and auditors' copy, experts named; 404 for an unknown proposal, 409 before the committee's opinion. */
  public ReportDocument forOfficials(String proposalId) {
    Proposal proposal = proposals.byId(proposalId).orElseThrow(() -> DomainException.notFound("proposal.not-found", "id",
        "没有编号为 " + proposalId + " 的申报", "id: no proposal " + proposalId));
    return report(proposal, names());
  }

  /** The applicant's copy: its own proposal only (else 404), once the outcome is published (else 409). */
  public ReportDocument forApplicant(String proposalId, String organisationId) {
    Proposal proposal = proposals.own(proposalId, organisationId);
    if (!PUBLISHED.contains(proposal.getStatus())) {
      throw DomainException.conflict("report.not-published", null,
          "评审结果尚未公布（状态 " + proposal.getStatus() + "），评审意见汇总表在公示时提供。",
          "the review's outcome is not published yet (status " + proposal.getStatus() + "); the evaluation summary is available with the notice.");
    }
    return report(proposal, null);
  }

  /** Every expert's name by expert id. */
  Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (Expert expert : experts.all()) {
      names.put(expert.getId(), expert.getName());
    }
    return names;
  }

  ReportDocument report(Proposal proposal, Map<String, String> expertNames) {
    if (proposal.getReviewRequestId() == null) {
      throw DomainException.conflict("report.not-reviewed", null, "该申报未经专家评审，没有评审意见汇总表。",
          "the proposal was not reviewed by experts; it has no evaluation summary.");
    }
    ReviewRequest review = reviews.find(proposal.getReviewRequestId());
    ReviewItem item = review.getItems().stream().filter(i -> i.getReference().equals(proposal.getId())).findFirst()
        .orElseThrow(() -> DomainException.conflict("report.not-reviewed", null, "该申报未经专家评审。", "the proposal was not reviewed."));
    ItemOutcome outcome = review.getOutcomes().stream().filter(o -> o.getItemId().equals(item.getId()) && o.isDecided()).findFirst()
        .orElseThrow(() -> DomainException.conflict("report.no-outcome", null, "评审尚无委员会意见，暂不能出具评审意见汇总表。",
            "the review has no committee opinion yet; the evaluation summary cannot be made."));
    return report(proposal, calls.found(proposal.getCallId()), proposals.applicant(proposal.getId()), review, item, outcome, expertNames);
  }

  static ReportDocument report(Proposal proposal, Call call, String applicant, ReviewRequest review, ReviewItem item, ItemOutcome outcome,
      Map<String, String> expertNames) {
    boolean named = expertNames != null;
    ReportDocument report = new ReportDocument(TITLE + " Evaluation summary report");
    report.paragraph(named ? "官方版（专家实名）Officials' and auditors' copy: experts named"
        : "申报单位版（专家匿名）Applicant's copy: experts anonymised");
    report.field("申报指南 Call", call.getTitle());
    report.field("申报编号 Proposal reference", proposal.getId());
    report.field("项目名称 Title", proposal.content().title());
    report.field("申报单位 Applicant", applicant);
    report.field("领域 Field", Fields.name(proposal.content().field()));
    report.field("提交时间 Submitted", when(proposal.getSubmittedAt()));

    report.heading("评审 Review");
    List<ReviewCriterion> criteria = review.getCriteria();
    List<Assignment> scored = review.getAssignments().stream()
        .filter(a -> a.getItemId().equals(item.getId()) && a.getStatus() == Assignment.Status.SCORED)
        .sorted(Comparator.comparingInt(Assignment::getSeatNo)).toList();
    report.field("评审名称 Review", review.getTitle());
    report.field("专家组人数 Panel size", review.getPanelSize() + " 人 experts");
    report.field("专家抽取时间 Panel drawn", when(review.getDrawnAt()));
    report.field("汇总规则 Aggregation rule", aggregationRule(review, outcome));
    report.field("及格分 Pass score", review.getPassScore());

    report.heading("评分指标 Criteria");
    Map<String, BigDecimal> means = outcome.criterionMeanMap();
    List<List<String>> criterionRows = new ArrayList<>();
    for (ReviewCriterion criterion : criteria) {
      BigDecimal mean = means.get(criterion.getCode());
      criterionRows.add(List.of(criterion.getCode(), criterion.getName(), String.valueOf(criterion.getWeight()),
          mean == null ? "不适用 n/a" : mean.toPlainString()));
    }
    report.table(List.of("代码 Code", "指标 Criterion", "权重 Weight", "平均分 Mean"), criterionRows);

    report.heading("专家评分 Scores by expert");
    List<String> header = new ArrayList<>();
    header.add("专家 Expert");
    criteria.forEach(c -> header.add(c.getCode() + " (" + c.getWeight() + ")"));
    header.add("总分 Total (0-100)");
    List<List<String>> rows = new ArrayList<>();
    List<ScoreAggregation.Criterion> weighted = criteria.stream().map(c -> new ScoreAggregation.Criterion(c.getCode(), c.getWeight())).toList();
    Map<Assignment, String> who = new LinkedHashMap<>();
    int n = 0;
    for (Assignment assignment : scored) {
      String name = named ? expertNames.getOrDefault(assignment.getExpertId(), "?") + "（" + assignment.getExpertId() + "）"
          : "专家 " + letter(n) + " Expert " + letter(n);
      who.put(assignment, name);
      List<String> row = new ArrayList<>();
      row.add(name);
      Map<String, Integer> points = new LinkedHashMap<>();
      for (ReviewCriterion criterion : criteria) {
        Assignment.CriterionScore score = assignment.getScores().get(criterion.getCode());
        Integer given = score == null ? null : score.getPoints();
        points.put(criterion.getCode(), given);
        row.add(given == null ? "不适用 n/a" : given.toString());
      }
      row.add(BigDecimal.valueOf(ScoreAggregation.total(weighted, new ScoreAggregation.ExpertScore(assignment.getExpertId(), points)))
          .setScale(2, RoundingMode.HALF_UP).toPlainString());
      rows.add(row);
      n++;
    }
    report.table(header, rows);

    report.heading("专家评语 Comments");
    for (Map.Entry<Assignment, String> entry : who.entrySet()) {
      for (ReviewCriterion criterion : criteria) {
        Assignment.CriterionScore score = entry.getKey().getScores().get(criterion.getCode());
        if (score != null && score.getComment() != null) {
          report.paragraph(entry.getValue() + " · " + criterion.getName() + " (" + criterion.getCode() + ")：" + score.getComment());
        }
      }
    }

    report.heading("评审结论 Committee result");
    report.field("综合得分 Aggregated score", outcome.getScore().toPlainString());
    report.field("有效评分 Scores counted", outcome.getScoreCount() + (outcome.isTrimmed() ? "（去掉最高分和最低分各一）highest and lowest dropped" : ""));
    report.field("分差 Spread", outcome.getSpread().toPlainString() + (outcome.isDiverges() ? "，意见分歧 diverging" : "，无分歧 not diverging"));
    boolean passes = outcome.getScore().doubleValue() >= review.getPassScore();
    report.field("及格判定 Pass score decision", passes ? "达到及格分 " + review.getPassScore() + "，通过 Passed"
        : "低于及格分 " + review.getPassScore() + "，未通过 Failed");
    report.field("委员会推荐 Recommendation", outcome.getRecommendation() == ItemOutcome.Recommendation.RECOMMENDED
        ? "建议通过 Recommended" : "不予推荐 Not recommended");
    report.field("委员会意见 Committee opinion", outcome.getOpinion());
    if (outcome.getReasons() != null && !outcome.getReasons().isBlank()) {
      report.field("理由 Reasons", outcome.getReasons());
    }
    report.field("意见确认时间 Opinion confirmed", when(outcome.getDecidedAt()));
    if (named) {
      report.field("确认人 Confirmed by", outcome.getDecidedBy());
    }

    report.heading("遴选结果 Selection");
    report.field("状态 Status", proposal.getStatus().name());
    if (review.getDrawBatch() != null) {
      report.field("评审组 Review group", "第 " + review.getDrawBatchOrder() + " 组 group " + review.getDrawBatchOrder() + "（" + review.getTitle() + "）");
    }
    report.field("分组合并规则 Merge rule", mergeRule(call.getMergeRule()));
    report.field("领域内排名 Rank in field", proposal.getRankInField() == null ? "未排名 not ranked" : proposal.getRankInField());
    report.field("拟资助金额 Award (yuan)", proposal.getAward() == null ? "0" : proposal.getAward().setScale(0, RoundingMode.HALF_UP).toPlainString());
    report.field("结果说明 Outcome", proposal.getOutcomeReason());
    report.paragraph("本表根据系统记录生成 Made from the records at " + when(Instant.now()) + "（北京时间 China time）");
    return report;
  }

  /** How the review groups of a field are merged into its ranking (docs/adr/0020), in words (zh and en). */
  static String mergeRule(Call.MergeRule rule) {
    return rule == Call.MergeRule.RANK_IN_GROUP
        ? "组内排名合并：先比组内名次，再比综合得分、各指标（按顺序）、提交时间。RANK_IN_GROUP: rank within the group first, then the score, "
            + "the criteria in order, submission time."
        : "组内标准化合并：以综合得分在本组内的标准分（z 分数）排序，综合得分本身不变。NORMALISED: ordered by the score's z-score within "
            + "its group; the score itself is unchanged.";
  }

  /** The rule ScoreAggregation applied, in words (zh and en). */
  static String aggregationRule(ReviewRequest review, ItemOutcome outcome) {
    String mean = outcome.isTrimmed()
        ? "截尾平均：有效评分 " + outcome.getScoreCount() + " 份（不少于 " + review.getTrimFrom() + " 份），去掉一个最高分和一个最低分后取算术平均。"
            + "Trimmed mean: " + outcome.getScoreCount() + " scores (at least " + review.getTrimFrom() + "), the highest and the lowest dropped, the rest averaged."
        : "算术平均：有效评分 " + outcome.getScoreCount() + " 份（少于 " + review.getTrimFrom() + " 份，不去极值）。"
            + "Plain mean of " + outcome.getScoreCount() + " scores (fewer than " + review.getTrimFrom() + ", none dropped).";
    return mean + " 每位专家的总分按其认为适用的指标折算为百分制，不适用不计为零；分差超过 "
        + BigDecimal.valueOf(review.getDivergenceThreshold()).stripTrailingZeros().toPlainString() + " 分为意见分歧。"
        + "Each expert's total is scaled to 100 over the criteria they found applicable (not applicable is never zero); scores diverge when the spread exceeds "
        + BigDecimal.valueOf(review.getDivergenceThreshold()).stripTrailingZeros().toPlainString() + " points.";
  }

  static String letter(int n) {
    return n < 26 ? String.valueOf((char) ('A' + n)) : letter(n / 26 - 1) + (char) ('A' + n % 26);
  }

  static String when(Instant instant) {
    return instant == null ? "—" : WHEN.format(instant);
  }
}
