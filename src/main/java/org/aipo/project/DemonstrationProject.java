package org.aipo.project;

/** Ids of {@code processes/demonstration-project.bpmn} used by code and tests. */
public final class DemonstrationProject {

  public static final String PROCESS_KEY = "demonstrationProject";
  public static final String VAR_PROPOSAL = "proposalId";
  public static final String VAR_MID_TERM_DUE = "midTermDue";
  public static final String VAR_ACCEPTANCE_DUE = "acceptanceDue";
  public static final String MESSAGE_MID_TERM = "midTermReported";
  public static final String MESSAGE_ACCEPTANCE = "acceptanceReported";

  public static final String AWAIT_MID_TERM = "receiveTask_awaitMidTermReport";
  public static final String MID_TERM_OVERDUE = "boundaryTimer_midTermOverdue";
  public static final String RECORD_MID_TERM_OVERDUE = "serviceTask_recordMidTermOverdue";
  public static final String PREPARE_MID_TERM = "serviceTask_prepareMidTermReview";
  public static final String MID_TERM_REVIEW = "callActivity_midTermReview";
  public static final String RECORD_MID_TERM = "serviceTask_recordMidTerm";
  public static final String AWAIT_ACCEPTANCE = "receiveTask_awaitAcceptanceReport";
  public static final String ACCEPTANCE_OVERDUE = "boundaryTimer_acceptanceOverdue";
  public static final String RECORD_ACCEPTANCE_OVERDUE = "serviceTask_recordAcceptanceOverdue";
  public static final String PREPARE_ACCEPTANCE = "serviceTask_prepareAcceptanceReview";
  public static final String ACCEPTANCE_REVIEW = "callActivity_acceptanceReview";
  public static final String RECORD_ACCEPTANCE = "serviceTask_recordAcceptance";
  public static final String DESIGNATE_BENCHMARK = "userTask_designateBenchmark";
  public static final String END_ACCEPTED = "endEvent_projectAccepted";
  public static final String END_FAILED = "endEvent_acceptanceFailed";
  public static final String END_OVERDUE = "endEvent_acceptanceOverdue";

  private DemonstrationProject() {
  }
}
