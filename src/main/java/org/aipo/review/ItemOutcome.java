package org.aipo.review;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.aipo.common.Text;

/**
 * The committee's result for one item: aggregated score, per-criterion means, whether the experts
 * diverged, the recommendation and the opinion with its reasons, confirmed by the chair.
 */
@Entity
@Table(name = "AIPO_REVIEW_OUTCOME")
public class ItemOutcome {

  public enum Recommendation { RECOMMENDED, NOT_RECOMMENDED }

  @Id
  @Column(name = "ITEM_ID", length = 36)
  private String itemId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REQUEST_ID")
  private ReviewRequest request;

  @Column(name = "SCORE", nullable = false, precision = 6, scale = 2)
  private BigDecimal score;

  @Column(name = "SPREAD", nullable = false, precision = 6, scale = 2)
  private BigDecimal spread;

  @Column(name = "TRIMMED", nullable = false)
  private boolean trimmed;

  @Column(name = "DIVERGES", nullable = false)
  private boolean diverges;

  @Column(name = "SCORE_COUNT", nullable = false)
  private int scoreCount;

  /** code=mean pairs, ';'-separated, in criterion order. */
  @Column(name = "CRITERION_MEANS", nullable = false, length = 1000)
  private String criterionMeans;

  @Column(name = "RECOMMENDATION", length = 20)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Recommendation recommendation;

  @Column(name = "OPINION", length = 4000)
  private String opinion;

  @Column(name = "REASONS", length = 4000)
  private String reasons;

  @Column(name = "DECIDED_BY", length = 64)
  private String decidedBy;

  @Column(name = "DECIDED_AT")
  private Instant decidedAt;

  protected ItemOutcome() {
    // for JPA
  }

  ItemOutcome(ReviewRequest request, String itemId, ScoreAggregation.Result result) {
    this.request = request;
    this.itemId = itemId;
    this.score = result.score();
    this.spread = result.spread();
    this.trimmed = result.trimmed();
    this.diverges = result.diverges();
    this.scoreCount = result.totals().size();
    StringBuilder means = new StringBuilder();
    result.criterionMeans().forEach((code, mean) -> means.append(means.length() == 0 ? "" : ";").append(code).append('=').append(mean));
    this.criterionMeans = means.toString();
  }

  void decide(Recommendation recommendation, String opinion, String reasons, String decidedBy, Instant now) {
    if (this.decidedAt != null) {
      throw DomainException.conflict("review.opinion-recorded", null, "此项目的委员会意见已记录", "the committee's opinion on this item is already recorded");
    }
    if (recommendation == null) {
      throw DomainException.badInput("field.required", "recommendation", "推荐意见为必填项", "recommendation is required");
    }
    this.opinion = Text.required(opinion, "opinion", 4000);
    if (diverges) {
      this.reasons = Text.required(reasons, "reasons", 4000);
    } else {
      this.reasons = Text.atMost(reasons, "reasons", 4000);
    }
    this.recommendation = recommendation;
    this.decidedBy = decidedBy;
    this.decidedAt = now;
  }

  public String getItemId() {
    return itemId;
  }

  public BigDecimal getScore() {
    return score;
  }

  public BigDecimal getSpread() {
    return spread;
  }

  public boolean isTrimmed() {
    return trimmed;
  }

  public boolean isDiverges() {
    return diverges;
  }

  public int getScoreCount() {
    return scoreCount;
  }

  public String getCriterionMeans() {
    return criterionMeans;
  }

  /** The criterion means by code, as stored ("code=mean;..."); a criterion nobody could score is absent. */
  public java.util.Map<String, BigDecimal> criterionMeanMap() {
    java.util.Map<String, BigDecimal> means = new java.util.LinkedHashMap<>();
    if (criterionMeans != null && !criterionMeans.isBlank()) {
      for (String pair : criterionMeans.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && !"null".equals(pair.substring(eq + 1))) {
          means.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
        }
      }
    }
    return means;
  }

  public Recommendation getRecommendation() {
    return recommendation;
  }

  public String getOpinion() {
    return opinion;
  }

  public String getReasons() {
    return reasons;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public boolean isDecided() {
    return decidedAt != null;
  }
}
