package org.aipo.proposal;

import java.util.Date;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.notification.Message;
import org.aipo.notification.Notifier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${remindCorrectionDelegate}} on {@code serviceTask_remindCorrection}: one working day before the correction
 * window ends, the applicant's contact gets a reminder by e-mail with the window's end (补正提醒).
 */
@ApplicationScoped
@Named("remindCorrectionDelegate")
public class RemindCorrectionDelegate implements JavaDelegate {

  private FormalCheckRecorder recorder;
  private Notifier notifier;

  protected RemindCorrectionDelegate() {
    // for the CDI proxy
  }

  @Inject
  public RemindCorrectionDelegate(FormalCheckRecorder recorder, Notifier notifier) {
    this.recorder = recorder;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = (String) execution.getVariable(FormalCheckProcess.VAR_PROPOSAL);
    Date due = (Date) execution.getVariable(FormalCheckListener.CORRECTION_DUE);
    notifier.send(new Message("correction-reminder:" + proposalId + ":" + due.getTime(), "deadline-reminder", recorder.contact(proposalId),
        Map.of("taskName", "补正申报材料 Correct the proposal", "subjectTitle", recorder.title(proposalId)), due.toInstant(),
        "/portal/#/proposals/" + proposalId));
  }
}
