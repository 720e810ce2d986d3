package org.aipo.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * One year's published schedule: days off beyond weekends, and make-up working days (调休上班) that
 * fall on weekends.
 */
public record HolidaySchedule(int year, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays, String source) {

  public HolidaySchedule {
    daysOff = Set.copyOf(daysOff);
    makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    for (LocalDate day : daysOff) {
      requireYear(year, day, "off");
    }
    for (LocalDate day : makeUpWorkingDays) {
      requireYear(year, day, "work");
      if (!isWeekend(day)) {
        throw new IllegalArgumentException(year + ".work: " + day + " is a " + day.getDayOfWeek()
            + ", not a weekend day; a make-up working day always falls on a weekend");
      }
      if (daysOff.contains(day)) {
        throw new IllegalArgumentException(year + ": " + day + " is listed both as a day off and as a working day");
      }
    }
  }

  private static void requireYear(int year, LocalDate day, String key) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(year + "." + key + ": " + day + " is not in " + year);
    }
  }

  static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  public boolean isWorkingDay(LocalDate day) {
    if (makeUpWorkingDays.contains(day)) {
      return true;
    }
    return !isWeekend(day) && !daysOff.contains(day);
  }
}
