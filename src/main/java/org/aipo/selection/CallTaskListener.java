package org.aipo.selection;

import org.aipo.common.DomainException;
import org.aipo.call.DemonstrationCall;
import org.aipo.notice.Objection;
import org.aipo.project.DemonstrationProject;
import org.aipo.project.ProjectStages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${callTaskListener}} on completing the user tasks of {@code demonstrationCall} and
 * {@code demonstrationProject}: records the decision with who made it and why. A decision without what it
 * requires (comments on a return, an answer to an objection) is refused and the task stays open.
 */
@ApplicationScoped
@Named("callTaskListener")
public class CallTaskListener implements TaskListener {

  private CallStages calls;
  private ProjectStages projects;

  protected CallTaskListener() {
    // for the CDI proxy
  }

  @Inject
  public CallTaskListener(CallStages calls, ProjectStages projects) {
    this.calls = calls;
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = EngineUser.current(task.getProcessEngineServices()).orElse("system");
    switch (task.getTaskDefinitionKey()) {
      case DemonstrationCall.APPROVE_AWARDS -> {
        boolean approved = decision(task, "approve", "return");
        calls.recordApproval(callId(task), approved, text(task, "comments"), actor);
        task.getExecution().getProcessInstance().setVariable("awardsApproved", approved);
      }
      case DemonstrationCall.REVISE_RANKING -> calls.recordRevision(callId(task), text(task, "response"), actor);
      case DemonstrationCall.ANSWER_OBJECTION -> calls.answerObjection((String) task.getVariable(DemonstrationCall.VAR_OBJECTION),
          Objection.Decision.parse(task.getVariable("decision")), text(task, "answer"), actor);
      case DemonstrationProject.DESIGNATE_BENCHMARK -> projects.designateBenchmark(
          (String) task.getVariable(DemonstrationProject.VAR_PROPOSAL), decision(task, "benchmark", "no"), text(task, "reasons"), actor);
      default -> throw new IllegalStateException("callTaskListener has no task " + task.getTaskDefinitionKey());
    }
  }

  private static String callId(DelegateTask task) {
    return (String) task.getVariable(DemonstrationCall.VAR_CALL);
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static boolean decision(DelegateTask task, String yes, String no) {
    Object value = task.getVariable("decision");
    if (yes.equals(value)) {
      return true;
    }
    if (no.equals(value)) {
      return false;
    }
    throw DomainException.badInput("task.decision", "decision", "结论须为 " + yes + " 或 " + no, "decision must be " + yes + " or " + no);
  }
}
