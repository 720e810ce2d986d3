package org.aipo.calendar;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the holiday file ({@code liberty/calendar/cn-holidays.properties}): per year the keys
 * {@code <year>.off}, {@code <year>.work} and {@code <year>.source}. A mistake stops the load with a
 * message naming the key and the value, so that an administrator's edit never half-applies.
 */
public final class HolidayScheduleFile {

  private HolidayScheduleFile() {
  }

  public static Map<Integer, HolidaySchedule> read(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    Set<Integer> years = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String suffix = dot < 0 ? "" : key.substring(dot + 1);
      if (dot < 0 || !Set.of("off", "work", "source").contains(suffix)) {
        throw new IllegalArgumentException("Unknown key '" + key + "': expected <year>.off, <year>.work or <year>.source");
      }
      try {
        years.add(Integer.parseInt(key.substring(0, dot)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Key '" + key + "' does not start with a year", e);
      }
    }
    Map<Integer, HolidaySchedule> schedules = new HashMap<>();
    for (int year : years) {
      Set<LocalDate> off = days(properties, year + ".off");
      Set<LocalDate> work = days(properties, year + ".work");
      schedules.put(year, new HolidaySchedule(year, off, work, properties.getProperty(year + ".source", "")));
    }
    return schedules;
  }

  private static Set<LocalDate> days(Properties properties, String key) {
    Set<LocalDate> days = new HashSet<>();
    String value = properties.getProperty(key, "").trim();
    if (value.isEmpty()) {
      return days;
    }
    for (String part : value.split(",")) {
      String item = part.trim();
      try {
        int range = item.indexOf("..");
        if (range < 0) {
          days.add(LocalDate.parse(item));
        } else {
          LocalDate from = LocalDate.parse(item.substring(0, range).trim());
          LocalDate to = LocalDate.parse(item.substring(range + 2).trim());
          if (to.isBefore(from) || to.isAfter(from.plusDays(31))) {
            throw new IllegalArgumentException(key + ": range '" + item + "' must run forward and span at most a month");
          }
          for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
          }
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(key + ": '" + item + "' is not a date (yyyy-MM-dd) or range (a..b)", e);
      }
    }
    return days;
  }
}
