package org.aipo.review;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Aggregates the experts' scores of one item. Each expert's total is renormalised over the criteria
 * they found applicable ("not applicable" never counts as zero): points given / weights applicable
 * × 100. With at least {@code trimFrom} totals (default 5) the highest and the lowest are dropped and
 * the rest averaged (trimmed mean), otherwise the plain mean. The scores diverge when max − min exceeds
 * the threshold (default 20 points).
 */
public final class ScoreAggregation {

  public static final int DEFAULT_TRIM_FROM = 5;
  public static final double DEFAULT_DIVERGENCE = 20.0;

  public record Criterion(String code, int weight) {

    public Criterion {
      Objects.requireNonNull(code, "code");
      if (weight <= 0) {
        throw DomainException.badInput("review.weight-positive", "criteria", "指标 " + code + " 的权重须为正数", "weight of " + code + " must be positive");
      }
    }
  }

  /**
   * One expert's scoring of one item: points per criterion code; a {@code null} value is "not
   * applicable".
   */
  public record ExpertScore(String expertId, Map<String, Integer> points) {

    public ExpertScore {
      points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }
  }

  public record Result(BigDecimal score, Map<String, BigDecimal> criterionMeans, List<BigDecimal> totals,
      boolean trimmed, boolean diverges, BigDecimal spread) {
  }

  private ScoreAggregation() {
  }

  /** Checks one expert's points against the criteria: every criterion answered, within 0..weight. */
  public static void validate(List<Criterion> criteria, ExpertScore score) {
    for (Criterion criterion : criteria) {
      if (!score.points().containsKey(criterion.code())) {
        throw DomainException.badInput("review.score-missing", null, "指标 " + criterion.code() + " 未评分，也未标为不适用", "criterion " + criterion.code() + " has no score and is not marked not applicable");
      }
      Integer points = score.points().get(criterion.code());
      if (points != null && (points < 0 || points > criterion.weight())) {
        throw DomainException.badInput("review.score-range", null, "指标 " + criterion.code() + " 的评分须在 0 至 " + criterion.weight() + " 之间，而不是 " + points,
            "score of criterion " + criterion.code() + " must be between 0 and " + criterion.weight() + ", not " + points);
      }
    }
    for (String code : score.points().keySet()) {
      if (criteria.stream().noneMatch(c -> c.code().equals(code))) {
        throw DomainException.badInput("review.criterion-unknown", null, "未知指标 " + code, "unknown criterion " + code);
      }
    }
    if (criteria.stream().allMatch(c -> score.points().get(c.code()) == null)) {
      throw DomainException.badInput("review.all-not-applicable", null, "至少须对一项指标评分；不能全部标为不适用", "at least one criterion must be scored; all are marked not applicable");
    }
  }

  /** The expert's total on a 0-100 scale over the applicable criteria. */
  public static double total(List<Criterion> criteria, ExpertScore score) {
    validate(criteria, score);
    int given = 0;
    int applicableWeight = 0;
    for (Criterion criterion : criteria) {
      Integer points = score.points().get(criterion.code());
      if (points != null) {
        given += points;
        applicableWeight += criterion.weight();
      }
    }
    return given * 100.0 / applicableWeight;
  }

  public static Result aggregate(List<Criterion> criteria, List<ExpertScore> scores) {
    return aggregate(criteria, scores, DEFAULT_TRIM_FROM, DEFAULT_DIVERGENCE);
  }

  public static Result aggregate(List<Criterion> criteria, List<ExpertScore> scores, int trimFrom, double divergence) {
    if (scores.isEmpty()) {
      throw DomainException.conflict("review.no-scores", null, "没有可汇总的评分", "no scores to aggregate");
    }
    List<Double> totals = new ArrayList<>();
    for (ExpertScore score : scores) {
      totals.add(total(criteria, score));
    }
    List<Double> sorted = new ArrayList<>(totals);
    sorted.sort(Comparator.naturalOrder());
    boolean trimmed = sorted.size() >= trimFrom;
    List<Double> counted = trimmed ? sorted.subList(1, sorted.size() - 1) : sorted;
    double mean = counted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double spread = sorted.get(sorted.size() - 1) - sorted.get(0);

    Map<String, BigDecimal> criterionMeans = new LinkedHashMap<>();
    for (Criterion criterion : criteria) {
      OptionalDouble criterionMean = scores.stream().map(s -> s.points().get(criterion.code()))
          .filter(Objects::nonNull).mapToInt(Integer::intValue).average();
      if (criterionMean.isPresent()) {
        criterionMeans.put(criterion.code(), round(criterionMean.getAsDouble()));
      }
    }
    return new Result(round(mean), criterionMeans, totals.stream().map(ScoreAggregation::round).toList(),
        trimmed, spread > divergence, round(spread));
  }

  private static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
