package org.aipo.proposal;

import org.aipo.common.DomainException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${formalCheckListener}} on completing {@code userTask_formalCheck}: records the decision and its
 * reasons, and leaves {@code formalCheckOutcome} for the gateway. A decision without its reasons is
 * refused (400 in Tasklist) and the task stays open.
 */
@ApplicationScoped
@Named("formalCheckListener")
public class FormalCheckListener implements TaskListener {

  public static final String OUTCOME = "formalCheckOutcome";

  /** The end of the correction window (a Date), which the window's timer waits for. */
  public static final String CORRECTION_DUE = "correctionDue";

  /** How long an applicant has to correct: 5 working days (docs/domain.md, process 2). */
  public static final String CORRECTION_WINDOW = "P5D";

  /** When the applicant is reminded: one working day before the window ends (a Date), which the reminder's timer waits for. */
  public static final String CORRECTION_REMINDER_AT = "correctionReminderAt";

  /** The reminder: the end of the 4th working day, one before the window's. */
  static final String CORRECTION_REMINDER = "P4D";

  private FormalCheckRecorder recorder;
  private org.aipo.notification.Notifier notifier;
  private org.aipo.calendar.WorkingDays workingDays;

  protected FormalCheckListener() {
    // for the CDI proxy
  }

  @Inject
  public FormalCheckListener(FormalCheckRecorder recorder, org.aipo.notification.Notifier notifier, org.aipo.calendar.WorkingDays workingDays) {
    this.recorder = recorder;
    this.notifier = notifier;
    this.workingDays = workingDays;
  }

  /**
   * The documents the official ticked (the form's checklist sends a JSON array; REST clients may send a list or a
   * comma-separated string), named in Chinese and English, or null when none.
   */
  static String documentsToCorrect(Object value) {
    if (value == null) {
      return null;
    }
    java.util.List<String> named = new java.util.ArrayList<>();
    java.util.regex.Matcher codes = java.util.regex.Pattern.compile("[a-z]+").matcher(value.toString());
    while (codes.find()) {
      for (org.aipo.call.DocumentKind.Code kind : org.aipo.call.DocumentKind.Code.values()) {
        if (kind.code().equals(codes.group()) && !named.contains(kind.label())) {
          named.add(kind.label());
        }
      }
    }
    return named.isEmpty() ? null : String.join("、", named);
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("decision");
    Proposal.FormalCheck outcome;
    try {
      outcome = Proposal.FormalCheck.valueOf(String.valueOf(decision).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("formal-check.decision", "decision", "形式审查结论须为 eligible、correction 或 ineligible",
          "decision must be eligible, correction or ineligible");
    }
    Object reasons = task.getVariable("reasons");
    String text = reasons == null || reasons.toString().isBlank() ? null : reasons.toString().trim();
    String documents = outcome == Proposal.FormalCheck.CORRECTION ? documentsToCorrect(task.getVariable("documentsToCorrect")) : null;
    if (documents != null) {
      text = (text == null ? "" : text + "\n") + "需补正的材料 Documents to correct: " + documents;
    }
    String proposalId = (String) task.getVariable(FormalCheckProcess.VAR_PROPOSAL);
    recorder.recordFormalCheck(proposalId, outcome, text, EngineUser.current(task.getProcessEngineServices()).orElse("system"));
    task.getExecution().getProcessInstance().setVariable(OUTCOME, outcome.name());
    if (outcome == Proposal.FormalCheck.CORRECTION) {
      // the window and the e-mail that names it are one date: the timer waits for this variable
      java.util.Date due = workingDays.after(CORRECTION_WINDOW);
      task.getExecution().getProcessInstance().setVariable(CORRECTION_DUE, due);
      task.getExecution().getProcessInstance().setVariable(CORRECTION_REMINDER_AT, workingDays.after(CORRECTION_REMINDER));
      notifier.send(new org.aipo.notification.Message("correction-request:" + proposalId + ":" + task.getId(), "correction-request",
          recorder.contact(proposalId), java.util.Map.of("subjectTitle", recorder.title(proposalId), "note", text == null ? "" : text),
          due.toInstant(), "/portal/#/proposals/" + proposalId));
    }
  }

}
