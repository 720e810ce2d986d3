package org.aipo.supervision;

/** The step of {@code incidentHandling} its delegate calls ({@link SupervisionPlanService} on the database). */
public interface IncidentStages {

  /** The office's outcome, written to the report with an audit record. */
  void recordOutcome(String incidentId, String outcome, String actor);
}
