package org.aipo.holidays;

/** Element ids and variables of {@code processes/holiday-schedule-check.bpmn}. */
public final class HolidaySchedules {

  public static final String PROCESS_KEY = "holidayScheduleCheck";
  public static final String CHECK = "serviceTask_checkSchedule";
  public static final String LOAD = "userTask_loadHolidaySchedule";
  public static final String END_READY = "endEvent_scheduleReady";
  public static final String START = "startEvent_decemberDaily";

  public static final String VAR_YEAR = "year";
  public static final String VAR_MISSING = "scheduleMissing";

  /** The administrators: they edit the holiday file. */
  public static final String ADMINISTRATORS = "camunda-admin";

  private HolidaySchedules() {
  }
}
