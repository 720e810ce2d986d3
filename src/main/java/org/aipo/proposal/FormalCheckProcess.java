package org.aipo.proposal;

/** Ids of {@code processes/proposal-formal-check.bpmn}. */
public final class FormalCheckProcess {

  public static final String PROCESS_KEY = "proposalFormalCheck";
  public static final String VAR_PROPOSAL = "proposalId";
  public static final String MESSAGE_CORRECTED = "proposalCorrected";

  public static final String CHECK_ELIGIBILITY = "serviceTask_checkEligibility";
  /** The BPMN error {@code serviceTask_checkEligibility} throws for a past failed or overdue acceptance. */
  public static final String ERROR_ADVERSE_ACCEPTANCE = "ADVERSE_ACCEPTANCE_RECORD";
  public static final String ADVERSE_ACCEPTANCE = "boundaryError_adverseAcceptance";
  public static final String END_EXCLUDED = "endEvent_excludedByAcceptance";
  public static final String FORMAL_CHECK = "userTask_formalCheck";
  public static final String AWAIT_CORRECTION = "receiveTask_awaitCorrection";
  public static final String CORRECTION_WINDOW = "boundaryTimer_correctionWindow";
  public static final String CORRECTION_REMINDER = "boundaryTimer_correctionReminder";
  public static final String REMIND_CORRECTION = "serviceTask_remindCorrection";
  public static final String END_REMINDED = "endEvent_correctionReminded";
  public static final String END_ELIGIBLE = "endEvent_proposalEligible";
  public static final String END_INELIGIBLE = "endEvent_proposalIneligible";
  public static final String END_WITHDRAWN = "endEvent_proposalWithdrawn";

  private FormalCheckProcess() {
  }
}
