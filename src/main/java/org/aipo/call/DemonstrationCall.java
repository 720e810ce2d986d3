package org.aipo.call;

/** Ids of {@code processes/demonstration-call.bpmn} used by code and tests. */
public final class DemonstrationCall {

  public static final String PROCESS_KEY = "demonstrationCall";
  public static final String VAR_CALL = "callId";
  public static final String MESSAGE_OBJECTION = "objectionLodged";
  public static final String VAR_OBJECTION = "objectionId";
  public static final String DECISION_THRESHOLD = "proposalThreshold";

  public static final String CALL_OPENS = "timerEvent_callOpens";
  public static final String OPEN_CALL = "serviceTask_openCall";
  public static final String CALL_CLOSES = "timerEvent_callCloses";
  public static final String CLOSE_CALL = "serviceTask_closeCall";
  public static final String COUNT_PENDING = "serviceTask_countPendingChecks";
  public static final String WAIT_FOR_CHECKS = "timerEvent_waitForChecks";
  public static final String PREPARE_REVIEWS = "serviceTask_prepareReviews";
  public static final String NO_ELIGIBLE = "endEvent_noEligibleProposals";
  public static final String CONFIRM_GROUPS = "userTask_confirmGroups";
  public static final String DRAW_GROUPS = "serviceTask_drawGroups";
  public static final String EXPERT_REVIEW = "callActivity_expertReview";
  public static final String RANK = "serviceTask_rankProposals";
  public static final String APPROVE_AWARDS = "userTask_approveAwards";
  public static final String REVISE_RANKING = "userTask_reviseRanking";
  public static final String PUBLISH_NOTICE = "serviceTask_publishNotice";
  public static final String PUBLIC_NOTICE = "subProcess_publicNotice";
  public static final String NOTICE_ENDS = "timerEvent_noticeEnds";
  public static final String ANSWER_OBJECTION = "userTask_answerObjection";
  public static final String CLOSE_NOTICE = "serviceTask_closeNotice";
  public static final String ANNOUNCE_AWARDS = "serviceTask_announceAwards";
  public static final String END_AWARDED = "endEvent_awardsAnnounced";

  private DemonstrationCall() {
  }
}
