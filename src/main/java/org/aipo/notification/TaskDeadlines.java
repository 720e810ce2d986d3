package org.aipo.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aipo.calendar.WorkingDays;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminders and escalations for every Tasklist task that has a due date (issue 25), whatever process it is in: a
 * reminder to whoever the task is for ({@code aipo.notify.reminderWorkingDays} working days before, default 1), and,
 * once the due date has passed, an escalation to the secretariat (experts' tasks) or the programme office (everyone
 * else's). The event key holds the task and its due date: one reminder and one escalation per deadline, on any number
 * of nodes; a deadline moved later earns a new reminder.
 */
@ApplicationScoped
public class TaskDeadlines {

  private static final Logger LOG = Logger.getLogger(TaskDeadlines.class.getName());

  /** A task in Tasklist, by id. */
  public static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  WorkingDays workingDays;

  @Inject
  DeadlineNotices notices;

  @Inject
  @ConfigProperty(name = "aipo.notify.reminderWorkingDays", defaultValue = "1")
  int reminderWorkingDays;

  /**
   * How long after its due date a task is still escalated: a server that was down for a while still escalates what
   * fell due meanwhile, and a task overdue for longer (escalated long ago) is not looked at on every scan.
   */
  @Inject
  @ConfigProperty(name = "aipo.notify.escalationWindow", defaultValue = "P7D")
  String escalationWindow;

  private static final int PAGE = 500;

  private final Clock clock = Clock.systemUTC();

  /** One scan: returns how many messages it wrote. */
  public int scan() {
    ProcessEngine engine = workflowEngine.processEngine();
    Instant now = clock.instant();
    Date remindBefore = workingDays.after("P" + Math.max(0, reminderWorkingDays) + "D");
    int written = 0;
    // every task due before the reminder point and after the escalation window's start, page by page
    Date since = Date.from(now.minus(Duration.parse(escalationWindow)));
    for (int first = 0;; first += PAGE) {
      List<Task> due = engine.getTaskService().createTaskQuery().active().dueAfter(since).dueBefore(remindBefore).orderByDueDate().asc()
          .orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : due) {
        try {
          written += task.getDueDate().toInstant().isAfter(now) ? notices.remind(task.getId()) : notices.escalate(task.getId());
        } catch (RuntimeException e) {
          // a node racing us on the same key, or a task completed meanwhile: the next scan looks again
          LOG.log(Level.FINE, "Deadline notice for task " + task.getId() + " not written now", e);
        }
      }
      if (due.size() < PAGE) {
        break;
      }
    }
    return written;
  }
}
