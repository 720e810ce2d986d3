package org.aipo.scenario;

import org.aipo.common.DomainException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
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
          nominations(task), actor);
      case ScenarioListRound.CONSOLIDATE -> task.getExecution().getProcessInstance()
          .setVariable("keptCount", stages.consolidate(roundId, text(task, "merges"), text(task, "rejections"), actor));
      case ScenarioListRound.APPROVE_LIST -> {
        Object decision = task.getVariable("decision");
        if (!"approve".equals(decision) && !"return".equals(decision)) {
          throw DomainException.badInput("scenario.approval-decision", "decision", "决定须为 approve 或 return", "decision must be approve or return");
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

  /**
   * The unit's nominations as a JSON list: the variable {@code scenarios} (a list, over REST), or the
   * form's groups {@code scenario1} … {@code scenario5} that were filled in (Json objects from Tasklist);
   * none when the unit ticked "nothing to nominate".
   */
  static String nominations(DelegateTask task) {
    Object list = task.getVariable("scenarios");
    if (list != null) {
      return list.toString();
    }
    if (Boolean.TRUE.equals(task.getVariable("nothingToNominate"))) {
      return "[]";
    }
    java.util.List<String> filled = new java.util.ArrayList<>();
    for (int n = 1; n <= ScenarioRules.FORM_SLOTS; n++) {
      Object slot = task.getVariable("scenario" + n);
      String json = slot == null ? "" : slot.toString().trim();
      if (!json.isEmpty() && !json.equals("{}") && !json.equals("null")) {
        filled.add(json);
      }
    }
    if (filled.isEmpty()) {
      throw DomainException.badInput("scenario.nothing-nominated", "scenario1", "scenario1: 请填写至少一个场景，或勾选“本轮无推荐场景”", "scenario1: nominate a scenario or tick 'nothing to nominate'");
    }
    return "[" + String.join(",", filled) + "]";
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }
}
