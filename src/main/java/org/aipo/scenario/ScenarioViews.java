package org.aipo.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How rounds, lists, scenarios and objections look over the API: JSON-B records. */
public final class ScenarioViews {

  private ScenarioViews() {
  }

  /** A scenario as the public reads it (no nominating person, only the unit). */
  @Schema(name = "Scenario")
  public record ScenarioView(String code, @Schema(example = "N1") String number, String title, String field, String fieldName,
      String demandOwner, String description, String dataAvailable, String expectedScale, String publicServiceImpact,
      boolean personalData, String scope, String riskTier, String supervisionMode, List<String> nominatedBy,
      List<String> nominatedByNames) {
  }

  /** A scenario of a round as officials read it: the public view, the decisions and who nominated it. */
  @Schema(name = "RoundScenario")
  public record RoundScenarioView(String code, String number, String title, String field, String fieldName, String demandOwner,
      String description, String dataAvailable, String expectedScale, String publicServiceImpact, boolean personalData, String scope,
      String riskTier, String supervisionMode, List<String> nominatedBy, List<String> nominatedByNames, String status,
      @Schema(example = "N1") String mergedInto, String reason, String riskReason, BigDecimal reviewScore, String reviewRecommendation,
      String reviewOpinion, String nominator, Instant nominatedAt) {
  }

  /** A published list or a draft under notice: its kept scenarios. */
  @Schema(name = "ScenarioList")
  public record ListView(String roundId, String theme, Integer version, Instant publishedAt, String stage, Instant noticeOpensAt,
      Instant noticeClosesAt, List<ScenarioView> scenarios) {
  }

  /** A draft list under public notice, with how to object. */
  @Schema(name = "ScenarioNotice")
  public record NoticeView(String roundId, String theme, Integer version, Instant publishedAt, String stage, Instant noticeOpensAt,
      Instant noticeClosesAt, List<ScenarioView> scenarios, String howToObject) {
  }

  /** A published list in the index of versions. */
  @Schema(name = "ScenarioListSummary")
  public record ListSummary(int version, String theme, Instant publishedAt, long scenarioCount) {
  }

  /** A round in the office's index. */
  @Schema(name = "ScenarioRoundSummary")
  public record RoundSummary(String id, String theme, String stage, Instant nominationDeadline, Integer version) {
  }

  /** A real-name objection and its answer. */
  @Schema(name = "ScenarioObjection")
  public record ObjectionView(String id, int noticeRound, String scenario, String name, String contact, String organisation,
      String grounds, Instant lodgedAt, String decision, String answer, String answeredBy) {
  }

  /** Everything about a round, for officials. */
  @Schema(name = "ScenarioRound")
  public record RoundView(String id, String theme, String trigger, String startedBy, Instant startedAt, Instant nominationDeadline,
      String reviewField, int panelSize, String stage, List<String> invitedUnits, List<String> respondedUnits, List<String> lateUnits,
      String reviewRequestId, String listReview, String returnComments, int noticeRound, Instant noticeOpensAt, Instant noticeClosesAt,
      Integer version, Instant publishedAt, List<RoundScenarioView> scenarios, List<ObjectionView> objections) {
  }

  static ScenarioView scenario(Scenario s, List<Scenario> all, UnaryOperator<String> unitName) {
    List<String> nominators = ScenarioRules.nominators(s, all);
    return new ScenarioView(s.getCode(), s.getLabel(), s.getTitle(), s.getField(), ScenarioRules.fieldName(s.getField()), s.getDemandOwner(),
        s.getDescription(), s.getDataAvailable(), s.getExpectedScale(), s.getPublicServiceImpact(), s.isPersonalData(), s.getScope(),
        s.getRiskTier(), s.getSupervisionMode(), nominators, nominators.stream().map(unitName).toList());
  }

  static RoundScenarioView roundScenario(Scenario s, List<Scenario> all, UnaryOperator<String> unitName) {
    ScenarioView v = scenario(s, all, unitName);
    return new RoundScenarioView(v.code(), v.number(), v.title(), v.field(), v.fieldName(), v.demandOwner(), v.description(),
        v.dataAvailable(), v.expectedScale(), v.publicServiceImpact(), v.personalData(), v.scope(), v.riskTier(), v.supervisionMode(),
        v.nominatedBy(), v.nominatedByNames(), s.getStatus().name(), s.getMergedInto() == null ? null : "N" + s.getMergedInto(),
        s.getReason(), s.getRiskReason(), s.getReviewScore(), s.getReviewRecommendation(), s.getReviewOpinion(), s.getNominatedBy(),
        s.getNominatedAt());
  }

  static ListView list(ScenarioRound round, List<Scenario> scenarios, UnaryOperator<String> unitName) {
    return new ListView(round.getId(), round.getTheme(), round.getVersion(), round.getPublishedAt(), round.getStage().name(),
        round.getNoticeOpensAt(), round.getNoticeClosesAt(),
        scenarios.stream().filter(Scenario::isKept).map(s -> scenario(s, scenarios, unitName)).toList());
  }

  static NoticeView notice(ScenarioRound round, List<Scenario> scenarios, UnaryOperator<String> unitName, String howToObject) {
    ListView l = list(round, scenarios, unitName);
    return new NoticeView(l.roundId(), l.theme(), l.version(), l.publishedAt(), l.stage(), l.noticeOpensAt(), l.noticeClosesAt(),
        l.scenarios(), howToObject);
  }

  static RoundView round(ScenarioRound round, List<Scenario> scenarios, List<ScenarioObjection> objections, UnaryOperator<String> unitName) {
    List<ObjectionView> answered = objections.stream().map(o -> new ObjectionView(o.getId(), o.getNoticeRound(), o.getScenario(),
        o.getObjector().getName(), o.getObjector().getContact(), o.getObjector().getOrganisation(), o.getGrounds(), o.getLodgedAt(),
        o.getDecision() == null ? null : o.getDecision().toString(), o.getAnswer(), o.getAnsweredBy())).toList();
    return new RoundView(round.getId(), round.getTheme(), round.getTrigger().name(), round.getStartedBy(), round.getStartedAt(),
        round.getNominationDeadline(), round.getReviewField(), round.getPanelSize(), round.getStage().name(),
        List.copyOf(round.getInvitedUnits()), List.copyOf(round.getRespondedUnits()),
        round.getLateUnits() == null ? null : List.copyOf(round.getLateUnits()), round.getReviewRequestId(), round.getListReview(),
        round.getReturnComments(), round.getNoticeRound(), round.getNoticeOpensAt(), round.getNoticeClosesAt(), round.getVersion(),
        round.getPublishedAt(), scenarios.stream().map(s -> roundScenario(s, scenarios, unitName)).toList(), answered);
  }
}
