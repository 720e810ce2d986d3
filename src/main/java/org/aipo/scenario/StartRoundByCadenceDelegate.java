package org.aipo.scenario;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.calendar.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${startRoundByCadenceDelegate}} on {@code serviceTask_startRound}: the quarterly cadence starts a
 * round titled with the quarter, nominations due in 15 working days, and its {@code scenarioListRound}
 * (发起本季度场景征集).
 */
@ApplicationScoped
@Named("startRoundByCadenceDelegate")
public class StartRoundByCadenceDelegate implements JavaDelegate {

  /** Nomination period of a round started by the cadence. */
  static final String CADENCE_NOMINATION_PERIOD = "P15D";

  private ScenarioStages stages;
  private WorkingDays workingDays;

  protected StartRoundByCadenceDelegate() {
    // for the CDI proxy
  }

  @Inject
  public StartRoundByCadenceDelegate(ScenarioStages stages, WorkingDays workingDays) {
    this.stages = stages;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String started = stages.startByCadence(Instant.now(), workingDays.after(CADENCE_NOMINATION_PERIOD).toInstant());
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ScenarioListRound.PROCESS_KEY, started,
        Map.of(ScenarioListRound.VAR_ROUND, started));
  }
}
