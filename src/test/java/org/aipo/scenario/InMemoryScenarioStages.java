package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The round's records in memory for process tests; the rules are the server's ({@link ScenarioSteps}). */
class InMemoryScenarioStages extends ScenarioSteps {

  /** The messages the steps sent. */
  final java.util.List<org.aipo.notification.Message> messages = new java.util.ArrayList<>();

  @Override
  protected void tell(org.aipo.notification.Message message) {
    messages.add(message);
  }


  final Map<String, ScenarioRound> rounds = new LinkedHashMap<>();
  final Map<String, Scenario> scenarios = new LinkedHashMap<>();
  final Map<String, ScenarioObjection> objections = new LinkedHashMap<>();
  final List<String> audit = new ArrayList<>();
  /** What the stand-in review gives every reviewed scenario. */
  BigDecimal reviewScore = new BigDecimal("82.50");
  int reviews;

  @Override
  protected ScenarioRound round(String roundId) {
    ScenarioRound round = rounds.get(roundId);
    if (round == null) {
      throw DomainException.notFound("scenario.round-not-found", "roundId", "没有场景征集轮次 " + roundId, "roundId: no scenario round " + roundId);
    }
    return round;
  }

  @Override
  protected void store(ScenarioRound round) {
    rounds.put(round.getId(), round);
  }

  @Override
  protected List<Scenario> scenarios(String roundId) {
    return scenarios.values().stream().filter(s -> s.getRoundId().equals(roundId)).sorted(Comparator.comparingInt(Scenario::getNumber)).toList();
  }

  @Override
  protected void store(Scenario scenario) {
    scenarios.put(scenario.getId(), scenario);
  }

  @Override
  protected List<ScenarioObjection> objections(String roundId, int noticeRound) {
    return objections.values().stream().filter(o -> o.getRoundId().equals(roundId) && o.getNoticeRound() == noticeRound).toList();
  }

  @Override
  protected ScenarioObjection objection(String objectionId) {
    return objections.get(objectionId);
  }

  @Override
  protected int latestVersion() {
    return rounds.values().stream().filter(r -> r.getVersion() != null).mapToInt(ScenarioRound::getVersion).max().orElse(0);
  }

  @Override
  protected String requestReview(ScenarioRound round, List<Scenario> highRisk, String draftList) {
    reviews++;
    return "review-" + reviews;
  }

  @Override
  protected void copyReviewOutcomes(ScenarioRound round, List<Scenario> highRisk) {
    round.listReviewed("80.00 · RECOMMENDED");
    highRisk.forEach(s -> s.reviewed(reviewScore, "RECOMMENDED", "可控 manageable"));
  }

  @Override
  protected void audit(String actor, String action, String subjectType, String subjectId, String detail) {
    audit.add(actor + " " + action + " " + (detail == null ? "" : detail));
  }

  /** An objection lodged during the notice (what the public endpoint stores). */
  ScenarioObjection lodge(String roundId, String scenarioLabel, String grounds) {
    return lodge(roundId, scenarioLabel, grounds, "13800000000");
  }

  ScenarioObjection lodge(String roundId, String scenarioLabel, String grounds, String contact) {
    ScenarioRound round = round(roundId);
    ScenarioObjection objection = new ScenarioObjection(roundId, round.getNoticeRound(), scenarioLabel,
        new org.aipo.common.Objector("张三", contact, null), grounds, clock.instant());
    objections.put(objection.getId(), objection);
    return objection;
  }
}
