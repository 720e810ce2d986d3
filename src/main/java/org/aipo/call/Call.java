package org.aipo.call;

import org.aipo.common.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.Text;
import org.aipo.expert.Fields;
import org.aipo.review.ReviewCriterion;

/** A call for demonstration projects (揭榜挂帅): fields, window, budget and award limits. */
@Entity
@Table(name = "AIPO_CALL")
@NamedQuery(name = Call.OPEN_AT, query = "select c from Call c where c.opensAt <= :now and c.closesAt > :now order by c.closesAt")
public class Call {

  static final String OPEN_AT = "Call.openAt";

  /** Where the call stands in {@code demonstrationCall}. */
  public enum Stage { SCHEDULED, OPEN, CLOSED, REVIEWING, AWAITING_APPROVAL, IN_NOTICE, AWARDED, NO_ELIGIBLE_PROPOSALS }

  /** Default review criteria (100 points); their order is the tie-break order of the ranking. */
  public static final java.util.List<ReviewCriterion> DEFAULT_CRITERIA = java.util.List.of(
      new ReviewCriterion("innovation", "创新性 Innovation", 30),
      new ReviewCriterion("feasibility", "技术可行性 Technical feasibility", 25),
      new ReviewCriterion("applicationValue", "应用价值与示范效应 Application value", 25),
      new ReviewCriterion("teamAndSupport", "团队与保障 Team and support", 20));

  public static final int DEFAULT_PANEL_SIZE = 5;
  public static final int DEFAULT_PROJECT_MONTHS = 12;
  public static final int DEFAULT_MAX_GROUP_SIZE = 20;
  public static final int DEFAULT_MAX_GROUPS_PER_EXPERT = 2;

  /**
   * How the review groups of one field are merged into the field's ranking (docs/adr/0020): {@code NORMALISED} ranks
   * by the z-score of each aggregated score within its group; {@code RANK_IN_GROUP} by the rank within the group, then
   * the score, then the criteria in order, then submission time.
   */
  public enum MergeRule { NORMALISED, RANK_IN_GROUP }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_CALL_FIELD", joinColumns = @JoinColumn(name = "CALL_ID"))
  @Column(name = "FIELD", length = 64)
  private Set<String> fields = new TreeSet<>();

  @Column(name = "OPENS_AT", nullable = false)
  private Instant opensAt;

  @Column(name = "CLOSES_AT", nullable = false)
  private Instant closesAt;

  @Column(name = "BUDGET", nullable = false, precision = 15, scale = 2)
  private BigDecimal budget;

  @Column(name = "MAX_AWARD", nullable = false, precision = 15, scale = 2)
  private BigDecimal maxAward;

  @Column(name = "AWARD_COUNT", nullable = false)
  private int awardCount;

  @Column(name = "CREATED_BY", nullable = false, length = 64)
  private String createdBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "STAGE", length = 24)
  private Stage stage = Stage.SCHEDULED;

  @Column(name = "PANEL_SIZE")
  private int panelSize = DEFAULT_PANEL_SIZE;

  @Column(name = "PROJECT_MONTHS")
  private int projectMonths = DEFAULT_PROJECT_MONTHS;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_CALL_CRITERION", joinColumns = @JoinColumn(name = "CALL_ID"))
  @OrderColumn(name = "POSITION")
  private java.util.List<ReviewCriterion> criteria = new java.util.ArrayList<>(DEFAULT_CRITERIA);

  @Column(name = "NOTICE_OPENS_AT")
  private Instant noticeOpensAt;

  @Column(name = "NOTICE_CLOSES_AT")
  private Instant noticeClosesAt;

  @Column(name = "NOTICE_ROUND")
  private int noticeRound;

  /** The published scenarios the call answers (揭榜挂帅: scenarios as open challenges), by reference. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_CALL_SCENARIO", joinColumns = @JoinColumn(name = "CALL_ID"))
  @OrderColumn(name = "POSITION")
  @Column(name = "SCENARIO", length = 300)
  private java.util.List<String> scenarios = new java.util.ArrayList<>();

  /** The funding pool the awards are committed against when leadership approves them (none: the call's own budget only). */
  @Column(name = "FUNDING_POOL", length = 64)
  private String fundingPool;

  /** Eligibility: every model a proposal uses must be filed, its number that of a FILED service in the register (issue 24). */
  @Column(name = "REQUIRES_FILED_MODELS", nullable = false)
  private boolean requiresFiledModels;

  /** Eligibility: no failed or overdue acceptance in this many years (0: no such rule). */
  @Column(name = "ADVERSE_ACCEPTANCE_YEARS")
  private Integer adverseAcceptanceYears;

  /** The documents a proposal carries (none stored: {@link DocumentKind#DEFAULTS}). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_CALL_DOCUMENT_KIND", joinColumns = @JoinColumn(name = "CALL_ID"))
  @OrderColumn(name = "POSITION")
  private java.util.List<DocumentKind> documentKinds = new java.util.ArrayList<>();

  /** Grouped review (issue 27): at most this many proposals a review group (null: {@link #DEFAULT_MAX_GROUP_SIZE}). */
  @Column(name = "MAX_GROUP_SIZE")
  private Integer maxGroupSize;

  /** No expert on more than this many groups of the call (null: {@link #DEFAULT_MAX_GROUPS_PER_EXPERT}). */
  @Column(name = "MAX_GROUPS_PER_EXPERT")
  private Integer maxGroupsPerExpert;

  @Enumerated(EnumType.STRING)
  @Column(name = "MERGE_RULE", length = 16)
  private MergeRule mergeRule;

  protected Call() {
    // for JPA
  }

  public Call(String title, Set<String> fields, Instant opensAt, Instant closesAt, BigDecimal budget, BigDecimal maxAward,
      int awardCount, String createdBy) {
    this.id = UUID.randomUUID().toString();
    this.title = Text.required(title, "title", 300);
    if (fields == null || fields.isEmpty()) {
      throw DomainException.badInput("call.fields-required", "fields", "至少须有一个领域", "fields: at least one field is required");
    }
    fields.forEach(f -> {
      if (!Fields.isKnown(f)) {
        throw DomainException.badInput("call.field-unknown", "fields", "未知领域 '" + f + "'", "fields: unknown field '" + f + "'");
      }
    });
    this.fields = new TreeSet<>(fields);
    if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
      throw DomainException.badInput("call.closes-before-opens", "closesAt", "截止时间须晚于开始时间", "closesAt must be after opensAt");
    }
    // whole seconds: the timers that open and close the call keep milliseconds at most
    this.opensAt = opensAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    this.closesAt = closesAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (budget == null || budget.signum() <= 0) {
      throw DomainException.badInput("call.budget", "budget", "预算须为正数（元）", "budget must be a positive amount in yuan");
    }
    if (maxAward == null || maxAward.signum() <= 0 || maxAward.compareTo(budget) > 0) {
      throw DomainException.badInput("call.max-award", "maxAward", "单项资助上限须为正数且不超过预算", "maxAward must be positive and not above the budget");
    }
    if (awardCount < 1) {
      throw DomainException.badInput("call.award-count", "awardCount", "资助项目数至少为 1", "awardCount must be at least 1");
    }
    this.budget = budget;
    this.maxAward = maxAward;
    this.awardCount = awardCount;
    this.createdBy = createdBy;
  }

  /**
   * How proposals are reviewed: panel size (odd, 3 to 15), criteria (weights add up to 100; their order
   * breaks ties in the ranking) and project duration in months (mid-term check at half).
   */
  public Call reviewedBy(Integer panelSize, java.util.List<ReviewCriterion> criteria, Integer projectMonths) {
    if (panelSize != null) {
      if (panelSize < 3 || panelSize > 15 || panelSize % 2 == 0) {
        throw DomainException.badInput("call.panel-size", "panelSize", "评审专家人数须为 3 到 15 之间的奇数", "panelSize must be odd, between 3 and 15");
      }
      this.panelSize = panelSize;
    }
    if (criteria != null) {
      if (criteria.isEmpty() || criteria.size() > org.aipo.review.ReviewRequest.MAX_CRITERIA
          || criteria.stream().mapToInt(ReviewCriterion::getWeight).sum() != 100
          || criteria.stream().map(ReviewCriterion::getCode).distinct().count() != criteria.size()) {
        throw DomainException.badInput("call.criteria", "criteria", "评审指标须为 1 到 " + org.aipo.review.ReviewRequest.MAX_CRITERIA
            + " 项，代码互不相同，权重合计 100", "criteria: 1 to " + org.aipo.review.ReviewRequest.MAX_CRITERIA
            + " criteria with distinct codes whose weights add up to 100");
      }
      this.criteria = new java.util.ArrayList<>(criteria);
    }
    if (projectMonths != null) {
      if (projectMonths < 2 || projectMonths > 60) {
        throw DomainException.badInput("call.project-months", "projectMonths", "项目周期须在 2 到 60 个月之间", "projectMonths must be between 2 and 60");
      }
      this.projectMonths = projectMonths;
    }
    return this;
  }

  /**
   * How the call's review is grouped (分组评审): at most {@code maxGroupSize} proposals a group (2 to 200), an expert on
   * at most {@code maxGroupsPerExpert} groups of the call (1 to 50), and the rule merging groups of a field
   * ({@code NORMALISED} or {@code RANK_IN_GROUP}). Null keeps the default.
   */
  public Call groupedBy(Integer maxGroupSize, Integer maxGroupsPerExpert, String mergeRule) {
    if (maxGroupSize != null) {
      if (maxGroupSize < 2 || maxGroupSize > 200) {
        throw DomainException.badInput("call.max-group-size", "maxGroupSize", "每组项目数上限须在 2 到 200 之间", "maxGroupSize must be between 2 and 200");
      }
      this.maxGroupSize = maxGroupSize;
    }
    if (maxGroupsPerExpert != null) {
      if (maxGroupsPerExpert < 1 || maxGroupsPerExpert > 50) {
        throw DomainException.badInput("call.max-groups-per-expert", "maxGroupsPerExpert", "每位专家参与的评审组数上限须在 1 到 50 之间",
            "maxGroupsPerExpert must be between 1 and 50");
      }
      this.maxGroupsPerExpert = maxGroupsPerExpert;
    }
    if (mergeRule != null) {
      try {
        this.mergeRule = MergeRule.valueOf(mergeRule);
      } catch (IllegalArgumentException e) {
        throw DomainException.badInput("call.merge-rule", "mergeRule", "合并规则须为 NORMALISED（组内标准化）或 RANK_IN_GROUP（组内排名）",
            "mergeRule must be NORMALISED or RANK_IN_GROUP");
      }
    }
    return this;
  }

  public int getMaxGroupSize() {
    return maxGroupSize == null ? DEFAULT_MAX_GROUP_SIZE : maxGroupSize;
  }

  public int getMaxGroupsPerExpert() {
    return maxGroupsPerExpert == null ? DEFAULT_MAX_GROUPS_PER_EXPERT : maxGroupsPerExpert;
  }

  public MergeRule getMergeRule() {
    return mergeRule == null ? MergeRule.NORMALISED : mergeRule;
  }

  /**
   * What the call answers and whom it admits: the scenarios (at most 50, each at most 300 characters) and
   * the years in which a failed or overdue acceptance excludes an applicant (0 to 10, default 3).
   */
  public Call answers(java.util.List<String> scenarioReferences, Integer adverseAcceptanceYears) {
    if (scenarioReferences != null) {
      if (scenarioReferences.size() > 50) {
        throw DomainException.badInput("call.scenarios-too-many", "scenarios", "每个指南最多 50 个场景", "scenarios: at most 50 scenarios per call");
      }
      scenarioReferences.forEach(s -> Text.required(s, "scenarios", 300));
      this.scenarios = new java.util.ArrayList<>(scenarioReferences.stream().map(String::trim).toList());
    }
    if (adverseAcceptanceYears != null) {
      if (adverseAcceptanceYears < 0 || adverseAcceptanceYears > 10) {
        throw DomainException.badInput("call.adverse-acceptance-years", "adverseAcceptanceYears", "验收不良记录年限须在 0 到 10 之间", "adverseAcceptanceYears must be between 0 and 10");
      }
      this.adverseAcceptanceYears = adverseAcceptanceYears;
    }
    return this;
  }

  /**
   * The documents the call asks for, each kind at most once (null: the defaults, 申报书 and 预算表 required).
   * At least one kind is required, so that a formal check always has a document to read.
   */
  public Call asksFor(java.util.List<DocumentKind> kinds) {
    if (kinds == null) {
      return this;
    }
    if (kinds.isEmpty() || kinds.stream().map(DocumentKind::getKind).distinct().count() != kinds.size()) {
      throw DomainException.badInput("call.document-kinds", "documentKinds", "材料类型须至少一种，且每种只出现一次",
          "documentKinds: at least one kind, each kind at most once");
    }
    if (kinds.stream().noneMatch(DocumentKind::isRequired)) {
      throw DomainException.badInput("call.document-required", "documentKinds", "至少须有一种必交材料（通常为申报书）",
          "documentKinds: at least one kind must be required (usually the application document)");
    }
    this.documentKinds = new java.util.ArrayList<>(kinds);
    return this;
  }

  public java.util.List<DocumentKind> getDocumentKinds() {
    return documentKinds == null || documentKinds.isEmpty() ? DocumentKind.DEFAULTS : java.util.List.copyOf(documentKinds);
  }

  /** The call's rules for this kind, or empty when the call does not take it. */
  public java.util.Optional<DocumentKind> documentKind(String kind) {
    return getDocumentKinds().stream().filter(k -> k.getKind().equals(kind)).findFirst();
  }

  public java.util.List<String> getScenarios() {
    return scenarios == null ? java.util.List.of() : java.util.List.copyOf(scenarios);
  }

  public int getAdverseAcceptanceYears() {
    return adverseAcceptanceYears == null ? 3 : adverseAcceptanceYears;
  }

  /** The funding pool the awards draw on (null: none); checked to exist by {@link Calls#open}. */
  public Call drawsOn(String poolCode) {
    this.fundingPool = poolCode;
    return this;
  }

  public String getFundingPool() {
    return fundingPool;
  }

  /** Whether proposals must name filed models only (null: no). */
  public Call requireFiledModels(Boolean required) {
    this.requiresFiledModels = Boolean.TRUE.equals(required);
    return this;
  }

  public boolean isRequiresFiledModels() {
    return requiresFiledModels;
  }

  /** Moves the call to its next stage (the call process decides when). */
  void enter(Stage next) {
    this.stage = next;
  }

  void openNotice(Instant opens, Instant closes) {
    this.noticeOpensAt = opens;
    this.noticeClosesAt = closes;
    this.noticeRound++;
    this.stage = Stage.IN_NOTICE;
  }

  /** Whether an objection may be lodged now: the notice is published and its window has not ended. */
  public boolean isNoticeOpenAt(Instant moment) {
    return stage == Stage.IN_NOTICE && noticeOpensAt != null && !moment.isBefore(noticeOpensAt) && moment.isBefore(noticeClosesAt);
  }

  public Stage getStage() {
    return stage == null ? Stage.SCHEDULED : stage;
  }

  public int getPanelSize() {
    return panelSize == 0 ? DEFAULT_PANEL_SIZE : panelSize;
  }

  public int getProjectMonths() {
    return projectMonths == 0 ? DEFAULT_PROJECT_MONTHS : projectMonths;
  }

  public java.util.List<ReviewCriterion> getCriteria() {
    return criteria == null || criteria.isEmpty() ? DEFAULT_CRITERIA : java.util.List.copyOf(criteria);
  }

  public Instant getNoticeOpensAt() {
    return noticeOpensAt;
  }

  public Instant getNoticeClosesAt() {
    return noticeClosesAt;
  }

  public int getNoticeRound() {
    return noticeRound;
  }

  /** Open by its dates, unless its process already closed it (a timer fired, or was fired early by an administrator). */
  public boolean isOpenAt(Instant moment) {
    boolean notClosed = stage == null || stage == Stage.SCHEDULED || stage == Stage.OPEN;
    return notClosed && !moment.isBefore(opensAt) && moment.isBefore(closesAt);
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Set<String> getFields() {
    return Set.copyOf(fields);
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public BigDecimal getBudget() {
    return budget;
  }

  public BigDecimal getMaxAward() {
    return maxAward;
  }

  public int getAwardCount() {
    return awardCount;
  }
}
