package org.aipo.selection;

import org.aipo.notice.Objection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What {@code processes/demonstration-call.bpmn} does to the records of a call and its proposals (JPA in
 * the server, memory in process tests). Every method is one step of docs/domain.md programme 2 and is audited.
 */
public interface CallStages {

  /** The threshold decision ({@code proposalThreshold}, DMN) for one reviewed proposal. */
  interface Threshold {
    Verdict evaluate(BigDecimal score, double lowestCriterionShare);
  }

  record Verdict(boolean passes, String reason) {
  }

  /** The window of the call, for the timers that open and close it. */
  Instant opensAt(String callId);

  Instant closesAt(String callId);

  void open(String callId);

  void close(String callId);

  /** Proposals of the call still in their formal check (submitted or returned for correction). */
  int pendingChecks(String callId);

  /**
   * Forms the review groups (分组评审) of the eligible proposals not yet reviewed, as a new review round of the call:
   * their ids (none: nothing to review).
   */
  List<String> prepareReviews(String callId);

  /** Whether the office looks at the current round's groups before the draw (some field is split into several groups). */
  boolean groupsToConfirm(String callId);

  /** The current round's groups as markdown for the office's confirmation form. */
  String groupsSummary(String callId);

  /** One review request per group of the current round, all drawn as one call-level draw; their ids in draw order. */
  List<String> drawGroups(String callId);

  /** Ranks every reviewed proposal with the threshold decision and funds them in rank order. */
  void rank(String callId, Threshold threshold);

  /** The ranking as a markdown table for leadership's approval form. */
  String rankingSummary(String callId);

  void recordApproval(String callId, boolean approved, String comments, String actor);

  void recordRevision(String callId, String response, String actor);

  /** Publishes the notice of proposed awardees until {@code closes}. */
  void publishNotice(String callId, Instant closes);

  String objectionSummary(String objectionId);

  void answerObjection(String objectionId, Objection.Decision decision, String answer, String actor);

  /** After the notice: "rereview" (upheld objections sent proposals back), "rerank" (some excluded) or "clear". */
  String closeNotice(String callId);

  /** Announces the awards; the awarded proposals' ids. */
  List<String> announceAwards(String callId);

  String title(String callId);
}
