package org.aipo.scenario;

import java.time.Instant;
import java.util.List;

/**
 * What {@code processes/scenario-list-round.bpmn} does to the records of a round and its scenarios (JPA in
 * the server, memory in process tests). Every method is one step of docs/domain.md programme 1 and is audited.
 */
public interface ScenarioStages {

  /** The risk-tier decision ({@code scenarioRiskTier}, DMN) for one scenario. */
  interface RiskTier {
    Tier evaluate(String field, String publicServiceImpact, boolean personalData, String scope);
  }

  record Tier(String riskTier, String supervisionMode, String reason) {
  }

  /** A round started by the cadence timer: default theme (the quarter) and deadline; its id. */
  String startByCadence(Instant now, Instant nominationDeadline);

  /** A round started by an official (Tasklist start form or REST); its id. Bad input is refused naming the field. */
  String startByOfficial(String theme, Instant nominationDeadline, String reviewField, Integer panelSize, String actor);

  /** Asks these nominating units (user ids) for nominations. */
  void invite(String roundId, List<String> units);

  Instant nominationDeadline(String roundId);

  String theme(String roundId);

  /** A unit's answer: its nominations as a JSON list (empty: nothing to nominate this round). */
  void nominate(String roundId, String unit, String scenariosJson, String actor);

  /** The reminder before the deadline to the units that have not answered; those units. */
  List<String> remind(String roundId);

  /** Closes nominations; the units recorded as late. */
  List<String> closeNominations(String roundId);

  int nominationCount(String roundId);

  /** The consolidation table (markdown) for the office's form. */
  String consolidationTable(String roundId);

  /** The current merges and rejections as the form's lines. */
  String mergeLines(String roundId);

  String rejectionLines(String roundId);

  /** What the office should know when consolidating: leadership's comments, upheld objections. */
  String consolidationNotes(String roundId);

  /** Applies the office's merges ("N3 → N1" lines) and rejections ("N4: reason" lines); the number of kept scenarios. */
  int consolidate(String roundId, String merges, String rejections, String actor);

  /** Gives every kept scenario its risk tier and supervision mode; the number of high-risk ones. */
  int assessRisk(String roundId, RiskTier decision);

  /** The expert-committee review of the high-risk scenarios and the draft list; the review request's id. */
  String prepareReview(String roundId);

  /** Copies the committee's outcome onto the scenarios and the round. */
  void recordReview(String roundId);

  /** The draft list as a markdown table. */
  String draftList(String roundId);

  void recordApproval(String roundId, boolean approved, String comments, String actor);

  void openNotice(String roundId, Instant closes);

  String objectionSummary(String objectionId);

  void answerObjection(String objectionId, ScenarioObjection.Decision decision, String answer, String actor);

  /** After the notice: "reconsolidate" (an objection was upheld) or "clear". */
  String closeNotice(String roundId);

  /** Publishes the list; its version. */
  int publish(String roundId);

  /** No scenario kept: the round ends without a list. */
  void nothingListed(String roundId);
}
