package org.aipo.platformcheck;

/**
 * Element ids of {@code processes/platform-check.bpmn}, the placeholder process of the foundation: an
 * official asks for a check, the programme office confirms the platform works, or the confirmation
 * becomes overdue. It proves the wiring (delegates as CDI beans, JPA in the engine's transaction,
 * forms, timers on the job executor) until the programme processes replace it.
 */
public final class PlatformCheck {

  public static final String PROCESS_KEY = "platformCheck";
  public static final String SUBJECT_TYPE = "platform-check";

  public static final String TASK_CONFIRM = "userTask_confirmPlatformCheck";
  public static final String TIMER_OVERDUE = "boundaryTimer_confirmationOverdue";
  public static final String END_CONFIRMED = "endEvent_checkConfirmed";
  public static final String END_OVERDUE = "endEvent_checkOverdue";

  public static final String VAR_REQUESTED_BY = "requestedBy";
  public static final String VAR_NOTE = "note";
  public static final String VAR_CONFIRM_WITHIN = "confirmWithin";
  public static final String VAR_CONFIRMED = "confirmed";
  public static final String VAR_REMARK = "remark";

  public static final String ACTION_REQUESTED = "platform-check.requested";
  public static final String ACTION_CONFIRMED = "platform-check.confirmed";
  public static final String ACTION_OVERDUE = "platform-check.overdue";

  private PlatformCheck() {
  }
}
