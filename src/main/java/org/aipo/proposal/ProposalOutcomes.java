package org.aipo.proposal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.aipo.review.Assignment;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;

/**
 * What an applicant may read of its proposal's outcome: the decision and its reason, the committee's
 * aggregated and per-criterion scores, every expert's scores and comments under a number, the committee's
 * opinion. Never an expert's name or id. Scores are shown once the notice is published, not before.
 */
@ApplicationScoped
@Transactional
public class ProposalOutcomes {

  static final Set<Proposal.Status> PUBLISHED = EnumSet.of(Proposal.Status.PROPOSED, Proposal.Status.NOT_SELECTED,
      Proposal.Status.EXCLUDED, Proposal.Status.AWARDED, Proposal.Status.ACCEPTED, Proposal.Status.ACCEPTANCE_FAILED,
      Proposal.Status.ACCEPTANCE_OVERDUE);

  @Inject
  Proposals proposals;

  @Inject
  ReviewService reviews;

  public JsonObject outcome(String proposalId, String organisationId) {
    Proposal proposal = proposals.own(proposalId, organisationId);
    JsonObjectBuilder json = Json.createObjectBuilder().add("proposalId", proposal.getId()).add("status", proposal.getStatus().name());
    if (proposal.getStatus() == Proposal.Status.INELIGIBLE) {
      return json.add("published", true).add("reason", nullable(proposal.getCheckReasons())).build();
    }
    if (!PUBLISHED.contains(proposal.getStatus())) {
      return json.add("published", false)
          .add("message", "评审结果将在公示时公布。The outcome is published with the notice of proposed awardees.").build();
    }
    json.add("published", true).add("reason", nullable(proposal.getOutcomeReason()))
        .add("score", proposal.getScore() == null ? JsonValue.NULL : Json.createValue(proposal.getScore()))
        .add("rankInField", proposal.getRankInField() == null ? JsonValue.NULL : Json.createValue(proposal.getRankInField()))
        .add("award", proposal.getAward() == null ? BigDecimal.ZERO : proposal.getAward())
        .add("midTermResult", nullable(proposal.getMidTermResult())).add("benchmark", proposal.isBenchmark());
    if (proposal.getReviewRequestId() != null) {
      json.add("review", review(reviews.find(proposal.getReviewRequestId()), proposal.getId()));
    }
    return json.build();
  }

  static JsonObject review(ReviewRequest request, String proposalId) {
    ReviewItem item = request.getItems().stream().filter(i -> i.getReference().equals(proposalId)).findFirst().orElseThrow();
    ItemOutcome outcome = request.outcome(item.getId());
    Map<String, BigDecimal> means = outcome.criterionMeanMap();
    JsonArrayBuilder criteria = Json.createArrayBuilder();
    for (ReviewCriterion criterion : request.getCriteria()) {
      BigDecimal mean = means.get(criterion.getCode());
      criteria.add(Json.createObjectBuilder().add("code", criterion.getCode()).add("name", criterion.getName())
          .add("weight", criterion.getWeight()).add("mean", mean == null ? JsonValue.NULL : Json.createValue(mean)));
    }
    JsonArrayBuilder experts = Json.createArrayBuilder();
    List<Assignment> scored = request.getAssignments().stream()
        .filter(a -> a.getItemId().equals(item.getId()) && a.getStatus() == Assignment.Status.SCORED)
        .sorted(Comparator.comparingInt(Assignment::getSeatNo)).toList();
    int number = 1;
    for (Assignment assignment : scored) {
      JsonArrayBuilder scores = Json.createArrayBuilder();
      for (ReviewCriterion criterion : request.getCriteria()) {
        Assignment.CriterionScore score = assignment.getScores().get(criterion.getCode());
        scores.add(Json.createObjectBuilder().add("criterion", criterion.getCode())
            .add("points", score == null || score.getPoints() == null ? JsonValue.NULL : Json.createValue(score.getPoints()))
            .add("notApplicable", score != null && score.getPoints() == null)
            .add("comment", score == null ? JsonValue.NULL : nullable(score.getComment())));
      }
      experts.add(Json.createObjectBuilder().add("reviewer", "专家 " + number + " Expert " + number).add("scores", scores));
      number++;
    }
    return Json.createObjectBuilder().add("score", outcome.getScore()).add("scoreCount", outcome.getScoreCount())
        .add("trimmed", outcome.isTrimmed()).add("criteria", criteria).add("experts", experts)
        .add("recommendation", outcome.getRecommendation() == null ? JsonValue.NULL : Json.createValue(outcome.getRecommendation().name()))
        .add("opinion", nullable(outcome.getOpinion())).build();
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }
}
