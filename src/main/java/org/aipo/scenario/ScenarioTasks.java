package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ${scenarioTasks...}}: what the round's tasks show (theme, the consolidation table,
 * the draft list, an objection) and the cadence of the timer start event.
 */
@ApplicationScoped
@Named("scenarioTasks")
public class ScenarioTasks {

  private ScenarioStages stages;
  private String cadence;

  protected ScenarioTasks() {
    // for the CDI proxy
  }

  @Inject
  public ScenarioTasks(ScenarioStages stages,
      @ConfigProperty(name = ScenarioListRound.CADENCE_SETTING, defaultValue = ScenarioListRound.DEFAULT_CADENCE) String cadence) {
    this.stages = stages;
    this.cadence = cadence;
  }

  /** The timer cycle of the quarterly start (evaluated when the model is deployed). */
  public String cadence() {
    return cadence;
  }

  public String theme(String roundId) {
    return stages.theme(roundId);
  }

  /**
   * An empty scenario for one of the nomination form's groups: a Json variable, so that Tasklist submits the
   * group's fields back as one Json object local to the unit's task.
   */
  public SpinJsonNode blankNomination() {
    return Spin.JSON("{}");
  }

  public String consolidationTable(String roundId) {
    return stages.consolidationTable(roundId);
  }

  public String mergeLines(String roundId) {
    return stages.mergeLines(roundId);
  }

  public String rejectionLines(String roundId) {
    return stages.rejectionLines(roundId);
  }

  public String consolidationNotes(String roundId) {
    return stages.consolidationNotes(roundId);
  }

  public String draftList(String roundId) {
    return stages.draftList(roundId);
  }

  public String objection(String objectionId) {
    return stages.objectionSummary(objectionId);
  }
}
