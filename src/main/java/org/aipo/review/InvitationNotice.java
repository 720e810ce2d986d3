package org.aipo.review;

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
 * {@code ${invitationNotice}} on "create" of {@code userTask_answerInvitation}: the drawn expert gets the invitation
 * by e-mail (专家邀请), with the date to accept or decline by in Beijing time, the link to the task and the deadline
 * as a calendar entry. One message per invitation task, however often the engine retries.
 */
@ApplicationScoped
@Named("invitationNotice")
public class InvitationNotice implements TaskListener {

  static final String PROGRAMME = "专家委员会评审 Expert-committee review";

  private ReviewService service;
  private Notifier notifier;

  protected InvitationNotice() {
    // for the CDI proxy
  }

  @Inject
  public InvitationNotice(ReviewService service, Notifier notifier) {
    this.service = service;
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() == null) {
      return;
    }
    String requestId = (String) task.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    notifier.send(new Message("expert-invitation:" + task.getId(), "expert-invitation", Message.Recipient.user(task.getAssignee()),
        Map.of("programme", PROGRAMME, "subjectTitle", service.find(requestId).getTitle()),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(), TaskDeadlines.TASKLIST + task.getId()));
  }
}
