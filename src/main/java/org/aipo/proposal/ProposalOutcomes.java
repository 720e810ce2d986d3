package org.aipo.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.transaction.Transactional;

import org.aipo.review.Assignment;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

  /** One of the three answers: ineligible (with the formal check's reasons), not yet published, published. */
  @Schema(name = "ProposalOutcome", oneOf = {Ineligible.class, Pending.class, Published.class})
  public sealed interface Outcome permits Ineligible, Pending, Published {
  }

  /** The formal check found the proposal ineligible; {@code reason} holds its reasons. */
  @Schema(name = "ProposalOutcomeIneligible")
  public record Ineligible(String proposalId, String status, boolean published, String reason) implements Outcome {
  }

  /** The outcome is not published yet. */
  @Schema(name = "ProposalOutcomePending")
  public record Pending(String proposalId, String status, boolean published, String message) implements Outcome {
  }

  /** The published outcome; {@code review} is left out when the proposal was not reviewed. */
  @Schema(name = "ProposalOutcomePublished")
  public record Published(String proposalId, String status, boolean published, String reason, BigDecimal score, Integer rankInField,
      BigDecimal award, String midTermResult, boolean benchmark, @JsonbNillable(false) Review review) implements Outcome {
  }

  /** The committee's review of the proposal, experts numbered, never named. */
  @Schema(name = "ProposalReview")
  public record Review(BigDecimal score, int scoreCount, boolean trimmed, List<CriterionMean> criteria, List<ExpertScores> experts,
      String recommendation, String opinion) {
  }

  /** A criterion with the mean of the experts' points. */
  @Schema(name = "ProposalReviewCriterion")
  public record CriterionMean(String code, String name, int weight, BigDecimal mean) {
  }

  /** One expert's scores, under a number ("专家 1 Expert 1"). */
  @Schema(name = "ProposalReviewExpert")
  public record ExpertScores(String reviewer, List<Score> scores) {
  }

  /** An expert's points on a criterion (null when not applicable) and comment. */
  @Schema(name = "ProposalReviewScore")
  public record Score(String criterion, Integer points, boolean notApplicable, String comment) {
  }

  @Inject
  Proposals proposals;

  @Inject
  ReviewService reviews;

  public Outcome outcome(String proposalId, String organisationId) {
    Proposal proposal = proposals.own(proposalId, organisationId);
    String status = proposal.getStatus().name();
    if (proposal.getStatus() == Proposal.Status.INELIGIBLE) {
      return new Ineligible(proposal.getId(), status, true, proposal.getCheckReasons());
    }
    if (!PUBLISHED.contains(proposal.getStatus())) {
      return new Pending(proposal.getId(), status, false,
          "评审结果将在公示时公布。The outcome is published with the notice of proposed awardees.");
    }
    return new Published(proposal.getId(), status, true, proposal.getOutcomeReason(), proposal.getScore(), proposal.getRankInField(),
        proposal.getAward() == null ? BigDecimal.ZERO : proposal.getAward(), proposal.getMidTermResult(), proposal.isBenchmark(),
        proposal.getReviewRequestId() == null ? null : review(reviews.find(proposal.getReviewRequestId()), proposal.getId()));
  }

  static Review review(ReviewRequest request, String proposalId) {
    ReviewItem item = request.getItems().stream().filter(i -> i.getReference().equals(proposalId)).findFirst().orElseThrow();
    ItemOutcome outcome = request.outcome(item.getId());
    Map<String, BigDecimal> means = outcome.criterionMeanMap();
    List<CriterionMean> criteria = new ArrayList<>();
    for (ReviewCriterion criterion : request.getCriteria()) {
      criteria.add(new CriterionMean(criterion.getCode(), criterion.getName(), criterion.getWeight(), means.get(criterion.getCode())));
    }
    List<ExpertScores> experts = new ArrayList<>();
    List<Assignment> scored = request.getAssignments().stream()
        .filter(a -> a.getItemId().equals(item.getId()) && a.getStatus() == Assignment.Status.SCORED)
        .sorted(Comparator.comparingInt(Assignment::getSeatNo)).toList();
    int number = 1;
    for (Assignment assignment : scored) {
      List<Score> scores = new ArrayList<>();
      for (ReviewCriterion criterion : request.getCriteria()) {
        Assignment.CriterionScore score = assignment.getScores().get(criterion.getCode());
        scores.add(new Score(criterion.getCode(), score == null ? null : score.getPoints(),
            score != null && score.getPoints() == null, score == null ? null : score.getComment()));
      }
      experts.add(new ExpertScores("专家 " + number + " Expert " + number, scores));
      number++;
    }
    return new Review(outcome.getScore(), outcome.getScoreCount(), outcome.isTrimmed(), criteria, experts,
        outcome.getRecommendation() == null ? null : outcome.getRecommendation().name(), outcome.getOpinion());
  }
}
