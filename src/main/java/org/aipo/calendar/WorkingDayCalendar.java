package org.aipo.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The Chinese working-day calendar: weekends and public holidays are off, make-up working days are on.
 * For a year without a loaded schedule it counts weekends only and reports the year once to
 * {@code onMissingYear}, so that the next year's data gets loaded before it matters.
 */
public final class WorkingDayCalendar {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int MAX_WORKING_DAYS = 366;

  private final Map<Integer, HolidaySchedule> schedules;
  private final IntConsumer onMissingYear;
  private final Set<Integer> reportedMissing = ConcurrentHashMap.newKeySet();

  public WorkingDayCalendar(Map<Integer, HolidaySchedule> schedules, IntConsumer onMissingYear) {
    this.schedules = Map.copyOf(schedules);
    this.onMissingYear = onMissingYear;
  }

  public Set<Integer> loadedYears() {
    return schedules.keySet();
  }

  /** Years asked about that have no schedule (weekends only were counted). */
  public Set<Integer> missingYearsSeen() {
    return Set.copyOf(reportedMissing);
  }

  public boolean isWorkingDay(LocalDate day) {
    HolidaySchedule schedule = schedules.get(day.getYear());
    if (schedule == null) {
      if (reportedMissing.add(day.getYear())) {
        onMissingYear.accept(day.getYear());
      }
      return !HolidaySchedule.isWeekend(day);
    }
    return schedule.isWorkingDay(day);
  }

  /** The n-th working day after {@code start} ({@code start} itself never counts). */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("workingDays must be between 1 and " + MAX_WORKING_DAYS + ", not " + workingDays);
    }
    LocalDate day = start;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * A deadline of n working days from a moment: the end (24:00, China Standard Time) of the n-th
   * working day after the day of {@code from}. Given on a Friday afternoon, "2 working days" ends on
   * Tuesday at midnight.
   */
  public ZonedDateTime deadline(ZonedDateTime from, int workingDays) {
    LocalDate last = addWorkingDays(from.withZoneSameInstant(CHINA).toLocalDate(), workingDays);
    return last.plusDays(1).atStartOfDay(CHINA);
  }
}
