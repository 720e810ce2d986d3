package org.aipo.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${checkEligibilityDelegate}} on {@code serviceTask_checkEligibility}: before the office's formal check,
 * an organisation with a failed or overdue acceptance in the last three years is made ineligible automatically.
 * Sets {@code formalCheckOutcome} ({@code PENDING}, or {@code INELIGIBLE}); a refusal is the BPMN error
 * {@value FormalCheckProcess#ERROR_ADVERSE_ACCEPTANCE}, which the model catches on the task
 * ({@code boundaryError_adverseAcceptance} → {@code endEvent_excludedByAcceptance}).
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
    String proposalId = (String) execution.getVariable(FormalCheckProcess.VAR_PROPOSAL);
    boolean excluded = recorder.excludeForPastAcceptance(proposalId);
    execution.setVariable(FormalCheckListener.OUTCOME, excluded ? Proposal.FormalCheck.INELIGIBLE.name() : "PENDING");
    if (excluded) {
      throw new BpmnError(FormalCheckProcess.ERROR_ADVERSE_ACCEPTANCE,
          "近三年验收未通过或逾期 A failed or overdue acceptance in the last three years: proposal " + proposalId);
    }
  }
}
