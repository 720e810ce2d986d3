package org.aipo.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.workflow.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${scenarioTaskListener}} on completing the user tasks of {@code scenarioListRound}: stores the
 * nominations, the consolidation, leadership's decision and the answers to objections, with who and why.
 * Anything invalid is refused with a message naming the field, and the task stays open.
 */
@ApplicationScoped
@Named("scenarioTaskListener")
public class ScenarioTaskListener implements TaskListener {

  private ScenarioStages stages;

  protected ScenarioTaskListener() {
    // for the CDI proxy
  }

  @Inject
  public ScenarioTaskListener(ScenarioStages stages) {
    this.stages = stages;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = EngineUser.current(task.getProcessEngineServices()).orElse("system");
    String roundId = (String) task.getVariable(ScenarioListRound.VAR_ROUND);
    switch (task.getTaskDefinitionKey()) {
      case ScenarioListRound.NOMINATE -> stages.nominate(roundId, task.getAssignee() == null ? actor : task.getAssignee(),
          json(task, "scenarios"), actor);
      case ScenarioListRound.CONSOLIDATE -> task.getExecution().getProcessInstance()
          .setVariable("keptCount", stages.consolidate(roundId, json(task, "decisions"), actor));
      case ScenarioListRound.APPROVE_LIST -> {
        Object decision = task.getVariable("decision");
        if (!"approve".equals(decision) && !"return".equals(decision)) {
          throw new IllegalArgumentException("decision must be approve or return");
        }
        boolean approved = "approve".equals(decision);
        stages.recordApproval(roundId, approved, text(task, "comments"), actor);
        task.getExecution().getProcessInstance().setVariable("listApproved", approved);
      }
      case ScenarioListRound.ANSWER_OBJECTION -> stages.answerObjection((String) task.getVariable(ScenarioListRound.VAR_OBJECTION),
          ScenarioObjection.Decision.parse(task.getVariable("decision")), text(task, "answer"), actor);
      default -> throw new IllegalStateException("scenarioTaskListener has no task " + task.getTaskDefinitionKey());
    }
  }

  /** A list the form submitted: a Json variable from Tasklist (Spin), or JSON text over REST. */
  private static String json(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }
}
