package org.aipo.filing;

import java.time.Instant;

/**
 * The steps of {@code serviceFiling} that its delegates call, one per service task ({@link FilingGuidance} on the
 * database; process tests use an in-memory one).
 */
public interface FilingStages {

  /** The office's pre-review passed: the file goes forward to the cyberspace office. */
  void forward(String serviceId, String note, String actor);

  /** The office returns the self-assessment with a note; the end of the firm's correction window. */
  Instant returnForCorrection(String serviceId, String note, String actor);

  /** The firm did not correct within the window: guidance lapses, the service is back to registered. */
  void lapse(String serviceId);

  /** A reminder that the algorithm-filing deadline is near (an audit record until e-mail exists, issue 25). */
  void remindFilingDeadline(String serviceId);

  /** The office's note on a late algorithm filing. */
  void recordLateFiling(String serviceId, String note, String actor);
}
