package org.aipo.supervision;

import java.time.Instant;

/**
 * The steps of {@code spotCheckInspection} that its delegates call, one per service task ({@link SpotChecks} on the
 * database; process tests record them).
 */
public interface SpotCheckStages {

  /** The inspectors' result: passed, or findings that the firm must rectify; the notes stay internal. */
  void recordInspection(String inspectionId, boolean findingsFound, String findings, String notes, String actor);

  /** The firm's rectification is due at this instant. */
  void openRectification(String inspectionId, Instant due);

  /** The deadline passed without a rectification: recorded, the office takes it up. */
  void rectificationLapsed(String inspectionId);

  /** The follow-up check: rectified or not. */
  void recordFollowUp(String inspectionId, boolean rectified, String notes, String actor);

  /** Publishes the service, the date and the result (never the notes). */
  void publish(String inspectionId);
}
