package org.aipo.proposal;

import org.aipo.common.DomainException;

import org.aipo.call.Call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aipo.common.Text;

/**
 * An applicant's proposal to a call. Drafts may be incomplete and are saved as often as needed; text is
 * stored exactly as typed (shown escaped, never interpreted).
 */
@Entity
@Table(name = "AIPO_PROPOSAL")
@NamedQuery(name = Proposal.OF_ORGANISATION,
    query = "select p from Proposal p where p.organisationId = :organisation order by p.updatedAt desc, p.id")
@NamedQuery(name = Proposal.OF_CALL, query = "select p from Proposal p where p.callId = :call order by p.submittedAt, p.id")
public class Proposal {

  static final String OF_ORGANISATION = "Proposal.ofOrganisation";
  static final String OF_CALL = "Proposal.ofCall";

  /**
   * DRAFT → SUBMITTED → (RETURNED → SUBMITTED) → ELIGIBLE | INELIGIBLE; after the close ELIGIBLE →
   * UNDER_REVIEW → REVIEWED; with the notice PROPOSED (proposed awardee) or NOT_SELECTED; then AWARDED
   * → ACCEPTED | ACCEPTANCE_FAILED | ACCEPTANCE_OVERDUE.
   */
  public enum Status { DRAFT, SUBMITTED, RETURNED, ELIGIBLE, INELIGIBLE, UNDER_REVIEW, REVIEWED, PROPOSED, NOT_SELECTED,
    EXCLUDED, AWARDED, ACCEPTED, ACCEPTANCE_FAILED, ACCEPTANCE_OVERDUE }

  /** The programme office's formal check (形式审查). */
  public enum FormalCheck { ELIGIBLE, CORRECTION, INELIGIBLE }

  /** The editable content of a proposal, checked field by field. */
  public record Content(String title, String field, String summary, String technicalApproach, String models,
      String dataSources, BigDecimal budget, BigDecimal coFunding, String expectedOutcomes, String team) {

    public Content {
      title = Text.required(title, "title", 300);
      Text.atMost(summary, "summary", 4000);
      Text.atMost(technicalApproach, "technicalApproach", 20000);
      Text.atMost(models, "models", 2000);
      Text.atMost(dataSources, "dataSources", 4000);
      Text.atMost(expectedOutcomes, "expectedOutcomes", 8000);
      Text.atMost(team, "team", 4000);
      if (budget != null && budget.signum() < 0) {
        throw DomainException.badInput("amount.negative", "budget", "申请经费不能为负数", "budget must not be negative");
      }
      if (coFunding != null && coFunding.signum() < 0) {
        throw DomainException.badInput("amount.negative", "coFunding", "自筹经费不能为负数", "coFunding must not be negative");
      }
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "CALL_ID", nullable = false, length = 36)
  private String callId;

  @Column(name = "ORGANISATION_ID", nullable = false, length = 36)
  private String organisationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status = Status.DRAFT;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @Column(name = "FIELD", length = 64)
  private String field;

  @Column(name = "SUMMARY", length = 4000)
  private String summary;

  @Lob
  @Column(name = "TECHNICAL_APPROACH")
  private String technicalApproach;

  /** The filing numbers of the models the proposal uses, ';'-separated (a call may require them filed, issue 24). */
  @Column(name = "MODEL_FILING_NUMBERS", length = 1000)
  private String modelFilingNumbers;

  @Column(name = "MODELS", length = 2000)
  private String models;

  @Column(name = "DATA_SOURCES", length = 4000)
  private String dataSources;

  @Column(name = "BUDGET", precision = 15, scale = 2)
  private BigDecimal budget;

  @Column(name = "CO_FUNDING", precision = 15, scale = 2)
  private BigDecimal coFunding;

  @Lob
  @Column(name = "EXPECTED_OUTCOMES")
  private String expectedOutcomes;

  @Column(name = "TEAM", length = 4000)
  private String team;

  @Column(name = "CREATED_BY", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "SUBMITTED_AT")
  private Instant submittedAt;

  @Column(name = "CHECK_REASONS", length = 2000)
  private String checkReasons;

  @Column(name = "UPDATED_AT", nullable = false)
  private Instant updatedAt;

  @Column(name = "REVIEW_REQUEST_ID", length = 36)
  private String reviewRequestId;

  @Column(name = "SCORE", precision = 6, scale = 2)
  private BigDecimal score;

  @Column(name = "RANK_IN_FIELD")
  private Integer rankInField;

  @Column(name = "AWARD", precision = 15, scale = 2)
  private BigDecimal award;

  @Column(name = "OUTCOME_REASON", length = 2000)
  private String outcomeReason;

  @Column(name = "MID_TERM_RESULT", length = 32)
  private String midTermResult;

  @Column(name = "BENCHMARK")
  private boolean benchmark;

  /** Issue 27 (V14): the {@link Particulars}, each list as JSON text, null for none (older proposals have none). */
  @Lob
  @Column(name = "CO_APPLICANTS")
  private String coApplicants;

  @Lob
  @Column(name = "SCENARIOS")
  private String scenarios;

  @Lob
  @Column(name = "EXCLUSIONS")
  private String exclusions;

  @Lob
  @Column(name = "INDICATORS")
  private String indicators;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Proposal() {
    // for JPA
  }

  Proposal(Call call, String organisationId, Content content, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.callId = call.getId();
    this.organisationId = organisationId;
    this.createdBy = createdBy;
    apply(call, content, now);
  }

  void update(Call call, Content content, Instant now) {
    if (status != Status.DRAFT) {
      throw DomainException.conflict("proposal.not-draft", null, "只有草稿可以修改，本申报当前状态为 " + status,
          "only a draft can be changed; this proposal is " + status);
    }
    apply(call, content, now);
  }

  /** Submits a complete draft; a second submit of the same proposal changes nothing (returns false). */
  boolean submit(Call call, Instant now) {
    if (status == Status.SUBMITTED) {
      return false;
    }
    if (status != Status.DRAFT) {
      throw DomainException.conflict("proposal.already-submitted", null, "本申报当前状态为 " + status + "，不能再次提交",
          "this proposal is " + status + " and cannot be submitted again");
    }
    checkSubmittable(call, now);
    status = Status.SUBMITTED;
    submittedAt = now;
    return true;
  }

  /** What a submission needs of the proposal itself: the call open now, every required value given. */
  void checkSubmittable(Call call, Instant now) {
    if (!call.isOpenAt(now)) {
      throw now.isBefore(call.getOpensAt())
          ? DomainException.conflict("call.not-open-yet", null, "申报尚未开始（开始时间 " + call.getOpensAt() + "）",
              "the call opens at " + call.getOpensAt() + "; proposals cannot be submitted yet")
          : DomainException.conflict("call.closed", null, "申报已截止（截止时间 " + call.getClosesAt() + "），不能再提交",
              "the call is closed (closing date " + call.getClosesAt() + "); proposals can no longer be submitted");
    }
    requireComplete(call);
  }

  private void requireComplete(Call call) {
    Content c = content();
    Text.required(c.field(), "field", 64);
    Text.required(c.summary(), "summary", 4000);
    Text.required(c.technicalApproach(), "technicalApproach", 20000);
    Text.required(c.expectedOutcomes(), "expectedOutcomes", 8000);
    Text.required(c.team(), "team", 4000);
    if (c.budget() == null || c.budget().signum() <= 0) {
      throw DomainException.badInput("text.required", "budget", "提交前须填写申请经费", "budget is required before submitting");
    }
    // after the texts and the budget, so that an empty draft is told about its first field as before
    particulars().requireComplete();
  }

  /** Records the formal check: eligible, returned for correction, or ineligible, with reasons. */
  void formalCheck(FormalCheck outcome, String reasons) {
    if (status != Status.SUBMITTED) {
      throw DomainException.conflict("proposal.not-submitted", null, "只有已提交的申报才能形式审查，本申报当前状态为 " + status,
          "only a submitted proposal is checked; this one is " + status);
    }
    if (outcome != FormalCheck.ELIGIBLE) {
      Text.required(reasons, "reasons", 2000);
    }
    checkReasons = Text.atMost(reasons, "reasons", 2000);
    status = switch (outcome) {
      case ELIGIBLE -> Status.ELIGIBLE;
      case CORRECTION -> Status.RETURNED;
      case INELIGIBLE -> Status.INELIGIBLE;
    };
  }

  /** The applicant's correction: the content changes and the proposal goes back to the formal check. */
  void correct(Call call, Content content, Instant now) {
    if (status != Status.RETURNED) {
      throw DomainException.conflict("proposal.no-correction-requested", null, "未要求补正，本申报当前状态为 " + status,
          "no correction was requested; this proposal is " + status);
    }
    apply(call, content, now);
    requireComplete(call);
    status = Status.SUBMITTED;
  }

  /** No correction within the window: ineligible, with that reason. */
  void withdrawUncorrected() {
    if (status != Status.RETURNED) {
      throw DomainException.conflict("proposal.no-correction-pending", null, "没有待补正的内容，本申报当前状态为 " + status,
          "no correction was pending; this proposal is " + status);
    }
    status = Status.INELIGIBLE;
    checkReasons = "未在规定期限内补正，按不符合条件处理。No correction within the correction window. (" + checkReasons + ")";
  }

  /** Sent to expert review (again, after an upheld objection). */
  void underReview(String reviewRequestId) {
    if (status != Status.ELIGIBLE && status != Status.UNDER_REVIEW) {
      throw DomainException.conflict("proposal.not-eligible", null, "只有形式审查合格的申报才能进入评审，本申报当前状态为 " + status,
          "only an eligible proposal goes to review; this one is " + status);
    }
    this.reviewRequestId = reviewRequestId;
    this.status = Status.UNDER_REVIEW;
    this.score = null;
    this.rankInField = null;
    this.award = BigDecimal.ZERO;
  }

  /** An upheld objection during the notice sends the proposal back to review. */
  void backToReview(String reason) {
    requireStatus(Status.PROPOSED, Status.NOT_SELECTED, Status.REVIEWED, Status.ELIGIBLE);
    this.status = Status.ELIGIBLE;
    this.outcomeReason = reason;
  }

  /** The ranking's result: the score, rank in its field, award (zero when not funded) and why. */
  void ranked(BigDecimal score, Integer rankInField, BigDecimal award, String reason) {
    requireStatus(Status.UNDER_REVIEW, Status.REVIEWED);
    this.status = Status.REVIEWED;
    this.score = score;
    this.rankInField = rankInField;
    this.award = award;
    this.outcomeReason = reason;
  }

  /** Published in the notice: proposed awardee, or not selected. */
  void published() {
    requireStatus(Status.REVIEWED);
    this.status = award != null && award.signum() > 0 ? Status.PROPOSED : Status.NOT_SELECTED;
  }

  /** Taken out of the list after an upheld objection, with the reason. */
  void excluded(String reason) {
    requireStatus(Status.PROPOSED, Status.REVIEWED, Status.NOT_SELECTED);
    this.status = Status.EXCLUDED;
    this.award = BigDecimal.ZERO;
    this.rankInField = null;
    this.outcomeReason = Text.required(reason, "answer", 2000);
  }

  /** After a notice that changed the list: ranked again with the rest. */
  void reopenForRanking() {
    if (status == Status.PROPOSED || status == Status.NOT_SELECTED) {
      status = Status.REVIEWED;
    }
  }

  /** The subsidy asked for: the budget less the applicant's co-funding. */
  public BigDecimal requested() {
    BigDecimal total = budget == null ? BigDecimal.ZERO : budget;
    return coFunding == null ? total : total.subtract(coFunding).max(BigDecimal.ZERO);
  }

  void awarded() {
    requireStatus(Status.PROPOSED);
    this.status = Status.AWARDED;
  }

  void midTerm(String result) {
    requireStatus(Status.AWARDED);
    this.midTermResult = result;
  }

  void accepted(AcceptanceRecord.Outcome outcome) {
    requireStatus(Status.AWARDED);
    this.status = switch (outcome) {
      case PASSED -> Status.ACCEPTED;
      case FAILED -> Status.ACCEPTANCE_FAILED;
      case OVERDUE -> Status.ACCEPTANCE_OVERDUE;
    };
  }

  void designateBenchmark(boolean designated) {
    requireStatus(Status.ACCEPTED);
    this.benchmark = designated;
  }

  private void requireStatus(Status... allowed) {
    for (Status s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw DomainException.conflict("proposal.wrong-status", null, "本申报当前状态为 " + status + "，此操作要求状态为 " + java.util.Arrays.toString(allowed),
        "this proposal is " + status + "; expected " + java.util.Arrays.toString(allowed));
  }

  public String getReviewRequestId() {
    return reviewRequestId;
  }

  public BigDecimal getScore() {
    return score;
  }

  public Integer getRankInField() {
    return rankInField;
  }

  public BigDecimal getAward() {
    return award;
  }

  public String getOutcomeReason() {
    return outcomeReason;
  }

  public String getMidTermResult() {
    return midTermResult;
  }

  public boolean isBenchmark() {
    return benchmark;
  }

  public String getCheckReasons() {
    return checkReasons;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  private void apply(Call call, Content content, Instant now) {
    if (content.field() != null && !call.getFields().contains(content.field())) {
      throw DomainException.badInput("proposal.field-not-in-call", "field", "领域须为本次征集的领域之一 " + call.getFields(),
          "field must be one of the call's fields " + call.getFields());
    }
    this.title = content.title();
    this.field = content.field();
    this.summary = content.summary();
    this.technicalApproach = content.technicalApproach();
    this.models = content.models();
    this.dataSources = content.dataSources();
    this.budget = content.budget();
    this.coFunding = content.coFunding();
    this.expectedOutcomes = content.expectedOutcomes();
    this.team = content.team();
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getCallId() {
    return callId;
  }

  public String getOrganisationId() {
    return organisationId;
  }

  public Status getStatus() {
    return status;
  }

  /** The numbers as given (checked for form by the caller); null keeps the current ones. */
  void declareModelFilingNumbers(java.util.List<String> numbers) {
    if (numbers != null) {
      this.modelFilingNumbers = numbers.isEmpty() ? null : String.join(";", numbers);
    }
  }

  /** The particulars as checked by {@link Particulars#check}; null keeps the current ones. Only while editable. */
  void declareParticulars(Particulars particulars) {
    if (particulars != null) {
      this.coApplicants = Particulars.coApplicantsJson(particulars.coApplicants());
      this.scenarios = Particulars.scenariosJson(particulars.scenarios());
      this.exclusions = Particulars.exclusionsJson(particulars.exclusions());
      this.indicators = Particulars.indicatorsJson(particulars.indicators());
    }
  }

  /** Co-applicants, scenarios, exclusions and indicators (all empty for a proposal from before issue 27). */
  public Particulars particulars() {
    return new Particulars(Particulars.coApplicantsOf(coApplicants), Particulars.scenariosOf(scenarios),
        Particulars.exclusionsOf(exclusions), Particulars.indicatorsOf(indicators));
  }

  public java.util.List<String> getModelFilingNumbers() {
    return modelFilingNumbers == null || modelFilingNumbers.isEmpty() ? java.util.List.of() : java.util.List.of(modelFilingNumbers.split(";"));
  }

  public Content content() {
    return new Content(title, field, summary, technicalApproach, models, dataSources, budget, coFunding, expectedOutcomes, team);
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
