package org.aipo.holidays;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.notification.Message;
import org.aipo.notification.Notifier;
import org.aipo.notification.TaskDeadlines;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${holidayScheduleNotice}} on "create" of {@code userTask_loadHolidaySchedule}: every administrator gets an
 * e-mail with the year to load and the link to the task (once per task).
 */
@ApplicationScoped
@Named("holidayScheduleNotice")
public class HolidayScheduleNotice implements TaskListener {

  private Notifier notifier;

  protected HolidayScheduleNotice() {
    // for the CDI proxy
  }

  @Inject
  public HolidayScheduleNotice(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateTask task) {
    String year = String.valueOf(task.getVariable(HolidaySchedules.VAR_YEAR));
    for (String admin : notifier.membersOf(HolidaySchedules.ADMINISTRATORS)) {
      notifier.send(new Message("holiday-schedule:" + year + ":" + task.getId() + ":" + admin, "holiday-schedule-missing", Message.Recipient.user(admin),
          Map.of("year", year), task.getDueDate() == null ? null : task.getDueDate().toInstant(), TaskDeadlines.TASKLIST + task.getId()));
    }
  }
}
