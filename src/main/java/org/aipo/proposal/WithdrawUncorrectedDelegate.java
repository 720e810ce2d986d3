package org.aipo.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${withdrawUncorrectedDelegate}}: the correction window ended without a correction. */
@ApplicationScoped
@Named("withdrawUncorrectedDelegate")
public class WithdrawUncorrectedDelegate implements JavaDelegate {

  private FormalCheckRecorder recorder;

  protected WithdrawUncorrectedDelegate() {
    // for the CDI proxy
  }

  @Inject
  public WithdrawUncorrectedDelegate(FormalCheckRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recorder.withdrawUncorrected((String) execution.getVariable(FormalCheckProcess.VAR_PROPOSAL));
  }
}
