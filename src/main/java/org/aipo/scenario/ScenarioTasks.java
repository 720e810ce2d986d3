package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ${scenarioTasks...}}: what the round's tasks show (theme, the consolidation table as a list the form
 * edits, the draft list, an objection) and the cadence of the timer start event.
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

  /** One empty row, so that the nomination form opens with a scenario to fill in. */
  public SpinJsonNode blankNomination() {
    return Spin.JSON("[{}]");
  }

  /** The consolidation table as a Json variable: the form shows and edits one row per nomination. */
  public SpinJsonNode consolidationRows(String roundId) {
    return Spin.JSON(stages.consolidationRows(roundId));
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
