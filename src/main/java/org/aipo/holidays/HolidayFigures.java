package org.aipo.holidays;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.calendar.WorkingDays;
import org.aipo.platform.EngineStarted;
import org.aipo.platform.Figures;

/**
 * Whether the working-day calendar lacks this year's or next year's holiday schedule (in Beijing), at {@code /metrics}:
 * 1 missing, 0 loaded. A missing year counts weekends only (docs/domain.md); the December check process asks the
 * administrators for next year's (docs/processes.md), the alert of docs/operations.md tells the operator.
 */
@ApplicationScoped
public class HolidayFigures {

  @Inject
  Figures figures;

  @Inject
  WorkingDays workingDays;

  void register(@Observes EngineStarted started) {
    figures.gauge("aipo_holiday_this_year_missing", "1 when this year's holiday schedule is not loaded (deadlines count weekends only)",
        () -> missing(0));
    figures.gauge("aipo_holiday_next_year_missing", "1 when next year's holiday schedule is not loaded (add it to the holiday file in December)",
        () -> missing(1));
  }

  int missing(int yearsAhead) {
    int year = LocalDate.now(WorkingDayCalendar.CHINA).getYear() + yearsAhead;
    return workingDays.calendar().loadedYears().contains(year) ? 0 : 1;
  }
}
