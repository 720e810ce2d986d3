package org.aipo.review;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/**
 * Every step of an expert-committee review, each in the caller's transaction (the engine's, for steps
 * taken from BPMN) and each audited. Loads the review, applies one rule of {@link ReviewRequest}, and
 * records who did it.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

  public static final String SUBJECT_TYPE = "review-request";

  private ReviewRepository repository;
  private AuditLog auditLog;
  private Clock clock = Clock.systemUTC();
  private final SecureRandom seeds = new SecureRandom();

  protected ReviewService() {
    // for the CDI proxy
  }

  @Inject
  public ReviewService(ReviewRepository repository, AuditLog auditLog) {
    this.repository = repository;
    this.auditLog = auditLog;
  }

  /** For tests: a fixed clock. */
  public void useClock(Clock fixed) {
    this.clock = fixed;
  }

  private Instant now() {
    return clock.instant();
  }

  private void audit(String actor, String action, String requestId, String detail) {
    auditLog.record(actor, action, SUBJECT_TYPE, requestId, detail);
  }

  public ReviewRequest find(String requestId) {
    return repository.find(requestId);
  }

  /** Stores a new request after checking the panel against the pool of its field. */
  public ReviewRequest create(ReviewRequest request, String actor) {
    ExpertDraw.validate(request.getPanelSize(), 0, repository.poolInField(request.getField()).size());
    if (request.getItems().isEmpty()) {
      throw DomainException.badInput("review.no-items", "items", "至少须有一个待评审项目", "items: at least one item to review is required");
    }
    repository.add(request);
    audit(actor, "review.requested", request.getId(), request.getTitle() + ", " + request.getItems().size() + " item(s)");
    return request;
  }

  public ExpertDraw.Result drawPanel(String requestId, String actor) {
    ReviewRequest request = repository.find(requestId);
    if (request.getDrawBatch() != null) {
      // drawn with the other groups of its call (grouped review): nothing to draw here
      return null;
    }
    long seed = seeds.nextLong();
    ExpertDraw.Result result = request.draw(repository.poolInField(request.getField()), seed, now());
    audit(actor, "review.panel-drawn", requestId, "seed " + seed + "; panel " + result.panel() + "; reserves "
        + result.reserves() + (result.shortfall() > 0 ? "; " + result.shortfall() + " seat(s) left to the secretariat" : ""));
    return result;
  }

  /**
   * Draws the panels of a call's review groups as one recorded draw (分组评审, docs/adr/0020): one seed, the requests in
   * the given order, no expert on the panel or reserve list of more than {@code maxGroupsPerExpert} of them. Each request
   * is seated as a draw of its own would be (a short group leaves seats to the secretariat) and audited; its review
   * process then skips its own draw. Returns each group's result, in order.
   */
  public List<ExpertDraw.Result> drawGroups(String batch, List<String> requestIds, int maxGroupsPerExpert, String actor) {
    if (!repository.batch(batch).isEmpty()) {
      throw DomainException.conflict("review.batch-drawn", null, "本批评审组已抽取 " + batch, "the review groups of " + batch + " have been drawn");
    }
    long callSeed = seeds.nextLong();
    Map<String, List<PoolMember>> pools = new java.util.HashMap<>();
    List<ReviewRequest> requests = requestIds.stream().map(repository::find).toList();
    List<GroupDraw.Group> groups = requests.stream().map(r -> new GroupDraw.Group(r.getField(),
        pools.computeIfAbsent(r.getField(), repository::poolInField), r.avoidance(), r.getPanelSize(), r.getReserves())).toList();
    List<GroupDraw.Drawn> drawn = GroupDraw.draw(groups, maxGroupsPerExpert, callSeed);
    List<ExpertDraw.Result> results = new java.util.ArrayList<>();
    Instant now = now();
    for (int i = 0; i < requests.size(); i++) {
      ReviewRequest request = requests.get(i);
      ExpertDraw.Result result = request.drawnInBatch(pools.get(request.getField()), drawn.get(i), batch, i + 1, callSeed,
          maxGroupsPerExpert, now);
      audit(actor, "review.panel-drawn", request.getId(), "group " + (i + 1) + " of " + batch + " (call seed " + callSeed + ", group seed "
          + drawn.get(i).seed() + ", at most " + maxGroupsPerExpert + " group(s) an expert); panel " + result.panel() + "; reserves "
          + result.reserves() + (result.shortfall() > 0 ? "; " + result.shortfall() + " seat(s) left to the secretariat" : ""));
      results.add(result);
    }
    return results;
  }

  /** Replays a call-level draw of review groups as one (see {@link GroupDrawVerdict}); reads only. */
  public GroupDrawVerdict replayBatch(String batch) {
    List<ReviewRequest> requests = repository.batch(batch);
    if (requests.isEmpty()) {
      throw DomainException.notFound("review.batch-not-found", null, "没有评审组抽取 " + batch, "no draw of review groups " + batch);
    }
    return GroupDrawVerdict.of(batch, requests);
  }

  /**
   * Replays a review's draw for an auditor (see {@link DrawVerdict}); reads only, records nothing: the caller that
   * shows the verdict to someone records that it did.
   */
  public DrawVerdict replay(String requestId) {
    return repository.find(requestId).drawVerdict();
  }

  private String expertOf(String userId) {
    return repository.expertByUser(userId)
        .orElseThrow(() -> DomainException.badInput("review.expert-unknown", "expertUserId", userId + " 不在专家库中", "expertUserId: " + userId + " is not in the expert pool")).expertId();
  }

  public void answerInvitation(String requestId, String seatId, String userId, boolean accepted, String reason) {
    repository.find(requestId).answer(seatId, expertOf(userId), accepted, reason, now());
    audit(userId, accepted ? "review.invitation-accepted" : "review.invitation-declined", requestId, reason);
  }

  public void expireInvitation(String requestId, String seatId) {
    repository.find(requestId).expire(seatId, now());
    audit("system", "review.invitation-expired", requestId, "seat " + seatId);
  }

  public void appoint(String requestId, String seatId, String expertUserId, String actor) {
    PoolMember expert = repository.expertByUser(expertUserId)
        .orElseThrow(() -> DomainException.badInput("review.expert-unknown", "expertUserId", expertUserId + " 不在专家库中", "expertUserId: " + expertUserId + " is not in the expert pool"));
    repository.find(requestId).appoint(seatId, expert, now());
    audit(actor, "review.expert-appointed", requestId, expertUserId + " to seat " + seatId);
  }

  public void declareConflict(String requestId, String seatId, String itemId, String userId, boolean conflict, String reason) {
    repository.find(requestId).declare(seatId, itemId, expertOf(userId), conflict, reason, now());
    audit(userId, conflict ? "review.conflict-declared" : "review.no-conflict-declared", requestId, "item " + itemId
        + (conflict ? ": " + reason : ""));
  }

  public void appointForItem(String requestId, String seatId, String itemId, String expertUserId, String actor) {
    PoolMember expert = repository.expertByUser(expertUserId)
        .orElseThrow(() -> DomainException.badInput("review.expert-unknown", "expertUserId", expertUserId + " 不在专家库中", "expertUserId: " + expertUserId + " is not in the expert pool"));
    repository.find(requestId).appointForItem(seatId, itemId, expert);
    audit(actor, "review.expert-appointed", requestId, expertUserId + " for item " + itemId);
  }

  public void score(String requestId, String seatId, String itemId, String userId, Map<String, Assignment.CriterionScore> scores) {
    repository.find(requestId).score(seatId, itemId, expertOf(userId), scores, now());
    audit(userId, "review.scored", requestId, "item " + itemId);
  }

  public void replaceLateExpert(String requestId, String seatId, String itemId, String actor) {
    repository.find(requestId).replaceLate(seatId, itemId);
    audit(actor, "review.late-expert-replaced", requestId, "item " + itemId);
  }

  /** Records the reminder to the seat's expert for an item; returns the expert's user id (null if none is seated). */
  public String remind(String requestId, String seatId, String itemId) {
    ReviewRequest request = repository.find(requestId);
    String expert = request.currentAssignment(seatId, itemId).map(Assignment::getExpertId).orElse(null);
    audit("system", "review.reminder-sent", requestId, "expert " + (expert == null ? "?" : expert) + ", item " + itemId);
    return userOf(expert);
  }

  public List<ItemOutcome> aggregate(String requestId) {
    List<ItemOutcome> outcomes = repository.find(requestId).aggregate();
    audit("system", "review.aggregated", requestId, outcomes.size() + " item(s); diverging: "
        + outcomes.stream().filter(ItemOutcome::isDiverges).map(ItemOutcome::getItemId).toList());
    return outcomes;
  }

  public void recordOpinion(String requestId, String itemId, ItemOutcome.Recommendation recommendation, String opinion,
      String reasons, String chair) {
    repository.find(requestId).decide(itemId, recommendation, opinion, reasons, chair, now());
    audit(chair, "review.opinion-recorded", requestId, "item " + itemId + ": " + recommendation);
  }

  public void complete(String requestId) {
    repository.find(requestId).complete();
    audit("system", "review.completed", requestId, null);
  }

  public String userOf(String expertId) {
    return expertId == null ? null : repository.userOf(expertId).orElse(null);
  }
}
