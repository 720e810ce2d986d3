package org.aipo.holidays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.aipo.calendar.WorkingDays;
import org.aipo.notification.Message;
import org.aipo.notification.RecordingNotifier;
import org.aipo.testing.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Drives processes/holiday-schedule-check.bpmn through every path on the in-memory engine. */
@Deployment(resources = {"processes/holiday-schedule-check.bpmn", "processes/forms/load-holiday-schedule.form"})
class HolidayScheduleProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /** 7 December 2026, 10:00 in Beijing: next year is 2027. */
  static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path folder;

  ProcessEngine engine;
  RecordingNotifier notifier;

  @BeforeEach
  void beans() {
    engine = extension.getProcessEngine();
    notifier = new RecordingNotifier().group(HolidaySchedules.ADMINISTRATORS, "admin", "admin2");
    TestBeans.register("holidayScheduleNotice", new HolidayScheduleNotice(notifier));
    calendar(Path.of("liberty/calendar/cn-holidays.properties"));
  }

  @AfterEach
  void clear() {
    TestBeans.clear();
  }

  /** The calendar the check reads (and the task's due date counts with). */
  void calendar(Path holidayFile) {
    WorkingDays workingDays = WorkingDays.fromFile(holidayFile);
    TestBeans.register("workingDays", workingDays);
    TestBeans.register("checkHolidayScheduleDelegate", new CheckHolidayScheduleDelegate(workingDays).at(DECEMBER_2026));
  }

  Path withNextYear() throws IOException {
    Path file = folder.resolve("cn-holidays.properties");
    String shipped = Files.readString(Path.of("liberty/calendar/cn-holidays.properties"), StandardCharsets.UTF_8);
    Files.writeString(file, shipped + "\n2027.source=test\n2027.off=2027-01-01\n2027.work=\n", StandardCharsets.UTF_8);
    return file;
  }

  ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(HolidaySchedules.PROCESS_KEY);
  }

  List<Task> loadTasks() {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(HolidaySchedules.LOAD).list();
  }

  @Test
  void theDailyDecemberTimerIsWaiting() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(HolidaySchedules.PROCESS_KEY).timers().singleResult();
    assertThat(timer).isNotNull();
    // the cron runs in the JVM's time zone: Asia/Shanghai on the server (liberty/jvm.options), whatever it is here
    java.time.ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getMonthValue()).isEqualTo(12);
    assertThat(due.getHour()).isEqualTo(9);
  }

  @Test
  void aMissingNextYearGivesTheAdministratorsATaskAndAnEmailEach() {
    ProcessInstance instance = start();

    assertThat(instance.getProcessDefinitionId()).as("the model's key and the code's constant agree").startsWith("holidayScheduleCheck:");
    assertThat(instance).isWaitingAt(HolidaySchedules.LOAD).task().hasCandidateGroup(HolidaySchedules.ADMINISTRATORS);
    assertThat(instance).variables().containsEntry(HolidaySchedules.VAR_YEAR, 2027);
    Task task = loadTasks().get(0);
    assertThat(task.getDueDate()).isNotNull();
    List<Message> mails = notifier.of("holiday-schedule-missing");
    assertThat(mails).extracting(m -> m.recipient().userId()).containsExactly("admin", "admin2");
    assertThat(mails).allSatisfy(m -> {
      assertThat(m.model()).containsEntry("year", "2027");
      assertThat(m.link()).endsWith("?task=" + task.getId());
      assertThat(m.deadline()).isEqualTo(task.getDueDate().toInstant());
    });
  }

  @Test
  void whileAnAdministratorHasTheTaskTheNextDaysCheckEndsQuietly() {
    start();
    ProcessInstance nextDay = start();

    assertThat(nextDay).isEnded().hasPassed(HolidaySchedules.END_READY).hasNotPassed(HolidaySchedules.LOAD);
    assertThat(loadTasks()).hasSize(1);
    assertThat(notifier.of("holiday-schedule-missing")).hasSize(2);
  }

  @Test
  void aLoadedNextYearEndsTheCheckWithoutATask() throws IOException {
    calendar(withNextYear());
    ProcessInstance instance = start();

    assertThat(instance).isEnded().hasPassed(HolidaySchedules.END_READY);
    assertThat(loadTasks()).isEmpty();
    assertThat(notifier.messages()).isEmpty();
  }

  @Test
  void completingTheTaskChecksAgainAndEndsOnceTheYearIsLoadedOrAsksAgain() throws IOException {
    ProcessInstance instance = start();
    engine.getTaskService().complete(loadTasks().get(0).getId(), Map.of("loaded", true));
    // still not in the calendar (the server was not restarted with the new file): the task comes back, with a new e-mail
    assertThat(instance).isWaitingAt(HolidaySchedules.LOAD);
    assertThat(notifier.of("holiday-schedule-missing")).hasSize(4);

    calendar(withNextYear());
    engine.getTaskService().complete(loadTasks().get(0).getId(), Map.of("loaded", true));
    assertThat(instance).isEnded().hasPassed(HolidaySchedules.END_READY);
  }
}
