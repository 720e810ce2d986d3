package org.aipo.scenario;

/** Ids of {@code processes/scenario-list-round.bpmn} used by code and tests. */
public final class ScenarioListRound {

  public static final String PROCESS_KEY = "scenarioListRound";
  public static final String VAR_ROUND = "roundId";
  public static final String MESSAGE_OBJECTION = "scenarioObjectionLodged";
  public static final String VAR_OBJECTION = "objectionId";
  public static final String DECISION_RISK_TIER = "scenarioRiskTier";
  /** Liberty variable / MicroProfile Config key of the cadence (a Camunda timer cycle: cron or ISO 8601 repeat). */
  public static final String CADENCE_SETTING = "aipo.scenarios.cadence";
  /** Quarterly: 09:00 server time (the server runs in Asia/Shanghai) on the first day of January, April, July, October. */
  public static final String DEFAULT_CADENCE = "0 0 9 1 1,4,7,10 ?";

  public static final String CADENCE_PROCESS_KEY = "scenarioListCadence";
  public static final String START_CADENCE = "startEvent_quarterly";
  public static final String START_ROUND = "serviceTask_startRound";
  public static final String START_OFFICIAL = "startEvent_roundStarted";
  public static final String OPEN_ROUND = "serviceTask_openRound";
  public static final String NOMINATE = "userTask_nominateScenarios";
  public static final String REMINDER = "timerEvent_nominationReminder";
  public static final String REMIND_UNITS = "serviceTask_remindUnits";
  public static final String DEADLINE = "timerEvent_nominationDeadline";
  public static final String CLOSE_NOMINATIONS = "serviceTask_closeNominations";
  public static final String NO_NOMINATIONS = "endEvent_noNominations";
  public static final String CONSOLIDATE = "userTask_consolidateScenarios";
  public static final String NOTHING_LISTED = "serviceTask_nothingListed";
  public static final String END_NOTHING_LISTED = "endEvent_nothingListed";
  public static final String ASSESS_RISK = "serviceTask_assessRisk";
  public static final String PREPARE_REVIEW = "serviceTask_prepareReview";
  public static final String EXPERT_REVIEW = "callActivity_expertReview";
  public static final String RECORD_REVIEW = "serviceTask_recordReview";
  public static final String APPROVE_LIST = "userTask_approveList";
  public static final String OPEN_NOTICE = "serviceTask_openNotice";
  public static final String PUBLIC_NOTICE = "subProcess_publicNotice";
  public static final String NOTICE_ENDS = "timerEvent_noticeEnds";
  public static final String ANSWER_OBJECTION = "userTask_answerScenarioObjection";
  public static final String CLOSE_NOTICE = "serviceTask_closeNotice";
  public static final String PUBLISH_LIST = "serviceTask_publishList";
  public static final String END_PUBLISHED = "endEvent_listPublished";

  private ScenarioListRound() {
  }
}
