package org.aipo.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.aipo.funding.Funding.Candidate;
import org.aipo.funding.Funding.Decision;
import org.aipo.funding.Funding.Outcome;
import org.junit.jupiter.api.Test;

class FundingTest {

  static Candidate candidate(String id, String field, String score, String innovation, long requested, boolean passes, long submitted) {
    return new Candidate(id, field, new BigDecimal(score), Map.of("innovation", new BigDecimal(innovation)),
        BigDecimal.valueOf(requested), passes, submitted);
  }

  static Decision decision(List<Decision> decisions, String id) {
    return decisions.stream().filter(d -> d.proposalId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void ranksWithinEachFieldAndFundsInRankOrderUntilTheCountRunsOut() {
    List<Decision> decisions = Funding.allocate(List.of(
        candidate("r1", "robotics", "90", "35", 800_000, true, 1),
        candidate("r2", "robotics", "85", "30", 800_000, true, 2),
        candidate("r3", "robotics", "80", "30", 800_000, true, 3),
        candidate("m1", "healthcare", "75", "30", 500_000, true, 4),
        candidate("x", "healthcare", "65", "20", 500_000, false, 5)),
        List.of("innovation"), new BigDecimal("10000000"), new BigDecimal("1000000"), 3);

    assertThat(decision(decisions, "r1")).extracting(Decision::rankInField, Decision::outcome).containsExactly(1, Outcome.FUNDED);
    assertThat(decision(decisions, "m1")).as("the healthcare leader is funded before robotics' second")
        .extracting(Decision::rankInField, Decision::outcome).containsExactly(1, Outcome.FUNDED);
    assertThat(decision(decisions, "r2").outcome()).isEqualTo(Outcome.FUNDED);
    assertThat(decision(decisions, "r3").outcome()).isEqualTo(Outcome.NOT_FUNDED_COUNT);
    assertThat(decision(decisions, "x").outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
  }

  @Test
  void stopsAtTheFirstProposalTheBudgetCannotCoverAndCapsAwards() {
    List<Decision> decisions = Funding.allocate(List.of(
        candidate("a", "robotics", "95", "35", 3_000_000, true, 1),
        candidate("b", "robotics", "90", "35", 900_000, true, 2),
        candidate("c", "robotics", "85", "35", 100_000, true, 3)),
        List.of(), new BigDecimal("1800000"), new BigDecimal("1000000"), 10);

    assertThat(decision(decisions, "a").award()).as("capped at the maximum award").isEqualByComparingTo("1000000");
    assertThat(decision(decisions, "b").outcome()).as("900k does not fit the remaining 800k").isEqualTo(Outcome.NOT_FUNDED_BUDGET);
    assertThat(decision(decisions, "c").outcome()).as("funding stops in rank order").isEqualTo(Outcome.NOT_FUNDED_BUDGET);
  }

  @Test
  void tiesAreBrokenByTheOrderedCriteriaThenBySubmission() {
    List<Decision> decisions = Funding.allocate(List.of(
        candidate("late-strong", "robotics", "80", "38", 100, true, 9),
        candidate("early-weak", "robotics", "80", "30", 100, true, 1),
        candidate("early-strong", "robotics", "80", "38", 100, true, 2)),
        List.of("innovation"), new BigDecimal("1000"), new BigDecimal("1000"), 1);

    assertThat(decision(decisions, "early-strong").rankInField()).isEqualTo(1);
    assertThat(decision(decisions, "late-strong").rankInField()).isEqualTo(2);
    assertThat(decision(decisions, "early-weak").rankInField()).isEqualTo(3);
    assertThat(decision(decisions, "early-strong").outcome()).isEqualTo(Outcome.FUNDED);
  }
}
