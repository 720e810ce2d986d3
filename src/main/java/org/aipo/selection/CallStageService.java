package org.aipo.selection;

import org.aipo.common.DomainException;
import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.funding.Funding;
import org.aipo.funding.FundingPool;
import org.aipo.funding.FundingPools;
import org.aipo.notice.Notices;
import org.aipo.notice.Objection;
import org.aipo.proposal.Attachment;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.ProposalText;
import org.aipo.proposal.Proposals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.audit.AuditLog;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;

/** The steps of a call (docs/domain.md programme 2, steps 4 to 8) on the stored call, proposals and reviews. */
@ApplicationScoped
@Transactional
public class CallStageService implements CallStages {

  public static final String CALL = "call";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  ReviewService reviews;

  @Inject
  AuditLog auditLog;

  @Inject
  FundingPools fundingPools;

  @Inject
  Proposals proposalService;

  @Inject
  Notices notices;

  @Inject
  org.aipo.notification.Notifier notifier;

  @Inject
  org.aipo.platform.WorkflowEngine workflowEngine;

  @Inject
  org.aipo.applicant.Registration registration;

  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final java.time.format.DateTimeFormatter BEIJING = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(org.aipo.calendar.WorkingDayCalendar.CHINA);

  private final Clock clock = Clock.systemUTC();

  private List<Proposal> proposals(String callId) {
    return proposalService.ofCall(callId);
  }

  private void proposalEvent(Proposal proposal, String action, String detail) {
    auditLog.record("system", action, Proposals.SUBJECT_TYPE, proposal.getId(), detail);
  }

  @Override
  public Instant opensAt(String callId) {
    return calls.require(callId).getOpensAt();
  }

  @Override
  public Instant closesAt(String callId) {
    return calls.require(callId).getClosesAt();
  }

  @Override
  public void open(String callId) {
    Calls.enter(calls.require(callId), Call.Stage.OPEN);
    auditLog.record("system", "call.window-opened", CALL, callId, null);
  }

  @Override
  public void close(String callId) {
    // locked like a submission locks it: a submission in flight commits first and is counted, or sees the call closed
    Call call = calls.requireLocked(callId);
    Calls.enter(call, Call.Stage.CLOSED);
    long submitted = proposals(callId).stream().filter(p -> p.getSubmittedAt() != null).count();
    auditLog.record("system", "call.window-closed", CALL, callId, submitted + " proposal(s) submitted");
  }

  @Override
  public int pendingChecks(String callId) {
    return (int) proposals(callId).stream()
        .filter(p -> p.getStatus() == Proposal.Status.SUBMITTED || p.getStatus() == Proposal.Status.RETURNED).count();
  }

  @Override
  public List<String> prepareReviews(String callId) {
    Call call = calls.require(callId);
    List<Proposal> eligible = proposals(callId).stream().filter(p -> p.getStatus() == Proposal.Status.ELIGIBLE).toList();
    int round = currentRound(callId) + 1;
    List<String> groupIds = new ArrayList<>();
    int groupNo = 0;
    for (ReviewGrouping.Formed formed : ReviewGrouping.form(eligible, call.getMaxGroupSize())) {
      ReviewGroup group = new ReviewGroup(callId, round, ++groupNo, formed.field(), formed.proposals().stream().map(Proposal::getId).toList(),
          clock.instant());
      entityManager.persist(group);
      groupIds.add(group.getId());
    }
    if (groupIds.isEmpty() && proposals(callId).stream().noneMatch(p -> p.getStatus() == Proposal.Status.REVIEWED)) {
      Calls.enter(call, Call.Stage.NO_ELIGIBLE_PROPOSALS);
    }
    auditLog.record("system", "call.review-groups-formed", CALL, callId, "round " + round + ": " + groupIds.size() + " group(s) of at most "
        + call.getMaxGroupSize() + " for " + eligible.size() + " proposal(s)");
    return groupIds;
  }

  private int currentRound(String callId) {
    Integer round = entityManager.createQuery("SELECT MAX(g.roundNo) FROM ReviewGroup g WHERE g.callId = :call", Integer.class)
        .setParameter("call", callId).getSingleResult();
    return round == null ? 0 : round;
  }

  /** The groups of the call's latest review round, by number (empty before any was formed). */
  public List<ReviewGroup> currentGroups(String callId) {
    return entityManager.createQuery("SELECT g FROM ReviewGroup g WHERE g.callId = :call AND g.roundNo = :round ORDER BY g.groupNo", ReviewGroup.class)
        .setParameter("call", callId).setParameter("round", currentRound(callId)).getResultList();
  }

  @Override
  public boolean groupsToConfirm(String callId) {
    return ReviewGrouping.needsConfirmation(currentGroups(callId));
  }

  @Override
  public String groupsSummary(String callId) {
    Call call = calls.require(callId);
    Map<String, Proposal> byId = new HashMap<>();
    proposals(callId).forEach(p -> byId.put(p.getId(), p));
    return summary(call, currentGroups(callId), byId);
  }

  static String summary(Call call, List<ReviewGroup> groups, Map<String, Proposal> byId) {
    StringBuilder text = new StringBuilder("每组至多 " + call.getMaxGroupSize() + " 项，每位专家至多参加 " + call.getMaxGroupsPerExpert()
        + " 个组，合并规则 " + call.getMergeRule() + "。At most " + call.getMaxGroupSize() + " proposals a group, an expert on at most "
        + call.getMaxGroupsPerExpert() + " groups, merged by " + call.getMergeRule() + ".\n\n"
        + "| 组 Group | 领域 Field | 项目数 Proposals | 项目 Projects |\n|---|---|---|---|\n");
    for (ReviewGroup group : groups) {
      text.append("| ").append(group.getGroupNo()).append(" | ").append(group.getField()).append(" | ").append(group.getProposalIds().size())
          .append(" | ");
      text.append(String.join("; ", group.getProposalIds().stream()
          .map(id -> byId.containsKey(id) ? org.aipo.common.Markdown.escape(byId.get(id).content().title()) : id).toList()));
      text.append(" |\n");
    }
    return text.toString();
  }

  /**
   * The office moves a proposal to another group of its field before the draw, with a reason (audited on the call and
   * the proposal); the confirmation form's table follows.
   */
  public ReviewGroup moveToGroup(String callId, String proposalId, Integer toGroup, String reason, String actor) {
    Call call = calls.require(callId);
    List<ReviewGroup> round = currentGroups(callId);
    ReviewGroup from = ReviewGrouping.move(round, proposalId, toGroup, reason, call.getMaxGroupSize());
    String detail = "proposal " + proposalId + " from group " + from.getGroupNo() + " to group " + toGroup + ": " + reason;
    auditLog.record(actor, "call.review-group-move", CALL, callId, detail);
    auditLog.record(actor, "proposal.review-group-moved", Proposals.SUBJECT_TYPE, proposalId, detail);
    var engine = workflowEngine.processEngine();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(callId)
        .processDefinitionKey(org.aipo.call.DemonstrationCall.PROCESS_KEY).active().list()
        .forEach(instance -> engine.getRuntimeService().setVariable(instance.getId(), "reviewGroupsMarkdown",
            org.aipo.common.Text.forTask(groupsSummary(callId), "GET /api/calls/" + callId + "/review-groups")));
    return round.stream().filter(g -> g.getGroupNo() == toGroup).findFirst().orElseThrow();
  }

  @Override
  public List<String> drawGroups(String callId) {
    Call call = calls.require(callId);
    List<ReviewGroup> groups = currentGroups(callId);
    if (groups.isEmpty()) {
      return List.of();
    }
    if (groups.stream().anyMatch(g -> g.getRequestId() != null)) {
      throw DomainException.conflict("review-group.drawn", null, "评审组已抽取专家", "the review groups have been drawn");
    }
    Map<String, Proposal> byId = new HashMap<>();
    proposals(callId).forEach(p -> byId.put(p.getId(), p));
    List<String> requestIds = new ArrayList<>();
    for (ReviewGroup group : groups) {
      String title = call.getTitle() + " · " + group.getField() + " · 第" + group.getGroupNo() + "组 group " + group.getGroupNo();
      ReviewRequest request = new ReviewRequest(title.length() > 300 ? title.substring(0, 300) : title, group.getField(), call.getPanelSize(), 2, 10, 70, copy(call.getCriteria()), null, "system",
          clock.instant());
      List<Proposal> members = group.getProposalIds().stream().map(byId::get).toList();
      Map<String, org.aipo.proposal.Particulars.Avoiding> avoiding = proposalService.avoidanceOf(members);
      for (Proposal proposal : members) {
        org.aipo.proposal.Particulars.Avoiding avoid = avoiding.get(proposal.getId());
        request.addItem(proposal.getId(), proposal.content().title(), organisation(proposal).getName(), avoid.coApplicantOrganisations(),
            avoid.excludedExperts(), Integer.MAX_VALUE)
            .describe(ProposalText.markdown(proposal, organisation(proposal).getName(), attachments(proposal), call.getDocumentKinds()));
      }
      reviews.create(request, "system");
      group.drawnAs(request.getId());
      for (Proposal proposal : members) {
        Proposals.underReview(proposal, request.getId());
        proposalEvent(proposal, "proposal.under-review", "group " + group.getGroupNo());
      }
      requestIds.add(request.getId());
    }
    List<org.aipo.review.ExpertDraw.Result> drawn = reviews.drawGroups(callId + ":" + groups.get(0).getRound(), requestIds,
        call.getMaxGroupsPerExpert(), "system");
    Calls.enter(call, Call.Stage.REVIEWING);
    int short_ = drawn.stream().mapToInt(org.aipo.review.ExpertDraw.Result::shortfall).sum();
    auditLog.record("system", "call.reviews-requested", CALL, callId, requestIds.size() + " review group(s) drawn as one"
        + (short_ > 0 ? ", " + short_ + " seat(s) short, left to the secretariat" : "") + ": " + requestIds);
    return requestIds;
  }

  private static List<ReviewCriterion> copy(List<ReviewCriterion> criteria) {
    return criteria.stream().map(c -> new ReviewCriterion(c.getCode(), c.getName(), c.getWeight())).toList();
  }

  /** The objected proposal's documents, each a link that opens it (the office reads what the objection is about). */
  private String documents(Proposal proposal) {
    StringBuilder text = new StringBuilder();
    ProposalText.documents(text, attachments(proposal), calls.require(proposal.getCallId()).getDocumentKinds());
    return text.toString();
  }

  private List<Attachment> attachments(Proposal proposal) {
    return proposalService.attachmentsOf(proposal.getId());
  }

  private Organisation organisation(Proposal proposal) {
    return entityManager.find(Organisation.class, proposal.getOrganisationId());
  }

  /** The outcome of a proposal to its applicant's contact (issue 25), in this transaction; the link opens the proposal. */
  private void tellApplicant(Proposal proposal, String eventKey, String outcomeZh, String outcomeEn, String note) {
    notifier.send(new org.aipo.notification.Message(eventKey, "decision", registration.contactOf(proposal.getOrganisationId()),
        java.util.Map.of("subjectTitle", proposal.content().title(), "outcomeZh", outcomeZh, "outcomeEn", outcomeEn, "note", note),
        null, "/portal/#/proposals/" + proposal.getId()));
  }

  /** The committee's outcome for this proposal in its latest review. */
  ItemOutcome outcomeOf(Proposal proposal) {
    ReviewRequest request = reviews.find(proposal.getReviewRequestId());
    ReviewItem item = request.getItems().stream().filter(i -> i.getReference().equals(proposal.getId())).findFirst()
        .orElseThrow(() -> new IllegalStateException("review " + request.getId() + " has no item for proposal " + proposal.getId()));
    return request.outcome(item.getId());
  }

  /** A proposal's review result as ranking needs it, with the review group (request) that scored it. */
  record Reviewed(BigDecimal score, Map<String, BigDecimal> criterionMeans, String group) {

    Reviewed(BigDecimal score, Map<String, BigDecimal> criterionMeans) {
      this(score, criterionMeans, null);
    }
  }

  @Override
  public void rank(String callId, Threshold threshold) {
    Call call = calls.require(callId);
    rankAll(call, proposals(callId), p -> {
      ItemOutcome outcome = outcomeOf(p);
      return new Reviewed(outcome.getScore(), outcome.criterionMeanMap(), p.getReviewRequestId());
    }, threshold);
    Calls.enter(call, Call.Stage.AWAITING_APPROVAL);
    List<Proposal> ranked = proposals(callId).stream().filter(p -> p.getStatus() == Proposal.Status.REVIEWED).toList();
    List<Proposal> funded = ranked.stream().filter(p -> p.getAward() != null && p.getAward().signum() > 0).toList();
    auditLog.record("system", "call.ranked", CALL, callId, ranked.size() + " proposal(s) ranked, " + funded.size() + " proposed for award, "
        + funded.stream().map(Proposal::getAward).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString() + " yuan in all");
  }

  /**
   * The ranking rule of docs/domain.md programme 2, step 5, on the reviewed proposals of a call: the threshold
   * decision per proposal, then {@link Funding} in rank order within each field.
   */
  static void rankAll(Call call, List<Proposal> proposals, java.util.function.Function<Proposal, Reviewed> reviewOf, Threshold threshold) {
    List<Funding.Candidate> candidates = new ArrayList<>();
    Map<String, Proposal> byId = new LinkedHashMap<>();
    Map<String, String> thresholdReasons = new HashMap<>();
    Map<String, BigDecimal> scores = new HashMap<>();
    Map<String, String> groups = new HashMap<>();
    for (Proposal proposal : proposals) {
      if (proposal.getStatus() != Proposal.Status.UNDER_REVIEW && proposal.getStatus() != Proposal.Status.REVIEWED) {
        continue;
      }
      Reviewed reviewed = reviewOf.apply(proposal);
      groups.put(proposal.getId(), reviewed.group() == null ? proposal.content().field() : reviewed.group());
      Verdict verdict = threshold.evaluate(reviewed.score(), lowestShare(call.getCriteria(), reviewed.criterionMeans()));
      thresholdReasons.put(proposal.getId(), verdict.reason());
      scores.put(proposal.getId(), reviewed.score());
      byId.put(proposal.getId(), proposal);
      candidates.add(new Funding.Candidate(proposal.getId(), proposal.content().field(), reviewed.score(), reviewed.criterionMeans(),
          proposal.requested(), verdict.passes(), proposal.getSubmittedAt().toEpochMilli()));
    }
    List<String> tieBreak = call.getCriteria().stream().map(ReviewCriterion::getCode).toList();
    candidates = merged(candidates, groups, call.getMergeRule(), tieBreak);
    for (Funding.Decision decision : Funding.allocate(candidates, tieBreak, call.getBudget(), call.getMaxAward(), call.getAwardCount())) {
      Proposals.ranked(byId.get(decision.proposalId()), scores.get(decision.proposalId()),
          decision.rankInField() == 0 ? null : decision.rankInField(), decision.award(),
          reason(decision, thresholdReasons.get(decision.proposalId())));
    }
  }

  /**
   * The candidates with the key the field's ranking sorts by, merging the review groups of a field by the call's rule
   * (docs/adr/0020): {@code NORMALISED} — the z-score of the aggregated score within its group (0 when the group's
   * scores do not spread); {@code RANK_IN_GROUP} — the rank within the group (by score, then the criteria in order, then
   * submission time), then the score. The proposal keeps its own aggregated score; only the order changes. A field
   * reviewed as one group ranks as before under either rule.
   */
  static List<Funding.Candidate> merged(List<Funding.Candidate> candidates, Map<String, String> groupOf, Call.MergeRule rule,
      List<String> tieBreak) {
    Map<String, List<Funding.Candidate>> byGroup = new TreeMap<>();
    candidates.forEach(c -> byGroup.computeIfAbsent(c.field() + "|" + groupOf.get(c.proposalId()), g -> new ArrayList<>()).add(c));
    Map<String, BigDecimal> keys = new HashMap<>();
    for (List<Funding.Candidate> group : byGroup.values()) {
      if (rule == Call.MergeRule.RANK_IN_GROUP) {
        java.util.Comparator<Funding.Candidate> order = java.util.Comparator.comparing(Funding.Candidate::score).reversed();
        for (String criterion : tieBreak) {
          order = order.thenComparing(c -> c.criterionMeans().getOrDefault(criterion, BigDecimal.ZERO), java.util.Comparator.reverseOrder());
        }
        order = order.thenComparingLong(Funding.Candidate::submittedAtMillis);
        List<Funding.Candidate> sorted = new ArrayList<>(group);
        sorted.sort(order);
        for (int rank = 1; rank <= sorted.size(); rank++) {
          // rank first (smaller is better), then the score: (100000 - rank) * 1000 + score, the score below 1000
          keys.put(sorted.get(rank - 1).proposalId(), BigDecimal.valueOf(100_000L - rank).multiply(BigDecimal.valueOf(1000))
              .add(sorted.get(rank - 1).score()));
        }
      } else {
        double mean = group.stream().mapToDouble(c -> c.score().doubleValue()).average().orElse(0);
        double variance = group.stream().mapToDouble(c -> Math.pow(c.score().doubleValue() - mean, 2)).average().orElse(0);
        double sd = Math.sqrt(variance);
        for (Funding.Candidate c : group) {
          double z = sd < 1e-9 ? 0 : (c.score().doubleValue() - mean) / sd;
          keys.put(c.proposalId(), BigDecimal.valueOf(z).setScale(6, RoundingMode.HALF_UP));
        }
      }
    }
    return candidates.stream().map(c -> new Funding.Candidate(c.proposalId(), c.field(), keys.get(c.proposalId()), c.criterionMeans(),
        c.requested(), c.passes(), c.submittedAtMillis())).toList();
  }

  /** The lowest criterion mean as a share of its weight (1.0 when nothing was scored). */
  static double lowestShare(List<ReviewCriterion> criteria, Map<String, BigDecimal> means) {
    double lowest = 1.0;
    for (ReviewCriterion criterion : criteria) {
      BigDecimal mean = means.get(criterion.getCode());
      if (mean != null) {
        lowest = Math.min(lowest, mean.doubleValue() / criterion.getWeight());
      }
    }
    return lowest;
  }

  static String reason(Funding.Decision decision, String thresholdReason) {
    return switch (decision.outcome()) {
      case FUNDED -> "领域内排名第" + decision.rankInField() + "，拟资助" + decision.award().setScale(0, RoundingMode.HALF_UP)
          + "元。Rank " + decision.rankInField() + " in its field; proposed award " + decision.award().setScale(0, RoundingMode.HALF_UP) + " yuan.";
      case NOT_FUNDED_BUDGET -> "达到门槛（领域内排名第" + decision.rankInField() + "），但资助预算已用完。Passed (rank "
          + decision.rankInField() + " in its field) but the budget ran out.";
      case NOT_FUNDED_COUNT -> "达到门槛（领域内排名第" + decision.rankInField() + "），但资助名额已满。Passed (rank "
          + decision.rankInField() + " in its field) but the number of awards was reached.";
      case BELOW_THRESHOLD -> "未达到门槛：" + thresholdReason + "。Below the thresholds.";
    };
  }

  @Override
  public String rankingSummary(String callId) {
    StringBuilder table = new StringBuilder("| 领域 Field | 排名 Rank | 项目 Project | 申报单位 Applicant | 得分 Score | 拟资助 Award (yuan) |\n|---|---|---|---|---|---|\n");
    proposals(callId).stream().filter(p -> p.getScore() != null)
        .sorted((a, b) -> {
          int field = a.content().field().compareTo(b.content().field());
          return field != 0 ? field : Integer.compare(a.getRankInField() == null ? 999 : a.getRankInField(),
              b.getRankInField() == null ? 999 : b.getRankInField());
        })
        .forEach(p -> table.append("| ").append(p.content().field()).append(" | ")
            .append(p.getRankInField() == null ? "—" : p.getRankInField()).append(" | ").append(org.aipo.common.Markdown.escape(p.content().title()))
            .append(" | ").append(org.aipo.common.Markdown.escape(organisation(p).getName())).append(" | ").append(p.getScore()).append(" | ")
            .append(p.getAward() == null ? "0" : p.getAward().setScale(0, RoundingMode.HALF_UP)).append(" |\n"));
    table.append("\n分组合并规则 Merge rule of the review groups: **").append(calls.require(callId).getMergeRule()).append("**\n");
    String poolCode = calls.require(callId).getFundingPool();
    FundingPool pool = poolCode == null ? null : fundingPools.find(poolCode).orElse(null);
    if (pool != null) {
      BigDecimal left = fundingPools.availableFor(pool, callId);
      table.append("\n资金池 Funding pool **").append(org.aipo.common.Markdown.escape(pool.getName())).append("**: 可用 available ")
          .append(left.setScale(0, RoundingMode.HALF_UP)).append(" 元 yuan (总额 total ").append(pool.getTotal().setScale(0, RoundingMode.HALF_UP))
          .append(")。审定时拟资助总额从中承诺 The awards are committed against it on approval.\n");
    }
    return table.toString();
  }

  @Override
  public void recordApproval(String callId, boolean approved, String comments, String actor) {
    Call call = calls.require(callId);
    if (!approved) {
      org.aipo.common.Text.required(comments, "comments", 4000);
    } else if (call.getFundingPool() != null) {
      // the approved awards are committed against the pool, or the approval is refused (409) and nothing stored
      BigDecimal awards = proposals(callId).stream().filter(p -> p.getStatus() == Proposal.Status.REVIEWED && p.getAward() != null)
          .map(Proposal::getAward).reduce(BigDecimal.ZERO, BigDecimal::add);
      fundingPools.commit(call.getFundingPool(), callId, awards, actor);
    }
    auditLog.record(actor, approved ? "call.awards-approved" : "call.ranking-returned", CALL, callId,
        org.aipo.common.Text.atMost(comments, "comments", 4000));
  }

  @Override
  public void recordRevision(String callId, String response, String actor) {
    calls.require(callId);
    auditLog.record(actor, "call.ranking-revised", CALL, callId, org.aipo.common.Text.required(response, "response", 4000));
    proposals(callId).forEach(Proposals::reopenForRanking);
  }

  @Override
  public void publishNotice(String callId, Instant closes) {
    Call call = calls.require(callId);
    Calls.openNotice(call, clock.instant(), closes);
    for (Proposal proposal : proposals(callId)) {
      if (proposal.getStatus() == Proposal.Status.REVIEWED) {
        Proposals.published(proposal);
        boolean proposed = proposal.getStatus() == Proposal.Status.PROPOSED;
        proposalEvent(proposal, proposed ? "proposal.proposed-for-award" : "proposal.not-selected", proposal.getOutcomeReason());
        String award = proposed ? proposal.getAward().setScale(0, RoundingMode.HALF_UP).toPlainString() : null;
        tellApplicant(proposal, "notice:" + callId + ":" + call.getNoticeRound() + ":" + proposal.getId(),
            proposed ? "拟资助 " + award + " 元，公示中" : "未入选拟资助名单",
            proposed ? "proposed for an award of " + award + " yuan, under public notice" : "not selected for an award",
            (proposal.getOutcomeReason() == null ? "" : proposal.getOutcomeReason() + "\n") + "公示期至 Public notice until " + BEIJING.format(closes)
                + "（北京时间 Beijing time）");
      }
    }
    auditLog.record("system", "call.notice-published", CALL, callId, "round " + call.getNoticeRound() + ", objections until " + closes);
  }

  private Objection objection(String objectionId) {
    Objection objection = objectionId == null ? null : entityManager.find(Objection.class, objectionId);
    if (objection == null) {
      throw DomainException.badInput("objection.unknown", "objectionId", "没有异议 " + objectionId, "objectionId: no objection " + objectionId);
    }
    return objection;
  }

  @Override
  public String objectionSummary(String objectionId) {
    Objection objection = objection(objectionId);
    Proposal proposal = entityManager.find(Proposal.class, objection.getProposalId());
    return "**" + org.aipo.common.Markdown.escape(proposal.content().title()) + "**（" + org.aipo.common.Markdown.escape(organisation(proposal).getName()) + "）\n\n"
        + "异议人 Objector: " + org.aipo.common.Markdown.escape(objection.getName()) + "\n\n" + org.aipo.common.Markdown.escape(objection.getGrounds())
        + "\n\n" + documents(proposal);
  }

  @Override
  public void answerObjection(String objectionId, Objection.Decision decision, String answer, String actor) {
    Objection objection = objection(objectionId);
    Proposal proposal = entityManager.find(Proposal.class, objection.getProposalId());
    applyAnswer(objection, proposal, decision, answer, actor, clock.instant());
    if (decision.upheld()) {
      proposalEvent(proposal, decision == Objection.Decision.REREVIEW ? "proposal.back-to-review" : "proposal.excluded", answer);
    }
    // the objector hears the answer when they gave an e-mail address (a telephone number is answered by the office)
    String contact = objection.getContact() == null ? "" : objection.getContact().trim();
    if (EMAIL.matcher(contact).matches()) {
      String[] outcome = switch (decision) {
        case DISMISSED -> new String[] {"异议不成立", "the objection is dismissed"};
        case NOT_GROUNDS -> new String[] {"不属受理范围（对专家学术判断的异议）", "not grounds for an objection (the experts' academic judgement)"};
        case REREVIEW -> new String[] {"异议成立，项目重新评审", "upheld: the proposal is reviewed again"};
        case EXCLUDE -> new String[] {"异议成立，取消拟资助资格", "upheld: the proposal is excluded"};
      };
      notifier.send(new org.aipo.notification.Message("objection-answer:" + objectionId, "decision",
          org.aipo.notification.Message.Recipient.address(contact, "zh", objection.getName()),
          java.util.Map.of("subjectTitle", "异议答复 Objection: " + proposal.content().title(), "outcomeZh", outcome[0], "outcomeEn", outcome[1],
              "note", answer == null ? "" : answer), null, "/portal/#/notices/" + proposal.getCallId()));
    }
    auditLog.record(actor, "objection.answered." + decision.name().toLowerCase(java.util.Locale.ROOT), "objection", objectionId, answer);
  }

  /** Records the answer; an upheld objection sends the proposal back to review or excludes it. */
  static void applyAnswer(Objection objection, Proposal proposal, Objection.Decision decision, String answer, String actor,
      Instant now) {
    Notices.answer(objection, decision, answer, actor, now);
    if (decision == Objection.Decision.REREVIEW) {
      Proposals.backToReview(proposal, "异议成立，重新评审。An objection was upheld; the proposal is reviewed again: " + answer);
    } else if (decision == Objection.Decision.EXCLUDE) {
      Proposals.excluded(proposal, "异议成立，取消拟资助资格。An objection was upheld; the proposal is excluded: " + answer);
    }
  }

  /** What follows a notice: "rereview" if any proposal went back to review, "rerank" if any was excluded, else "clear". */
  static String noticeOutcome(List<Objection> objections) {
    if (objections.stream().anyMatch(o -> o.getDecision() == Objection.Decision.REREVIEW)) {
      return "rereview";
    }
    return objections.stream().anyMatch(o -> o.getDecision() == Objection.Decision.EXCLUDE) ? "rerank" : "clear";
  }

  @Override
  public String closeNotice(String callId) {
    Call call = calls.require(callId);
    List<Objection> objections = notices.ofCallRound(callId, call.getNoticeRound());
    String next = noticeOutcome(objections);
    if (!"clear".equals(next)) {
      proposals(callId).forEach(Proposals::reopenForRanking);
      Calls.enter(call, "rereview".equals(next) ? Call.Stage.REVIEWING : Call.Stage.AWAITING_APPROVAL);
    }
    auditLog.record("system", "call.notice-closed", CALL, callId, objections.size() + " objection(s); next: " + next);
    return next;
  }

  @Override
  public List<String> announceAwards(String callId) {
    Call call = calls.require(callId);
    List<String> awarded = new ArrayList<>();
    for (Proposal proposal : proposals(callId)) {
      if (proposal.getStatus() == Proposal.Status.PROPOSED) {
        Proposals.awarded(proposal);
        String award = proposal.getAward().setScale(0, RoundingMode.HALF_UP).toPlainString();
        proposalEvent(proposal, "proposal.awarded", award + " yuan");
        tellApplicant(proposal, "awarded:" + proposal.getId(), "立项资助 " + award + " 元", "awarded " + award + " yuan", "");
        awarded.add(proposal.getId());
      }
    }
    Calls.enter(call, Call.Stage.AWARDED);
    auditLog.record("system", "call.awards-announced", CALL, callId, awarded.size() + " award(s)");
    return awarded;
  }

  @Override
  public String title(String callId) {
    return calls.require(callId).getTitle();
  }
}
