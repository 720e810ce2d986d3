package org.aipo.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.common.DomainException;
import org.aipo.dashboard.DashboardViews.DashboardView;
import org.aipo.dashboard.DashboardViews.MeasureView;
import org.aipo.dashboard.DashboardViews.SliceView;
import org.aipo.expert.Fields;

/** Targets beside achievements for a year: for officials all measures, for the public the published ones only. */
@ApplicationScoped
public class Dashboard {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  @Inject
  Achievements achievements;

  @Inject
  Targets targets;

  private final Clock clock = Clock.systemUTC();

  /** The year asked for (four digits, 2000–2100), or the current year in Beijing when none (or "") is given. */
  public int year(String asked) {
    if (asked == null || asked.isEmpty()) {
      return ZonedDateTime.now(clock).withZoneSameInstant(Tally.ZONE).getYear();
    }
    String year = asked;
    if (!year.matches("\\d{4}") || Integer.parseInt(year) < FIRST_YEAR || Integer.parseInt(year) > LAST_YEAR) {
      throw DomainException.badInput("dashboard.year", "year", "年份须为 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间的四位数字",
          "the year is four digits from " + FIRST_YEAR + " to " + LAST_YEAR);
    }
    return Integer.parseInt(year);
  }

  @Transactional
  public DashboardView officials(int year) {
    List<Measure> measures = Arrays.asList(Measure.values());
    return view(year, false, Tally.count(year, measures, achievements.facts(), targets.byMeasure(year)));
  }

  /** Only measures that count published records, and no targets. */
  @Transactional
  public DashboardView published(int year) {
    List<Measure> measures = Arrays.stream(Measure.values()).filter(Measure::isPublished).toList();
    List<Fact> facts = achievements.facts().stream().filter(f -> f.measure().isPublished()).toList();
    return view(year, true, Tally.count(year, measures, facts, Map.of()));
  }

  private DashboardView view(int year, boolean published, List<Tally.Figures> figures) {
    Instant now = clock.instant();
    return new DashboardView(year, Tally.ZONE.getId(), published, now, figures.stream().map(Dashboard::measure).toList());
  }

  static MeasureView measure(Tally.Figures f) {
    Measure m = f.measure();
    BigDecimal percent = f.target() == null || f.target().signum() == 0 ? null
        : f.achieved().multiply(BigDecimal.valueOf(100)).divide(f.target(), 1, RoundingMode.HALF_UP);
    List<SliceView> byField = f.byField().entrySet().stream().map(e -> {
      String[] names = fieldNames(e.getKey());
      return new SliceView(e.getKey(), names[0], names[1], e.getValue(), f.fieldTargets().get(e.getKey()));
    }).toList();
    List<SliceView> byCity = f.byCity().entrySet().stream().map(e -> {
      Regions.Region region = Regions.region(e.getKey());
      return new SliceView(e.getKey(), region.zh(), region.en(), e.getValue(), null);
    }).toList();
    return new MeasureView(m.key(), m.programme().key(), m.programme().zh(), m.programme().en(), m.zh(), m.en(), m.isAmount() ? "yuan" : "count",
        f.target(), f.achieved(), percent, f.byMonth(), byField, byCity);
  }

  /** Chinese and English name of a field code ("智能制造 Intelligent manufacturing"); the code itself when unknown. */
  static String[] fieldNames(String code) {
    if (Regions.UNKNOWN.equals(code)) {
      return new String[] {"未分领域", "no field"};
    }
    String name = Fields.name(code);
    if (name == null) {
      return new String[] {code, code};
    }
    int space = name.indexOf(' ');
    return space < 0 ? new String[] {name, name} : new String[] {name.substring(0, space), name.substring(space + 1)};
  }
}
