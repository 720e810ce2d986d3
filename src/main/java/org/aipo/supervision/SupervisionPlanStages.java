package org.aipo.supervision;

import java.time.Instant;

/** The steps of {@code supervisionPlan} that its delegates call ({@link SupervisionPlanService} on the database). */
public interface SupervisionPlanStages {

  /** The next self-inspection report is due at this instant. */
  void scheduled(String serviceId, String tier, Instant due);

  /** The reminder before the due date (an audit record now; e-mail is issue 25). */
  void reminded(String serviceId, Instant due);

  /** The due date passed without a report: recorded; the office's escalation task follows. */
  void late(String serviceId, Instant due);
}
