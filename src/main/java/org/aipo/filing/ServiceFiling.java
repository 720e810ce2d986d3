package org.aipo.filing;

/** Names in processes/service-filing.bpmn that code and tests use. */
public final class ServiceFiling {

  public static final String PROCESS_KEY = "serviceFiling";
  public static final String MESSAGE_SELF_ASSESSED = "serviceSelfAssessed";
  public static final String MESSAGE_FILING_RESULT = "serviceFilingResult";

  public static final String VAR_SERVICE = "serviceId";
  public static final String VAR_ROUTE = "route";
  public static final String VAR_SERVICE_NAME = "serviceName";
  public static final String VAR_ORGANISATION_NAME = "organisationName";
  public static final String VAR_SUMMARY = "serviceSummary";
  public static final String VAR_READINESS = "readinessMarkdown";
  public static final String VAR_UNMET = "unmetThresholds";
  public static final String VAR_FORWARDED = "forwarded";
  public static final String VAR_PRE_REVIEW_NOTE = "preReviewNote";
  public static final String VAR_CORRECTION_DUE = "correctionDueAt";
  public static final String VAR_REMINDER_AT = "filingReminderAt";
  public static final String VAR_DUE_AT = "filingDueAt";
  public static final String VAR_GRANTED = "filingGranted";
  public static final String VAR_LATE_NOTE = "lateFilingNote";

  public static final String RECEIVE_SELF_ASSESSMENT = "receiveTask_awaitSelfAssessment";
  public static final String TASK_PRE_REVIEW = "userTask_preReviewFiling";
  public static final String RECEIVE_CORRECTION = "receiveTask_awaitCorrection";
  public static final String TIMER_CORRECTION = "boundaryTimer_correctionWindow";
  public static final String RECEIVE_RESULT = "receiveTask_awaitFilingResult";
  public static final String TIMER_REMINDER = "timer_filingReminder";
  public static final String TIMER_DEADLINE = "timer_filingDeadline";
  public static final String TASK_LATE_FILING = "userTask_handleLateFiling";

  /** Working days the firm has to correct a returned self-assessment. */
  public static final int CORRECTION_WORKING_DAYS = 10;
  /** Algorithm filing is due within 10 working days of the service's start (Provisions on Algorithmic Recommendation, art. 24). */
  public static final int FILING_WORKING_DAYS = 10;
  /** The reminder comes this many working days before the deadline. */
  public static final int REMINDER_WORKING_DAYS_BEFORE = 3;

  private ServiceFiling() {
  }
}
