package org.aipo.holidays;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${checkHolidayScheduleDelegate}} on {@code serviceTask_checkSchedule}: is next year (in Beijing) in the
 * working-day calendar? Sets {@code year}, and {@code scheduleMissing} when it is not and no administrator has the
 * task for that year yet (the check runs every day of December; one task at a time).
 */
@ApplicationScoped
@Named("checkHolidayScheduleDelegate")
public class CheckHolidayScheduleDelegate implements JavaDelegate {

  private WorkingDays workingDays;
  private Clock clock = Clock.systemUTC();

  protected CheckHolidayScheduleDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CheckHolidayScheduleDelegate(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** For tests: the day it is. */
  public CheckHolidayScheduleDelegate at(Clock fixed) {
    this.clock = fixed;
    return this;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = LocalDate.now(clock.withZone(WorkingDayCalendar.CHINA)).getYear() + 1;
    boolean loaded = workingDays.calendar().loadedYears().contains(year);
    // another check's open task for the year (this instance's own task, just completed, is not yet gone from the database)
    long asked = execution.getProcessEngineServices().getTaskService().createTaskQuery().processDefinitionKey(HolidaySchedules.PROCESS_KEY)
        .taskDefinitionKey(HolidaySchedules.LOAD).processVariableValueEquals(HolidaySchedules.VAR_YEAR, year).list().stream()
        .filter(task -> !task.getProcessInstanceId().equals(execution.getProcessInstanceId())).count();
    execution.setVariable(HolidaySchedules.VAR_YEAR, year);
    execution.setVariable(HolidaySchedules.VAR_MISSING, !loaded && asked == 0);
  }
}
