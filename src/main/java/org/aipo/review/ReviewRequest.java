package org.aipo.review;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.aipo.common.Text;
import org.aipo.expert.Fields;

/**
 * A request for expert-committee review (专家委员会评审) and everything that happens to it: the draw with
 * its seed and pool snapshot, the seats and their invitations, each expert's conflict declaration and
 * scores per item, and the committee's outcome per item. The rules of docs/domain.md, process 3, live here;
 * {@link ReviewService} loads, calls and stores.
 */
@Entity
@Table(name = "AIPO_REVIEW_REQUEST")
public class ReviewRequest {

  public static final int MAX_CRITERIA = 6;
  public static final int MAX_EXCLUSIONS_PER_ITEM = 3;

  public enum Status { OPEN, DRAWN, AGGREGATED, COMPLETED }

  @Embeddable
  public static class DrawCandidate {

    @Column(name = "EXPERT_ID", nullable = false, length = 36)
    private String expertId;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", nullable = false, length = 16)
    private ExpertDraw.Outcome outcome;

    @Column(name = "DRAW_POSITION", nullable = false)
    private int position;

    @Column(name = "REASON", length = 500)
    private String reason;

    protected DrawCandidate() {
      // for JPA
    }

    DrawCandidate(ExpertDraw.Candidate candidate) {
      this.expertId = candidate.expertId();
      this.outcome = candidate.outcome();
      this.position = candidate.position();
      this.reason = candidate.reason();
    }

    public String getExpertId() {
      return expertId;
    }

    public ExpertDraw.Outcome getOutcome() {
      return outcome;
    }

    public int getPosition() {
      return position;
    }

    public String getReason() {
      return reason;
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @Column(name = "FIELD", nullable = false, length = 64)
  private String field;

  @Column(name = "PANEL_SIZE", nullable = false)
  private int panelSize;

  @Column(name = "RESERVES", nullable = false)
  private int reserves;

  @Column(name = "SCORING_DAYS", nullable = false)
  private int scoringDays;

  @Column(name = "PASS_SCORE", nullable = false)
  private int passScore;

  @Column(name = "TRIM_FROM", nullable = false)
  private int trimFrom = ScoreAggregation.DEFAULT_TRIM_FROM;

  @Column(name = "DIVERGENCE", nullable = false)
  private double divergenceThreshold = ScoreAggregation.DEFAULT_DIVERGENCE;

  @Column(name = "CHAIR_USER_ID", length = 64)
  private String chairUserId;

  @Column(name = "CREATED_BY", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status = Status.OPEN;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_CRITERION", joinColumns = @JoinColumn(name = "REQUEST_ID"))
  @OrderColumn(name = "POSITION")
  private List<ReviewCriterion> criteria = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<ReviewItem> items = new ArrayList<>();

  @Column(name = "DRAW_SEED")
  private Long drawSeed;

  @Lob
  @Column(name = "POOL_SNAPSHOT")
  private String poolSnapshot;

  @Column(name = "DRAWN_AT")
  private Instant drawnAt;

  /** Grouped review (docs/adr/0020): the call-level draw this request was drawn in as one group (null: a draw of its own). */
  @Column(name = "DRAW_BATCH", length = 80)
  private String drawBatch;

  @Column(name = "DRAW_BATCH_ORDER")
  private Integer drawBatchOrder;

  @Column(name = "BATCH_SEED")
  private Long batchSeed;

  @Column(name = "GROUP_CAP")
  private Integer groupCap;

  /** The experts of the field set aside because they were already on the call's maximum of groups (comma-separated). */
  @Lob
  @Column(name = "CAP_EXCLUDED")
  private String capExcluded;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_DRAW_CANDIDATE", joinColumns = @JoinColumn(name = "REQUEST_ID"))
  @OrderColumn(name = "POSITION_IN_LIST")
  private List<DrawCandidate> drawCandidates = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("seatNo")
  private List<Seat> seats = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  private List<Assignment> assignments = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  private List<ItemOutcome> outcomes = new ArrayList<>();

  protected ReviewRequest() {
    // for JPA
  }

  public ReviewRequest(String title, String field, int panelSize, int reserves, int scoringDays, int passScore,
      List<ReviewCriterion> criteria, String chairUserId, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.title = Text.required(title, "title", 300);
    if (!Fields.isKnown(field)) {
      throw DomainException.badInput("review.field-unknown", "field", "未知领域 '" + field + "'", "field: unknown field '" + field + "'");
    }
    this.field = field;
    ExpertDraw.validate(panelSize, reserves, Integer.MAX_VALUE);
    this.panelSize = panelSize;
    this.reserves = reserves;
    if (scoringDays < 3 || scoringDays > 60) {
      throw DomainException.badInput("review.scoring-days", "scoringDays", "评分期须为 3 至 60 个工作日", "scoringDays must be between 3 and 60 working days");
    }
    this.scoringDays = scoringDays;
    if (passScore < 0 || passScore > 100) {
      throw DomainException.badInput("review.pass-score", "passScore", "及格分须在 0 至 100 之间", "passScore must be between 0 and 100");
    }
    this.passScore = passScore;
    if (criteria == null || criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
      throw DomainException.badInput("review.criteria-count", "criteria", "评分指标须为 1 至 " + MAX_CRITERIA + " 项", "criteria: between 1 and " + MAX_CRITERIA + " criteria are required");
    }
    if (criteria.stream().mapToInt(ReviewCriterion::getWeight).sum() != 100) {
      throw DomainException.badInput("review.criteria-weights", "criteria", "各指标权重之和须为 100 分", "criteria: the weights must add up to 100 points");
    }
    if (criteria.stream().map(ReviewCriterion::getCode).distinct().count() != criteria.size()) {
      throw DomainException.badInput("review.criteria-duplicate", "criteria", "指标代码不得重复", "criteria: codes must be distinct");
    }
    this.criteria = new ArrayList<>(criteria);
    this.chairUserId = chairUserId;
    this.createdBy = Text.required(createdBy, "createdBy", 64);
    this.createdAt = now;
  }

  /**
   * The aggregation rule: trimmed mean from {@code trimFrom} scores (at least 3; plain mean below), and
   * divergence when the spread exceeds {@code divergenceThreshold} points (1 to 100).
   */
  public ReviewRequest aggregation(int trimFrom, double divergenceThreshold) {
    requireStatus(Status.OPEN, "change its aggregation rule");
    if (trimFrom < 3 || trimFrom > 99) {
      throw DomainException.badInput("review.trim-from", "trimFrom", "去极值起点须为 3 至 99 份评分", "trimFrom must be between 3 and 99 scores");
    }
    if (divergenceThreshold < 1 || divergenceThreshold > 100) {
      throw DomainException.badInput("review.divergence-threshold", "divergenceThreshold", "分歧阈值须在 1 至 100 分之间", "divergenceThreshold must be between 1 and 100 points");
    }
    this.trimFrom = trimFrom;
    this.divergenceThreshold = divergenceThreshold;
    return this;
  }

  public ReviewItem addItem(String reference, String title, String applicantOrganisation, Set<String> coApplicants,
      Map<String, String> exclusions) {
    return addItem(reference, title, applicantOrganisation, coApplicants, exclusions, MAX_EXCLUSIONS_PER_ITEM);
  }

  /**
   * An item whose exclusions were limited where they were asked for: a proposal's exclusion of a whole organisation
   * names every expert of it (issue 27), so the cap on expert ids is the caller's.
   */
  public ReviewItem addItem(String reference, String title, String applicantOrganisation, Set<String> coApplicants,
      Map<String, String> exclusions, int maxExclusions) {
    requireStatus(Status.OPEN, "take new items");
    ReviewItem item = new ReviewItem(this, items.size() + 1, reference, title, applicantOrganisation, coApplicants,
        exclusions, maxExclusions);
    items.add(item);
    return item;
  }

  private void requireStatus(Status expected, String action) {
    if (status != expected) {
      throw DomainException.conflict("review.wrong-status", null, "评审 " + id + " 当前状态为 " + status + "，不能执行此操作", "review " + id + " is " + status + " and cannot " + action);
    }
  }

  /** Avoidance over every item of the request: the panel serves them all. */
  public Avoidance avoidance() {
    Set<String> applicants = new HashSet<>();
    Set<String> coApplicants = new HashSet<>();
    Map<String, String> excluded = new java.util.HashMap<>();
    for (ReviewItem item : items) {
      applicants.add(item.getApplicantOrganisation());
      coApplicants.addAll(item.getCoApplicantOrganisations());
      item.getExclusions().forEach((expert, reason) -> excluded.merge(expert, item.getReference() + ": " + reason, (a, b) -> a + "; " + b));
    }
    return new Avoidance(applicants, coApplicants, Set.of(), excluded);
  }

  /** Draws the panel and reserves; seats the drawn experts (invited) and leaves the rest to the secretariat. */
  public ExpertDraw.Result draw(List<PoolMember> pool, long seed, Instant now) {
    requireStatus(Status.OPEN, "be drawn");
    if (items.isEmpty()) {
      throw DomainException.conflict("review.no-items", null, "评审 " + id + " 没有待评审的项目", "review " + id + " has no items to review");
    }
    ExpertDraw.Result result = ExpertDraw.draw(pool, field, avoidance(), panelSize, reserves, seed);
    drawSeed = seed;
    poolSnapshot = snapshot(pool.stream().filter(m -> m.fields().contains(field)).toList());
    drawnAt = now;
    result.candidates().forEach(c -> drawCandidates.add(new DrawCandidate(c)));
    List<String> panel = result.panel();
    for (int seatNo = 1; seatNo <= panelSize; seatNo++) {
      Seat seat = new Seat(this, seatNo);
      if (seatNo <= panel.size()) {
        seat.invite(panel.get(seatNo - 1), now);
      }
      seats.add(seat);
    }
    status = Status.DRAWN;
    return result;
  }

  /**
   * Records this request's share of a call-level draw (grouped review): the group's draw as {@link GroupDraw} made it,
   * seats the panel as {@link #draw} does, and keeps the batch, its order and seed, the cap and the capped experts.
   */
  public ExpertDraw.Result drawnInBatch(List<PoolMember> pool, GroupDraw.Drawn drawn, String batch, int order, long callSeed, int cap,
      Instant now) {
    requireStatus(Status.OPEN, "be drawn");
    if (items.isEmpty()) {
      throw DomainException.conflict("review.no-items", null, "评审 " + id + " 没有待评审的项目", "review " + id + " has no items to review");
    }
    ExpertDraw.Result result = drawn.result();
    drawSeed = drawn.seed();
    poolSnapshot = snapshot(pool.stream().filter(m -> m.fields().contains(field)).toList());
    drawnAt = now;
    drawBatch = batch;
    drawBatchOrder = order;
    batchSeed = callSeed;
    groupCap = cap;
    capExcluded = String.join(",", new java.util.TreeSet<>(drawn.capped()));
    result.candidates().forEach(c -> drawCandidates.add(new DrawCandidate(c)));
    List<String> panel = result.panel();
    for (int seatNo = 1; seatNo <= panelSize; seatNo++) {
      Seat seat = new Seat(this, seatNo);
      if (seatNo <= panel.size()) {
        seat.invite(panel.get(seatNo - 1), now);
      }
      seats.add(seat);
    }
    status = Status.DRAWN;
    return result;
  }

  /** The experts the call's cap on groups kept out of this group's draw (empty for a draw of its own). */
  public Set<String> getCapExcluded() {
    return capExcluded == null || capExcluded.isBlank() ? Set.of() : Set.of(capExcluded.split(","));
  }

  public String getDrawBatch() {
    return drawBatch;
  }

  public Integer getDrawBatchOrder() {
    return drawBatchOrder;
  }

  public Long getBatchSeed() {
    return batchSeed;
  }

  public Integer getGroupCap() {
    return groupCap;
  }

  /** Replays the stored draw from its seed and pool snapshot (for audit). */
  public ExpertDraw.Result replayDraw() {
    if (drawSeed == null) {
      throw DomainException.conflict("review.not-drawn", null, "评审 " + id + " 尚未抽取专家", "review " + id + " has not been drawn");
    }
    return ExpertDraw.draw(readSnapshot(poolSnapshot), field, avoidance(), getCapExcluded(), panelSize, reserves, drawSeed);
  }

  /** Experts already seated, invited or assigned anywhere in this review. */
  private Set<String> involvedExperts() {
    Set<String> involved = new HashSet<>();
    for (Seat seat : seats) {
      seat.getInvitations().forEach(i -> involved.add(i.getExpertId()));
    }
    assignments.forEach(a -> {
      if (a.getExpertId() != null) {
        involved.add(a.getExpertId());
      }
    });
    return involved;
  }

  private Optional<String> nextReserve() {
    Set<String> involved = involvedExperts();
    return drawCandidates.stream().filter(c -> c.getOutcome() == ExpertDraw.Outcome.RESERVE)
        .sorted(Comparator.comparingInt(DrawCandidate::getPosition))
        .map(DrawCandidate::getExpertId).filter(e -> !involved.contains(e)).findFirst();
  }

  public Seat seat(String seatId) {
    return seats.stream().filter(s -> s.getId().equals(seatId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("review.seat-not-found", "seatId", "评审 " + id + " 中没有席位 " + seatId, "seatId: no seat " + seatId + " in review " + id));
  }

  /** The expert's answer to the seat's invitation; a decline passes the seat to the next reserve. */
  public void answer(String seatId, String expertId, boolean accepted, String reason, Instant now) {
    Seat seat = seat(seatId);
    if (seat.getExpertId() == null || !seat.getExpertId().equals(expertId)) {
      throw DomainException.forbidden("review.not-invited", "席位 " + seat.getSeatNo() + " 的邀请不是发给您的", "the invitation of seat " + seat.getSeatNo() + " is not addressed to this expert");
    }
    if (!accepted && (reason == null || reason.isBlank())) {
      throw DomainException.badInput("review.decline-reason", "declineReason", "请说明谢绝理由", "declineReason: please give a reason for declining");
    }
    seat.answer(accepted ? Seat.InvitationStatus.ACCEPTED : Seat.InvitationStatus.DECLINED, reason, now);
    if (accepted) {
      items.forEach(item -> assignments.add(new Assignment(this, seat.getSeatNo(), item.getId(), expertId)));
    } else {
      nextReserve().ifPresent(reserve -> seat.invite(reserve, now));
    }
  }

  /** No answer in time: like a decline, with that reason. */
  public void expire(String seatId, Instant now) {
    Seat seat = seat(seatId);
    seat.answer(Seat.InvitationStatus.EXPIRED, "no answer within the deadline 逾期未答复", now);
    nextReserve().ifPresent(reserve -> seat.invite(reserve, now));
  }

  /** The secretariat seats an expert by hand: checked against avoidance and the rest of the panel. */
  public void appoint(String seatId, PoolMember expert, Instant now) {
    Seat seat = seat(seatId);
    if (seat.getExpertId() != null) {
      throw DomainException.conflict("review.seat-taken", null, "席位 " + seat.getSeatNo() + " 已有专家", "seat " + seat.getSeatNo() + " already has an expert");
    }
    checkAppointable(expert, null);
    seat.invite(expert.expertId(), now);
  }

  private void checkAppointable(PoolMember expert, String itemId) {
    if (!expert.fields().contains(field)) {
      throw DomainException.badInput("review.expert-field", "expertUserId", "该专家不属于领域 " + field, "expertUserId: the expert does not work in the field " + field);
    }
    Optional<String> avoid = avoidance().reasonFor(expert);
    if (avoid.isPresent()) {
      throw DomainException.badInput("review.expert-avoided", "expertUserId", "该专家须回避：" + avoid.get(), "expertUserId: the expert must be avoided: " + avoid.get());
    }
    if (getCapExcluded().contains(expert.expertId())) {
      throw DomainException.badInput("review.expert-capped", "expertUserId", "该专家已达本次征集评审组数上限",
          "expertUserId: the expert already sits on the maximum number of review groups of this call");
    }
    if (involvedExperts().contains(expert.expertId())) {
      throw DomainException.badInput("review.expert-involved", "expertUserId", "该专家已在本次评审中或已谢绝", "expertUserId: the expert is already on this review or has declined it");
    }
  }

  /** The assignment now working on this item for this seat (latest, not recused or replaced). */
  public Optional<Assignment> currentAssignment(String seatId, String itemId) {
    int seatNo = seat(seatId).getSeatNo();
    List<Assignment> matching = assignments.stream()
        .filter(a -> a.getSeatNo() == seatNo && a.getItemId().equals(itemId)).toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1))
        .filter(a -> a.getStatus() != Assignment.Status.RECUSED && a.getStatus() != Assignment.Status.REPLACED);
  }

  private Assignment requireAssignment(String seatId, String itemId, String expertId) {
    Assignment assignment = currentAssignment(seatId, itemId)
        .orElseThrow(() -> DomainException.conflict("review.item-unassigned", null, "该席位上没有专家负责此项目", "no expert is assigned to this item on this seat"));
    if (assignment.getExpertId() == null || !assignment.getExpertId().equals(expertId)) {
      throw DomainException.forbidden("review.item-not-yours", "该席位上的此项目未分配给您", "this item is not assigned to this expert on this seat");
    }
    return assignment;
  }

  /** Declares (no) conflict; a conflict recuses the expert from the item and seats a reserve for it. */
  public void declare(String seatId, String itemId, String expertId, boolean conflict, String reason, Instant now) {
    Assignment assignment = requireAssignment(seatId, itemId, expertId);
    assignment.declare(conflict, reason, now);
    if (conflict) {
      assignments.add(new Assignment(this, assignment.getSeatNo(), itemId, nextReserve().orElse(null)));
    }
  }

  /** The secretariat names the expert for an item whose seat ran out of reserves. */
  public void appointForItem(String seatId, String itemId, PoolMember expert) {
    int seatNo = seat(seatId).getSeatNo();
    Assignment open = assignments.stream()
        .filter(a -> a.getSeatNo() == seatNo && a.getItemId().equals(itemId) && a.getExpertId() == null
            && a.getStatus() == Assignment.Status.DECLARING)
        .findFirst().orElseThrow(() -> DomainException.conflict("review.item-assigned", null, "该席位上此项目已有专家", "this item has an expert on this seat"));
    checkAppointable(expert, itemId);
    assignments.remove(open);
    assignments.add(new Assignment(this, seatNo, itemId, expert.expertId()));
  }

  /** Stores one expert's independent scores for one item. */
  public void score(String seatId, String itemId, String expertId, Map<String, Assignment.CriterionScore> given, Instant now) {
    Assignment assignment = requireAssignment(seatId, itemId, expertId);
    Map<String, Integer> points = new java.util.LinkedHashMap<>();
    for (ReviewCriterion criterion : criteria) {
      Assignment.CriterionScore score = given.get(criterion.getCode());
      if (score == null) {
        throw DomainException.badInput("review.score-missing", null, "指标 " + criterion.getCode() + " 未评分，也未标为不适用", "criterion " + criterion.getCode() + " has no score and is not marked not applicable");
      }
      Text.required(score.getComment(), "comment of criterion " + criterion.getCode(), 2000);
      points.put(criterion.getCode(), score.getPoints());
    }
    ScoreAggregation.validate(criteria.stream().map(ReviewCriterion::toCriterion).toList(),
        new ScoreAggregation.ExpertScore(expertId, points));
    assignment.score(given, now);
  }

  /** The secretariat replaces an expert who did not score in time. */
  public void replaceLate(String seatId, String itemId) {
    Assignment assignment = currentAssignment(seatId, itemId)
        .orElseThrow(() -> DomainException.conflict("review.item-unassigned", null, "该席位上没有专家负责此项目", "no expert is assigned to this item on this seat"));
    assignment.replace();
    assignments.add(new Assignment(this, assignment.getSeatNo(), itemId, nextReserve().orElse(null)));
  }

  /** Aggregates every item's scores into an outcome awaiting the chair's opinion. */
  public List<ItemOutcome> aggregate() {
    requireStatus(Status.DRAWN, "be aggregated");
    List<ScoreAggregation.Criterion> weighted = criteria.stream().map(ReviewCriterion::toCriterion).toList();
    for (ReviewItem item : items) {
      List<ScoreAggregation.ExpertScore> scores = new ArrayList<>();
      for (Assignment assignment : assignments) {
        if (assignment.getItemId().equals(item.getId()) && assignment.getStatus() == Assignment.Status.SCORED) {
          Map<String, Integer> points = new java.util.LinkedHashMap<>();
          assignment.getScores().forEach((code, score) -> points.put(code, score.getPoints()));
          scores.add(new ScoreAggregation.ExpertScore(assignment.getExpertId(), points));
        }
      }
      outcomes.add(new ItemOutcome(this, item.getId(), ScoreAggregation.aggregate(weighted, scores, trimFrom, divergenceThreshold)));
    }
    status = Status.AGGREGATED;
    return List.copyOf(outcomes);
  }

  public ItemOutcome outcome(String itemId) {
    return outcomes.stream().filter(o -> o.getItemId().equals(itemId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("review.outcome-not-found", "itemId", "项目 " + itemId + " 没有评审结果", "itemId: no outcome for item " + itemId));
  }

  /** The opinion drafted from the scores, for the chair to confirm or rewrite. */
  public String draftOpinion(String itemId) {
    ItemOutcome outcome = outcome(itemId);
    boolean passes = outcome.getScore().doubleValue() >= passScore;
    return String.format("综合得分 %s（%d 位专家%s），%s。Aggregated score %s from %d experts%s; %s.",
        outcome.getScore(), outcome.getScoreCount(), outcome.isTrimmed() ? "，去掉一个最高分和一个最低分" : "",
        passes ? "建议通过" : "建议不予通过", outcome.getScore(), outcome.getScoreCount(),
        outcome.isTrimmed() ? " (highest and lowest dropped)" : "", passes ? "recommended" : "not recommended");
  }

  public ItemOutcome.Recommendation draftRecommendation(String itemId) {
    return outcome(itemId).getScore().doubleValue() >= passScore
        ? ItemOutcome.Recommendation.RECOMMENDED : ItemOutcome.Recommendation.NOT_RECOMMENDED;
  }

  public void decide(String itemId, ItemOutcome.Recommendation recommendation, String opinion, String reasons, String chair, Instant now) {
    requireStatus(Status.AGGREGATED, "take the committee's opinion");
    outcome(itemId).decide(recommendation, opinion, reasons, chair, now);
  }

  public void complete() {
    requireStatus(Status.AGGREGATED, "be completed");
    if (outcomes.stream().anyMatch(o -> !o.isDecided())) {
      throw DomainException.conflict("review.opinion-missing", null, "每个项目都须有委员会意见后评审才能结束", "every item needs the committee's opinion before the review completes");
    }
    status = Status.COMPLETED;
  }

  static String snapshot(List<PoolMember> pool) {
    JsonArrayBuilder members = Json.createArrayBuilder();
    for (PoolMember member : pool) {
      JsonArrayBuilder relationships = Json.createArrayBuilder();
      member.relationships().forEach(r -> relationships.add(Json.createObjectBuilder()
          .add("organisation", r.organisation()).add("kind", r.kind().name())));
      members.add(Json.createObjectBuilder().add("expertId", member.expertId()).add("organisation", member.organisation())
          .add("fields", Json.createArrayBuilder(new java.util.TreeSet<>(member.fields()))).add("relationships", relationships));
    }
    StringWriter out = new StringWriter();
    Json.createWriter(out).write(members.build());
    return out.toString();
  }

  static List<PoolMember> readSnapshot(String snapshot) {
    JsonArray members = Json.createReader(new StringReader(snapshot)).readArray();
    List<PoolMember> pool = new ArrayList<>();
    for (JsonValue value : members) {
      JsonObject member = value.asJsonObject();
      Set<String> fields = new HashSet<>();
      member.getJsonArray("fields").forEach(f -> fields.add(((jakarta.json.JsonString) f).getString()));
      List<PoolMember.Relationship> relationships = new ArrayList<>();
      member.getJsonArray("relationships").forEach(r -> relationships.add(new PoolMember.Relationship(
          r.asJsonObject().getString("organisation"), PoolMember.Relationship.Kind.valueOf(r.asJsonObject().getString("kind")))));
      pool.add(new PoolMember(member.getString("expertId"), member.getString("organisation"), fields, relationships));
    }
    return pool;
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getField() {
    return field;
  }

  public Instant getDrawnAt() {
    return drawnAt;
  }

  /** The auditor's verdict on this review's draw: replayed from the stored seed and snapshot, reserves traced. */
  public DrawVerdict drawVerdict() {
    return DrawVerdict.of(this);
  }

  public int getPanelSize() {
    return panelSize;
  }

  public int getTrimFrom() {
    return trimFrom;
  }

  public double getDivergenceThreshold() {
    return divergenceThreshold;
  }

  public int getScoringDays() {
    return scoringDays;
  }

  public String getChairUserId() {
    return chairUserId;
  }

  public Status getStatus() {
    return status;
  }

  public Long getDrawSeed() {
    return drawSeed;
  }

  public int getReserves() {
    return reserves;
  }

  public int getPassScore() {
    return passScore;
  }

  /** The pool as it stood when the panel was drawn (JSON), the input of a replay. */
  public String getPoolSnapshot() {
    return poolSnapshot;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<ReviewCriterion> getCriteria() {
    return List.copyOf(criteria);
  }

  public List<ReviewItem> getItems() {
    return List.copyOf(items);
  }

  public List<Seat> getSeats() {
    return List.copyOf(seats);
  }

  public List<Assignment> getAssignments() {
    return List.copyOf(assignments);
  }

  public List<DrawCandidate> getDrawCandidates() {
    return List.copyOf(drawCandidates);
  }

  public List<ItemOutcome> getOutcomes() {
    return List.copyOf(outcomes);
  }
}
