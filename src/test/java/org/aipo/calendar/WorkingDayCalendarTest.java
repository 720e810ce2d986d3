package org.aipo.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calendar against the shipped 2026 schedule (liberty/calendar/cn-holidays.properties). */
class WorkingDayCalendarTest {

  static Map<Integer, HolidaySchedule> shipped;
  final List<Integer> missing = new ArrayList<>();

  @BeforeAll
  static void readShippedFile() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("liberty/calendar/cn-holidays.properties"), StandardCharsets.UTF_8)) {
      shipped = HolidayScheduleFile.read(reader);
    }
  }

  WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(shipped, missing::add);
  }

  @Test
  void theShippedFileHasThe2026Schedule() {
    HolidaySchedule year = shipped.get(2026);
    assertThat(year.daysOff()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
    assertThat(year.makeUpWorkingDays()).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
        LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
    assertThat(year.source()).contains("2025-11-04");
  }

  @Test
  void weekendsAndHolidaysAreOffMakeUpDaysAreOn() {
    WorkingDayCalendar calendar = calendar();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).as("a Monday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).as("a Sunday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day, a Thursday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival Monday").isFalse();
    assertThat(missing).isEmpty();
  }

  @Test
  void fiveWorkingDaysAcrossNationalDay() {
    // Wednesday 30 Sep: Oct 1-7 off, Sat 10 Oct worked → Thu 8, Fri 9, Sat 10, Mon 12, Tue 13
    assertThat(calendar().addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
  }

  @Test
  void twoWorkingDaysAcrossTheSpringFestival() {
    // Friday 13 Feb: Sat 14 worked, 15-23 off → Sat 14, Tue 24
    assertThat(calendar().addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void aDeadlineEndsAtMidnightChinaTimeOfTheLastWorkingDay() {
    ZonedDateTime fridayAfternoon = ZonedDateTime.of(2026, 11, 20, 16, 30, 0, 0, WorkingDayCalendar.CHINA);

    ZonedDateTime deadline = calendar().deadline(fridayAfternoon, 2);

    assertThat(deadline).isEqualTo(ZonedDateTime.of(2026, 11, 25, 0, 0, 0, 0, WorkingDayCalendar.CHINA));
  }

  @Test
  void aYearWithoutScheduleCountsWeekendsOnlyAndIsReportedOnce() {
    WorkingDayCalendar calendar = calendar();

    // 2027 has no schedule loaded: Mon 28 Dec 2026 + 5 → Tue 29, Wed 30, Thu 31, Fri 1 Jan, Mon 4 Jan
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
    calendar.isWorkingDay(LocalDate.of(2027, 3, 1));

    assertThat(missing).containsExactly(2027);
    assertThat(calendar.missingYearsSeen()).containsExactly(2027);
  }

  @Test
  void theEngineCalendarReadsPeriodsInWorkingDays() {
    WorkingDayBusinessCalendar engineCalendar = new WorkingDayBusinessCalendar(calendar());
    Date friday = Date.from(ZonedDateTime.of(2026, 11, 20, 9, 0, 0, 0, WorkingDayCalendar.CHINA).toInstant());

    assertThat(engineCalendar.resolveDuedate("P2D", friday).toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 11, 25, 0, 0, 0, 0, WorkingDayCalendar.CHINA).toInstant());
    assertThatThrownBy(() -> engineCalendar.resolveDuedate("PT4H", friday)).hasMessageContaining("P<n>D");
    assertThatThrownBy(() -> calendar().addWorkingDays(LocalDate.of(2026, 1, 5), 0)).hasMessageContaining("workingDays");
  }

  @Test
  void mistakesInTheFileAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> read("2026.work=2026-01-05")).hasMessageContaining("2026.work").hasMessageContaining("not a weekend");
    assertThatThrownBy(() -> read("2026.off=2026-13-01")).hasMessageContaining("2026.off");
    assertThatThrownBy(() -> read("2026.off=2027-01-01")).hasMessageContaining("not in 2026");
    assertThatThrownBy(() -> read("2026.holidays=2026-01-01")).hasMessageContaining("2026.holidays");
    assertThatThrownBy(() -> read("2026.off=2026-01-03..2026-01-01")).hasMessageContaining("range");
  }

  private static Map<Integer, HolidaySchedule> read(String content) throws IOException {
    return HolidayScheduleFile.read(new StringReader(content));
  }
}
