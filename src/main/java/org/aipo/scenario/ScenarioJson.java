package org.aipo.scenario;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** How rounds, lists, scenarios and objections look over the API. */
final class ScenarioJson {

  private ScenarioJson() {
  }

  static JsonValue text(Object value) {
    return value == null ? JsonValue.NULL : Json.createValue(value.toString());
  }

  static JsonValue number(Integer value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }

  /** A scenario as the public reads it (no nominating person, only the unit). */
  static JsonObjectBuilder scenario(Scenario s, List<Scenario> all, java.util.function.UnaryOperator<String> unitName) {
    return Json.createObjectBuilder().add("code", text(s.getCode())).add("number", s.getLabel()).add("title", s.getTitle())
        .add("field", s.getField()).add("fieldName", ScenarioRules.fieldName(s.getField())).add("demandOwner", s.getDemandOwner())
        .add("description", s.getDescription()).add("dataAvailable", s.getDataAvailable()).add("expectedScale", s.getExpectedScale())
        .add("publicServiceImpact", s.getPublicServiceImpact()).add("personalData", s.isPersonalData()).add("scope", s.getScope())
        .add("riskTier", text(s.getRiskTier())).add("supervisionMode", text(s.getSupervisionMode()))
        .add("nominatedBy", Json.createArrayBuilder(ScenarioRules.nominators(s, all)))
        .add("nominatedByNames", Json.createArrayBuilder(ScenarioRules.nominators(s, all).stream().map(unitName).toList()));
  }

  /** A published list or a draft under notice: its kept scenarios. */
  static JsonObject list(ScenarioRound round, List<Scenario> scenarios, java.util.function.UnaryOperator<String> unitName) {
    JsonArrayBuilder listed = Json.createArrayBuilder();
    scenarios.stream().filter(Scenario::isKept).forEach(s -> listed.add(scenario(s, scenarios, unitName)));
    return Json.createObjectBuilder().add("roundId", round.getId()).add("theme", round.getTheme()).add("version", number(round.getVersion()))
        .add("publishedAt", text(round.getPublishedAt())).add("stage", round.getStage().name())
        .add("noticeOpensAt", text(round.getNoticeOpensAt())).add("noticeClosesAt", text(round.getNoticeClosesAt()))
        .add("scenarios", listed).build();
  }

  /** Everything about a round, for officials. */
  static JsonObject round(ScenarioRound round, List<Scenario> scenarios, List<ScenarioObjection> objections,
      java.util.function.UnaryOperator<String> unitName) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (Scenario s : scenarios) {
      all.add(scenario(s, scenarios, unitName).add("status", s.getStatus().name()).add("mergedInto", s.getMergedInto() == null ? JsonValue.NULL
          : Json.createValue("N" + s.getMergedInto())).add("reason", text(s.getReason())).add("riskReason", text(s.getRiskReason()))
          .add("reviewScore", s.getReviewScore() == null ? JsonValue.NULL : Json.createValue(s.getReviewScore()))
          .add("reviewRecommendation", text(s.getReviewRecommendation())).add("reviewOpinion", text(s.getReviewOpinion()))
          .add("nominator", s.getNominatedBy()).add("nominatedAt", s.getNominatedAt().toString()));
    }
    JsonArrayBuilder answered = Json.createArrayBuilder();
    for (ScenarioObjection o : objections) {
      answered.add(Json.createObjectBuilder().add("id", o.getId()).add("noticeRound", o.getNoticeRound()).add("scenario", text(o.getScenario()))
          .add("name", o.getObjector().getName()).add("contact", o.getObjector().getContact())
          .add("organisation", text(o.getObjector().getOrganisation())).add("grounds", o.getGrounds())
          .add("lodgedAt", o.getLodgedAt().toString()).add("decision", text(o.getDecision())).add("answer", text(o.getAnswer()))
          .add("answeredBy", text(o.getAnsweredBy())));
    }
    return Json.createObjectBuilder().add("id", round.getId()).add("theme", round.getTheme()).add("trigger", round.getTrigger().name())
        .add("startedBy", round.getStartedBy()).add("startedAt", round.getStartedAt().toString())
        .add("nominationDeadline", round.getNominationDeadline().toString()).add("reviewField", round.getReviewField())
        .add("panelSize", round.getPanelSize()).add("stage", round.getStage().name())
        .add("invitedUnits", Json.createArrayBuilder(round.getInvitedUnits()))
        .add("respondedUnits", Json.createArrayBuilder(round.getRespondedUnits()))
        .add("lateUnits", round.getLateUnits() == null ? JsonValue.NULL : Json.createArrayBuilder(round.getLateUnits()).build())
        .add("reviewRequestId", text(round.getReviewRequestId())).add("listReview", text(round.getListReview()))
        .add("returnComments", text(round.getReturnComments())).add("noticeRound", round.getNoticeRound())
        .add("noticeOpensAt", text(round.getNoticeOpensAt())).add("noticeClosesAt", text(round.getNoticeClosesAt()))
        .add("version", number(round.getVersion())).add("publishedAt", text(round.getPublishedAt()))
        .add("scenarios", all).add("objections", answered).build();
  }
}
