package org.aipo.calendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The working-day calendar of this server, loaded from the holiday file named by the Liberty variable
 * {@code aipo.calendar.file}. BPMN uses it as {@code ${workingDays.after('P2D')}} (timer dates, task
 * due dates); the engine has it as business calendar {@value WorkingDayBusinessCalendar#NAME}.
 */
@ApplicationScoped
@Named("workingDays")
public class WorkingDays {

  private static final Logger LOG = Logger.getLogger(WorkingDays.class.getName());

  @Inject
  @ConfigProperty(name = "aipo.calendar.file", defaultValue = "calendar/cn-holidays.properties")
  String file;

  private WorkingDayBusinessCalendar businessCalendar;

  /** A calendar from a holiday file, outside CDI (process tests). */
  public static WorkingDays fromFile(Path holidayFile) {
    WorkingDays workingDays = new WorkingDays();
    workingDays.file = holidayFile.toString();
    workingDays.load();
    return workingDays;
  }

  @PostConstruct
  void load() {
    businessCalendar = new WorkingDayBusinessCalendar(new WorkingDayCalendar(readSchedules(Path.of(file)), WorkingDays::warnMissingYear));
  }

  static Map<Integer, HolidaySchedule> readSchedules(Path path) {
    if (!Files.isRegularFile(path)) {
      LOG.severe("Holiday file " + path.toAbsolutePath() + " not found: working days count weekends only."
          + " Set aipo.calendar.file or restore liberty/calendar/cn-holidays.properties.");
      return Map.of();
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Map<Integer, HolidaySchedule> schedules = HolidayScheduleFile.read(reader);
      LOG.info(() -> "Working-day calendar loaded from " + path + " for " + schedules.keySet());
      return schedules;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the holiday file " + path, e);
    }
  }

  private static void warnMissingYear(int year) {
    LOG.warning("No holiday schedule for " + year + ": deadlines in " + year + " count weekends only."
        + " Add " + year + ".off and " + year + ".work to the holiday file and restart.");
  }

  /** The end of the n-th working day from now, for {@code P<n>D}. */
  public Date after(String period) {
    return businessCalendar.resolveDuedate(period);
  }

  public WorkingDayBusinessCalendar businessCalendar() {
    return businessCalendar;
  }

  /** Problems an administrator should fix: the current year, or from November the next, has no schedule. */
  public List<String> warnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    WorkingDayCalendar calendar = businessCalendar.calendar();
    if (!calendar.loadedYears().contains(today.getYear())) {
      warnings.add("no holiday schedule for " + today.getYear() + ": weekends only");
    }
    if (today.getMonthValue() >= 11 && !calendar.loadedYears().contains(today.getYear() + 1)) {
      warnings.add("no holiday schedule for " + (today.getYear() + 1) + " yet: load it when the State Council publishes it");
    }
    for (int year : calendar.missingYearsSeen()) {
      warnings.add("deadlines were computed in " + year + " without its holiday schedule");
    }
    return warnings;
  }

  public WorkingDayCalendar calendar() {
    return businessCalendar.calendar();
  }
}
