package org.aipo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aipo.review.ScoreAggregation.Criterion;
import org.aipo.review.ScoreAggregation.ExpertScore;
import org.junit.jupiter.api.Test;

class ScoreAggregationTest {

  static final List<Criterion> CRITERIA = List.of(new Criterion("innovation", 40), new Criterion("feasibility", 30),
      new Criterion("impact", 30));

  static ExpertScore score(String expert, Integer innovation, Integer feasibility, Integer impact) {
    Map<String, Integer> points = new HashMap<>();
    points.put("innovation", innovation);
    points.put("feasibility", feasibility);
    points.put("impact", impact);
    return new ExpertScore(expert, points);
  }

  @Test
  void withFiveScoresTheHighestAndLowestAreDropped() {
    List<ExpertScore> scores = List.of(score("a", 40, 30, 30), score("b", 30, 20, 20), score("c", 28, 22, 20),
        score("d", 32, 18, 20), score("e", 10, 10, 10));

    ScoreAggregation.Result result = ScoreAggregation.aggregate(CRITERIA, scores);

    assertThat(result.trimmed()).isTrue();
    assertThat(result.totals()).containsExactly(bd("100.00"), bd("70.00"), bd("70.00"), bd("70.00"), bd("30.00"));
    assertThat(result.score()).isEqualTo(bd("70.00"));
    assertThat(result.spread()).isEqualTo(bd("70.00"));
    assertThat(result.diverges()).isTrue();
  }

  @Test
  void withThreeScoresThePlainMeanIsUsed() {
    ScoreAggregation.Result result = ScoreAggregation.aggregate(CRITERIA,
        List.of(score("a", 30, 20, 20), score("b", 32, 22, 20), score("c", 28, 24, 22)));

    assertThat(result.trimmed()).isFalse();
    assertThat(result.score()).isEqualTo(bd("72.67"));
    assertThat(result.diverges()).as("spread 74 - 70 = 4").isFalse();
    assertThat(result.criterionMeans()).containsEntry("innovation", bd("30.00")).containsEntry("feasibility", bd("22.00"));
  }

  @Test
  void notApplicableIsNeverCountedAsZero() {
    // 'impact' not applicable: 35 + 21 of 70 applicable points = 80, not 56 of 100
    assertThat(ScoreAggregation.total(CRITERIA, score("a", 35, 21, null))).isEqualTo(80.0);
    ScoreAggregation.Result result = ScoreAggregation.aggregate(CRITERIA, List.of(score("a", 35, 21, null), score("b", 36, 24, 20)));
    assertThat(result.score()).isEqualTo(bd("80.00"));
    assertThat(result.criterionMeans()).containsEntry("impact", bd("20.00"));
  }

  @Test
  void divergenceIsMoreThanTwentyPointsBetweenHighestAndLowest() {
    assertThat(ScoreAggregation.aggregate(CRITERIA, List.of(score("a", 30, 20, 20), score("b", 36, 27, 27), score("c", 32, 22, 22))).diverges())
        .as("70 vs 90: exactly 20 is not divergent").isFalse();
    assertThat(ScoreAggregation.aggregate(CRITERIA, List.of(score("a", 30, 20, 19), score("b", 36, 27, 27), score("c", 32, 22, 22))).diverges())
        .as("69 vs 90").isTrue();
  }

  @Test
  void badScoresAreRefusedNamingTheCriterion() {
    assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, score("a", 41, 20, 20))).hasMessageContaining("innovation").hasMessageContaining("0 and 40");
    assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, score("a", -1, 20, 20))).hasMessageContaining("innovation");
    assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, new ExpertScore("a", Map.of("innovation", 20, "feasibility", 20))))
        .hasMessageContaining("impact");
    assertThatThrownBy(() -> ScoreAggregation.total(CRITERIA, score("a", null, null, null))).hasMessageContaining("not applicable");
    assertThatThrownBy(() -> ScoreAggregation.aggregate(CRITERIA, List.of())).hasMessageContaining("no scores");
  }

  static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }
}
