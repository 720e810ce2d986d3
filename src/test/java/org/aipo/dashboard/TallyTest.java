package org.aipo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TallyTest {

  private static Fact fact(Measure measure, String at, List<String> fields, String city, String amount) {
    return new Fact(measure, Instant.parse(at), fields, city, amount == null ? null : new BigDecimal(amount));
  }

  @Test
  void countsTheYearInBeijingTimeByMonthFieldAndCity() {
    List<Fact> facts = List.of(
        fact(Measure.PROPOSALS_SUBMITTED, "2026-03-10T02:00:00Z", List.of("robotics"), "31", null),
        fact(Measure.PROPOSALS_SUBMITTED, "2026-03-20T02:00:00Z", List.of("robotics"), "4403", null),
        fact(Measure.PROPOSALS_SUBMITTED, "2026-07-01T02:00:00Z", List.of("healthcare"), null, null),
        // 23:30 UTC on 31 December 2025 is 07:30 on 1 January 2026 in Beijing
        fact(Measure.PROPOSALS_SUBMITTED, "2025-12-31T23:30:00Z", List.of("robotics"), "31", null),
        // 16:30 UTC on 31 December 2026 is already 2027 in Beijing: not counted
        fact(Measure.PROPOSALS_SUBMITTED, "2026-12-31T16:30:00Z", List.of("robotics"), "31", null),
        fact(Measure.CALLS_OPENED, "2026-02-01T02:00:00Z", List.of("robotics", "healthcare"), null, null));

    List<Tally.Figures> figures = Tally.count(2026, List.of(Measure.PROPOSALS_SUBMITTED, Measure.CALLS_OPENED), facts,
        Map.of(Measure.PROPOSALS_SUBMITTED, Map.of("", new BigDecimal("10"), "robotics", new BigDecimal("6"), "finance", new BigDecimal("2"))));

    Tally.Figures proposals = figures.get(0);
    assertThat(proposals.measure()).isEqualTo(Measure.PROPOSALS_SUBMITTED);
    assertThat(proposals.achieved()).isEqualByComparingTo("4");
    assertThat(proposals.target()).isEqualByComparingTo("10");
    assertThat(proposals.byMonth()).extracting(BigDecimal::intValue).containsExactly(1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    assertThat(proposals.byField()).containsExactly(Map.entry("robotics", new BigDecimal("3")), Map.entry("healthcare", BigDecimal.ONE),
        Map.entry("finance", BigDecimal.ZERO));
    assertThat(proposals.fieldTargets()).containsExactly(Map.entry("finance", new BigDecimal("2")), Map.entry("robotics", new BigDecimal("6")));
    assertThat(proposals.byCity()).containsExactly(Map.entry("31", new BigDecimal("2")), Map.entry("4403", BigDecimal.ONE),
        Map.entry(Regions.UNKNOWN, BigDecimal.ONE));

    Tally.Figures calls = figures.get(1);
    assertThat(calls.achieved()).as("a call in two fields is one call").isEqualByComparingTo("1");
    assertThat(calls.byField()).as("and counts once in each field").containsOnlyKeys("robotics", "healthcare");
    assertThat(calls.target()).isNull();
  }

  @Test
  void amountsAreSummedAndMeasuresWithoutFactsAreZero() {
    List<Fact> facts = List.of(fact(Measure.AWARD_FUNDS, "2026-05-05T02:00:00Z", List.of("robotics"), "31", "1500000.00"),
        fact(Measure.AWARD_FUNDS, "2026-05-06T02:00:00Z", List.of(), "31", "500000.50"),
        fact(Measure.AWARDS_ANNOUNCED, "2026-05-06T02:00:00Z", List.of(), "31", null));

    List<Tally.Figures> figures = Tally.count(2026, List.of(Measure.AWARD_FUNDS, Measure.VOUCHERS_ISSUED), facts, Map.of());

    assertThat(figures.get(0).achieved()).isEqualByComparingTo("2000000.50");
    assertThat(figures.get(0).byMonth().get(4)).isEqualByComparingTo("2000000.50");
    assertThat(figures.get(0).byField()).containsExactly(Map.entry("robotics", new BigDecimal("1500000.00")),
        Map.entry(Regions.UNKNOWN, new BigDecimal("500000.50")));
    assertThat(figures.get(1).achieved()).isEqualByComparingTo("0");
    assertThat(figures.get(1).byMonth()).hasSize(12).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    assertThat(figures.get(1).byCity()).isEmpty();
  }
}
