package org.aipo.supervision;

/** Element ids, variables, messages and audit actions of {@code processes/spot-check-campaign.bpmn}. */
public final class SpotCheckInspections {

  /** One instance per drawn inspection of a campaign; business key: the inspection's id. */
  public static final String PROCESS_KEY = "spotCheckInspection";
  public static final String TASK_INSPECT = "userTask_inspectService";
  public static final String TASK_FOLLOW_UP = "userTask_followUpCheck";
  public static final String TASK_LATE_RECTIFICATION = "userTask_handleLateRectification";
  public static final String RECEIVE_RECTIFICATION = "receiveTask_awaitRectification";
  public static final String TIMER_RECTIFICATION_DUE = "boundaryTimer_rectificationDue";
  public static final String END_PUBLISHED = "endEvent_resultPublished";
  public static final String END_LATE_HANDLED = "endEvent_lateRectificationHandled";
  public static final String MESSAGE_RECTIFIED = "rectificationSubmitted";

  public static final String VAR_INSPECTION = "inspectionId";
  public static final String VAR_INSPECTORS = "inspectors";
  public static final String VAR_FINDINGS_FOUND = "findingsFound";
  public static final String VAR_FINDINGS = "findings";
  public static final String VAR_NOTES = "inspectionNotes";
  public static final String VAR_RECTIFIED = "rectified";
  public static final String VAR_FOLLOW_UP_NOTES = "followUpNotes";
  public static final String VAR_RECTIFICATION_DUE = "rectificationDue";
  /** Who decided, when the result came through the API rather than from a Tasklist login. */
  public static final String VAR_DECIDED_BY = "spotCheckDecidedBy";

  /** Working days the firm has to rectify, and the inspectors to inspect or follow up. */
  public static final String RECTIFICATION_PERIOD = "P15D";

  public static final String SUBJECT_CAMPAIGN = "spot-check-campaign";
  public static final String SUBJECT_INSPECTION = "spot-check-inspection";
  public static final String ACTION_CAMPAIGN_STARTED = "spot-check.campaign-started";
  public static final String ACTION_INSPECTED = "spot-check.inspected";
  public static final String ACTION_RECTIFICATION_OPENED = "spot-check.rectification-opened";
  public static final String ACTION_RECTIFICATION_SUBMITTED = "spot-check.rectification-submitted";
  public static final String ACTION_RECTIFICATION_LATE = "spot-check.rectification-late";
  public static final String ACTION_FOLLOWED_UP = "spot-check.followed-up";
  public static final String ACTION_PUBLISHED = "spot-check.published";
  public static final String ACTION_AVOIDANCE_DECLARED = "inspector.avoidance-declared";
  public static final String ACTION_REPLAYED = "spot-check.replayed";

  private SpotCheckInspections() {
  }
}
