package org.aipo.voucher;

/** Element ids and variables of {@code processes/voucher-round.bpmn} and {@code processes/voucher-round-cadence.bpmn}. */
public final class VoucherRounds {

  public static final String PROCESS_KEY = "voucherRound";
  public static final String CADENCE_KEY = "voucherRoundCadence";
  public static final String RECEIVE_OPEN = "receiveTask_roundOpen";
  public static final String TIMER_ENDS = "boundaryTimer_roundEnds";
  public static final String MESSAGE_CLOSED = "voucherRoundClosed";
  public static final String END_CLOSED = "endEvent_roundClosed";
  public static final String TASK_OPEN_NEXT = "userTask_openNextRound";

  public static final String VAR_ROUND = "roundId";
  public static final String VAR_VALID_UNTIL = "roundValidUntil";
  /** Who closed the round early through the API. */
  public static final String VAR_CLOSED_BY = "roundClosedBy";

  /** The cadence task's form fields. */
  public static final String FIELD_NAME = "roundName";
  public static final String FIELD_PROGRAMME = "programme";
  public static final String FIELD_POOL = "poolTotal";
  public static final String FIELD_VALID_UNTIL = "validUntil";

  private VoucherRounds() {
  }
}
