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
    recorder.recordFormalCheck((String) task.getVariable(FormalCheckProcess.VAR_PROPOSAL), outcome,
        reasons == null ? null : reasons.toString(), EngineUser.current(task.getProcessEngineServices()).orElse("system"));
    task.getExecution().getProcessInstance().setVariable(OUTCOME, outcome.name());
  }

}
