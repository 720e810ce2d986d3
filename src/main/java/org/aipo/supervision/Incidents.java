package org.aipo.supervision;

/** Element ids, variables and audit actions of {@code processes/incident-handling.bpmn}. */
public final class Incidents {

  public static final String PROCESS_KEY = "incidentHandling";
  public static final String TASK_HANDLE = "userTask_handleIncident";
  public static final String END_HANDLED = "endEvent_incidentHandled";

  public static final String VAR_INCIDENT = "incidentId";
  public static final String VAR_OUTCOME = "incidentOutcome";
  public static final String VAR_DECIDED_BY = "incidentDecidedBy";

  public static final String SUBJECT_TYPE = "incident";
  public static final String ACTION_REPORTED = "incident.reported";
  public static final String ACTION_HANDLED = "incident.handled";

  private Incidents() {
  }
}
