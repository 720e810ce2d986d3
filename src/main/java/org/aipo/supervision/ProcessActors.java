package org.aipo.supervision;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who completed the step: the Tasklist user, else the API caller the resource recorded, else "system". */
final class ProcessActors {

  private ProcessActors() {
  }

  static String actor(DelegateExecution execution, String decidedByVariable) {
    return EngineUser.current(execution.getProcessEngineServices()).orElseGet(() -> {
      String decidedBy = text(execution, decidedByVariable);
      return decidedBy == null ? "system" : decidedBy;
    });
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** A yes/no form field: a radio sends "true"/"false", the API a boolean; anything else is no. */
  static boolean yes(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
