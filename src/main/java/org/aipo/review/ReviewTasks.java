package org.aipo.review;

import org.aipo.common.DomainException;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What expressions in {@code expert-committee-review.bpmn} ask about a review:
 * {@code ${reviewTasks.seatIds(reviewRequestId)}}, {@code ${reviewTasks.itemUser(reviewRequestId, seatId, itemId)}}, ...
 * Read-only; the state lives in {@link ReviewRequest}.
 */
@ApplicationScoped
@Named("reviewTasks")
public class ReviewTasks {

  private ReviewService service;

  protected ReviewTasks() {
    // for the CDI proxy
  }

  @Inject
  public ReviewTasks(ReviewService service) {
    this.service = service;
  }

  private ReviewRequest review(String requestId) {
    return service.find(requestId);
  }

  public List<String> seatIds(String requestId) {
    return review(requestId).getSeats().stream().map(Seat::getId).toList();
  }

  public List<String> itemIds(String requestId) {
    return review(requestId).getItems().stream().map(ReviewItem::getId).toList();
  }

  public String title(String requestId) {
    return review(requestId).getTitle();
  }

  public boolean seatHasExpert(String requestId, String seatId) {
    return review(requestId).seat(seatId).getExpertId() != null;
  }

  public String seatUser(String requestId, String seatId) {
    return service.userOf(review(requestId).seat(seatId).getExpertId());
  }

  public int seatNo(String requestId, String seatId) {
    return review(requestId).seat(seatId).getSeatNo();
  }

  public boolean seatAccepted(String requestId, String seatId) {
    return review(requestId).seat(seatId).isAccepted();
  }

  public boolean itemHasExpert(String requestId, String seatId, String itemId) {
    return review(requestId).currentAssignment(seatId, itemId).map(a -> a.getExpertId() != null).orElse(false);
  }

  public String itemUser(String requestId, String seatId, String itemId) {
    return review(requestId).currentAssignment(seatId, itemId).map(a -> service.userOf(a.getExpertId())).orElse(null);
  }

  /** The expert declared no conflict (or was given more time) and has this item to score. */
  public boolean readyToScore(String requestId, String seatId, String itemId) {
    return review(requestId).currentAssignment(seatId, itemId).map(a -> a.getStatus() == Assignment.Status.SCORING).orElse(false);
  }

  private ReviewItem item(String requestId, String itemId) {
    return review(requestId).getItems().stream().filter(i -> i.getId().equals(itemId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("review.item-not-found", "itemId", "没有项目 " + itemId, "itemId: no item " + itemId));
  }

  public String itemTitle(String requestId, String itemId) {
    ReviewItem item = item(requestId, itemId);
    return item.getReference() + " " + item.getTitle();
  }

  /** The item's description for the experts, or a note that the caller gave none. */
  public String itemDetails(String requestId, String itemId) {
    String details = item(requestId, itemId).getDetails();
    return details == null || details.isBlank() ? "（无详细材料 No further details）"
        : org.aipo.common.Text.forTask(details, "评审秘书处 the committee secretariat");
  }

  public String applicantOf(String requestId, String itemId) {
    return item(requestId, itemId).getApplicantOrganisation();
  }

  private ReviewCriterion criterion(String requestId, int number) {
    List<ReviewCriterion> criteria = review(requestId).getCriteria();
    return number >= 1 && number <= criteria.size() ? criteria.get(number - 1) : null;
  }

  public String criterionCode(String requestId, int number) {
    ReviewCriterion criterion = criterion(requestId, number);
    return criterion == null ? null : criterion.getCode();
  }

  public String criterionLabel(String requestId, int number) {
    ReviewCriterion criterion = criterion(requestId, number);
    return criterion == null ? null : criterion.getName() + "（0–" + criterion.getWeight() + " 分 points）";
  }

  /** The scoring window, P{n}D in working days. */
  public String scoringPeriod(String requestId) {
    return "P" + review(requestId).getScoringDays() + "D";
  }

  /** The reminder, one working day before the scoring deadline. */
  public String reminderPeriod(String requestId) {
    return "P" + (review(requestId).getScoringDays() - 1) + "D";
  }

  public boolean diverges(String requestId, String itemId) {
    return review(requestId).outcome(itemId).isDiverges();
  }

  public String draftOpinion(String requestId, String itemId) {
    return review(requestId).draftOpinion(itemId);
  }

  public String draftRecommendation(String requestId, String itemId) {
    return review(requestId).draftRecommendation(itemId).name();
  }

  public String outcomeSummary(String requestId, String itemId) {
    ItemOutcome outcome = review(requestId).outcome(itemId);
    return "综合得分 Score " + outcome.getScore() + "；分差 spread " + outcome.getSpread() + "；各项平均 criteria "
        + outcome.getCriterionMeans() + "（" + outcome.getScoreCount() + " 位专家 experts）";
  }

  public String chairOf(String requestId) {
    return review(requestId).getChairUserId();
  }
}
