package org.aipo.scenario;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * {@code ${remindUnitsDelegate}} on {@code serviceTask_remindUnits}: records a reminder for every unit that has
 * not nominated; their open nomination tasks get a follow-up date of now and a high priority, so they stand
 * out in Tasklist and sort first (提醒未提名单位).
 */
@ApplicationScoped
@Named("remindUnitsDelegate")
public class RemindUnitsDelegate implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private ScenarioStages stages;
  private org.aipo.notification.Notifier notifier;

  protected RemindUnitsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindUnitsDelegate(ScenarioStages stages, org.aipo.notification.Notifier notifier) {
    this.notifier = notifier;
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> pendingUnits = stages.remind((String) execution.getVariable(ScenarioListRound.VAR_ROUND));
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ScenarioListRound.NOMINATE).list()) {
      if (pendingUnits.contains(task.getAssignee())) {
        task.setFollowUpDate(new Date());
        task.setPriority(REMINDED_PRIORITY);
        tasks.saveTask(task);
        // and an e-mail naming the nomination's deadline; the deadline scan uses the same key, so the unit hears once
        if (task.getDueDate() != null) {
          notifier.send(new org.aipo.notification.Message("reminder:" + task.getId() + ":" + task.getDueDate().getTime() + ":" + task.getAssignee(),
              "deadline-reminder", org.aipo.notification.Message.Recipient.user(task.getAssignee()),
              java.util.Map.of("taskName", task.getName(), "subjectTitle", "场景清单征集 Scenario list"), task.getDueDate().toInstant(),
              org.aipo.notification.TaskDeadlines.TASKLIST + task.getId()));
        }
      }
    }
  }
}
