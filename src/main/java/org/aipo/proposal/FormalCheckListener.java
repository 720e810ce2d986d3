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

  private FormalCheckRecorder recorder;

  protected FormalCheckListener() {
    // for the CDI proxy
  }

  @Inject
  public FormalCheckListener(FormalCheckRecorder recorder) {
    this.recorder = recorder;
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
    recorder.recordFormalCheck((String) task.getVariable(FormalCheckProcess.VAR_PROPOSAL), outcome,
        text, EngineUser.current(task.getProcessEngineServices()).orElse("system"));
    task.getExecution().getProcessInstance().setVariable(OUTCOME, outcome.name());
  }

}
