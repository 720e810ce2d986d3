package org.aipo.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code camunda:delegateExpression="${auditDelegate}"}: records an audit entry for the process
 * instance. The task names the action in an input parameter {@code auditAction} and may add
 * {@code auditDetail}; the actor is {@code auditActor} if given, else the user who completed the step
 * (the engine's current authentication), else {@code system} (timers, jobs).
 */
@ApplicationScoped
@Named("auditDelegate")
public class AuditDelegate implements JavaDelegate {

  public static final String ACTION = "auditAction";
  public static final String DETAIL = "auditDetail";
  public static final String ACTOR = "auditActor";
  public static final String SUBJECT_TYPE = "process-instance";

  private AuditLog auditLog;

  protected AuditDelegate() {
    // for the CDI proxy
  }

  @Inject
  public AuditDelegate(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object action = execution.getVariableLocal(ACTION);
    if (action == null) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId()
          + " uses auditDelegate without an input parameter '" + ACTION + "'");
    }
    Object detail = execution.getVariableLocal(DETAIL);
    auditLog.record(actorOf(execution), action.toString(), SUBJECT_TYPE,
        execution.getProcessInstanceId(), detail == null ? null : detail.toString());
  }

  /** The explicit {@code auditActor}, else the user the engine is acting for, else {@code system}. */
  static String actorOf(DelegateExecution execution) {
    Object actor = execution.getVariableLocal(ACTOR);
    if (actor != null) {
      return actor.toString();
    }
    return EngineUser.current(execution.getProcessEngineServices()).orElse("system");
  }
}
