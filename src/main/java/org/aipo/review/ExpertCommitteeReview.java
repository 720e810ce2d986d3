package org.aipo.review;

/** Ids of {@code processes/expert-committee-review.bpmn} used by code and tests. */
public final class ExpertCommitteeReview {

  public static final String PROCESS_KEY = "expertCommitteeReview";
  public static final String VAR_REQUEST = "reviewRequestId";

  public static final String DRAW_PANEL = "serviceTask_drawPanel";
  public static final String APPOINT_EXPERT = "userTask_appointExpert";
  public static final String ANSWER_INVITATION = "userTask_answerInvitation";
  public static final String INVITATION_EXPIRED = "boundaryTimer_invitationExpired";
  public static final String EXPIRE_INVITATION = "serviceTask_expireInvitation";
  public static final String DECLARE_CONFLICT = "userTask_declareConflict";
  public static final String APPOINT_REPLACEMENT = "userTask_appointReplacement";
  public static final String SCORE_ITEM = "userTask_scoreItem";
  public static final String SCORING_REMINDER = "boundaryTimer_scoringReminder";
  public static final String REMIND_EXPERT = "serviceTask_remindExpert";
  public static final String SCORING_DEADLINE = "boundaryTimer_scoringDeadline";
  public static final String HANDLE_OVERDUE = "userTask_handleOverdueScore";
  public static final String AGGREGATE = "serviceTask_aggregateScores";
  public static final String HOLD_CONSENSUS = "userTask_holdConsensus";
  public static final String CONFIRM_OPINION = "userTask_confirmOpinion";
  public static final String COMPLETE = "serviceTask_completeReview";
  public static final String END = "endEvent_reviewCompleted";

  private ExpertCommitteeReview() {
  }
}
