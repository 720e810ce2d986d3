package org.aipo.review;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.notification.Message;
import org.aipo.notification.Notifier;
import org.aipo.notification.TaskDeadlines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * {@code ${remindExpertDelegate}} on {@code serviceTask_remindExpert}: reminds the expert of this seat and item
 * before the scoring deadline (提醒专家评分): an audit record and an e-mail in the outbox, with the deadline and the
 * link to the scoring task. Its event key is the one the general deadline scan ({@link TaskDeadlines}) uses for the
 * same task and deadline, so the expert hears once.
 */
@ApplicationScoped
@Named("remindExpertDelegate")
public class RemindExpertDelegate implements JavaDelegate {

  private ReviewService service;
  private Notifier notifier;

  protected RemindExpertDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindExpertDelegate(ReviewService service, Notifier notifier) {
    this.service = service;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = (String) execution.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    String itemId = (String) execution.getVariable("itemId");
    String user = service.remind(requestId, (String) execution.getVariable("seatId"), itemId);
    if (user == null) {
      return;
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(ExpertCommitteeReview.SCORE_ITEM)
        .taskAssignee(user).list()) {
      if (itemId != null && itemId.equals(tasks.getVariable(task.getId(), "itemId")) && task.getDueDate() != null) {
        notifier.send(new Message("reminder:" + task.getId() + ":" + task.getDueDate().getTime() + ":" + user, "deadline-reminder",
            Message.Recipient.user(user), Map.of("taskName", task.getName(), "subjectTitle", service.find(requestId).getTitle()),
            task.getDueDate().toInstant(), TaskDeadlines.TASKLIST + task.getId()));
      }
    }
  }
}
