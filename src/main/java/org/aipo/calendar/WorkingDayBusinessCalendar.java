package org.aipo.calendar;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The working-day calendar as a Camunda business calendar, registered under {@value #NAME}. A
 * description {@code P5D} means five working days (the end of the fifth working day, China Standard
 * Time). "Now" is the engine's clock, so that tests can move it.
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

  public static final String NAME = "workingDays";
  private static final Pattern DAYS = Pattern.compile("^P(\\d{1,3})D$");

  private final WorkingDayCalendar calendar;

  public WorkingDayBusinessCalendar(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    Matcher matcher = DAYS.matcher(description == null ? "" : description.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("A working-day period is written P<n>D (for example P5D), not '" + description + "'");
    }
    ZonedDateTime from = startDate.toInstant().atZone(WorkingDayCalendar.CHINA);
    return Date.from(calendar.deadline(from, Integer.parseInt(matcher.group(1))).toInstant());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description);
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
