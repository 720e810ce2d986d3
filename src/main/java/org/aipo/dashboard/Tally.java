package org.aipo.dashboard;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts facts into figures per measure for one year (pure: no database, no clock). A fact belongs to the year and
 * month of its moment in Beijing time. The monthly series and the total agree; a record in several fields counts
 * once in each field (so the field series can add up to more than the total), every record once in its city.
 */
public final class Tally {

  /** Beijing time: a record of 31 December 23:30 UTC belongs to January. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The figures of one measure in one year, beside its targets (null where none is set). */
  public record Figures(Measure measure, BigDecimal target, BigDecimal achieved, List<BigDecimal> byMonth, Map<String, BigDecimal> byField,
      Map<String, BigDecimal> fieldTargets, Map<String, BigDecimal> byCity) {
  }

  private Tally() {
  }

  /**
   * Figures for every one of {@code measures}, in their order. {@code targets} holds per measure the target of the
   * whole measure under the key "" and per-field targets under the field's code.
   */
  public static List<Figures> count(int year, Collection<Measure> measures, Collection<Fact> facts, Map<Measure, Map<String, BigDecimal>> targets) {
    Map<Measure, List<Fact>> ofMeasure = new EnumMap<>(Measure.class);
    for (Fact fact : facts) {
      if (ZonedDateTime.ofInstant(fact.at(), ZONE).getYear() == year) {
        ofMeasure.computeIfAbsent(fact.measure(), m -> new ArrayList<>()).add(fact);
      }
    }
    List<Figures> figures = new ArrayList<>();
    for (Measure measure : measures) {
      List<Fact> counted = ofMeasure.getOrDefault(measure, List.of());
      BigDecimal[] months = new BigDecimal[12];
      java.util.Arrays.fill(months, BigDecimal.ZERO);
      Map<String, BigDecimal> byField = new LinkedHashMap<>();
      Map<String, BigDecimal> byCity = new LinkedHashMap<>();
      BigDecimal achieved = BigDecimal.ZERO;
      for (Fact fact : counted) {
        BigDecimal value = fact.value();
        achieved = achieved.add(value);
        int month = ZonedDateTime.ofInstant(fact.at(), ZONE).getMonthValue() - 1;
        months[month] = months[month].add(value);
        for (String field : fact.fields().isEmpty() ? List.of(Regions.UNKNOWN) : fact.fields()) {
          byField.merge(field, value, BigDecimal::add);
        }
        byCity.merge(fact.city(), value, BigDecimal::add);
      }
      Map<String, BigDecimal> measureTargets = targets.getOrDefault(measure, Map.of());
      Map<String, BigDecimal> fieldTargets = new LinkedHashMap<>();
      measureTargets.entrySet().stream().filter(e -> !e.getKey().isEmpty()).sorted(Map.Entry.comparingByKey())
          .forEach(e -> fieldTargets.put(e.getKey(), e.getValue()));
      fieldTargets.keySet().forEach(field -> byField.putIfAbsent(field, BigDecimal.ZERO));
      figures.add(new Figures(measure, measureTargets.get(""), achieved, List.of(months), largestFirst(byField),
          Collections.unmodifiableMap(fieldTargets), largestFirst(byCity)));
    }
    return figures;
  }

  /** Largest value first, then by key, with the unknown last: a stable order for charts and tests. */
  static Map<String, BigDecimal> largestFirst(Map<String, BigDecimal> values) {
    Map<String, BigDecimal> ordered = new LinkedHashMap<>();
    values.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, BigDecimal>, Boolean>comparing(e -> Regions.UNKNOWN.equals(e.getKey()))
            .thenComparing(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(ordered);
  }
}
