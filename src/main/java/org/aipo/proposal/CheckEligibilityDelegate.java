package org.aipo.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${checkEligibilityDelegate}}: before the office's formal check, an organisation with a failed or
 * overdue acceptance in the last three years is made ineligible automatically; sets {@code formalCheckOutcome}.
 */
@ApplicationScoped
@Named("checkEligibilityDelegate")
public class CheckEligibilityDelegate implements JavaDelegate {

  private FormalCheckRecorder recorder;

  protected CheckEligibilityDelegate() {
    // for the CDI proxy
  }

  @Inject
  public CheckEligibilityDelegate(FormalCheckRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean excluded = recorder.excludeForPastAcceptance((String) execution.getVariable(FormalCheckProcess.VAR_PROPOSAL));
    execution.setVariable(FormalCheckListener.OUTCOME, excluded ? Proposal.FormalCheck.INELIGIBLE.name() : "PENDING");
  }
}
