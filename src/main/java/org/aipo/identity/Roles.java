package org.aipo.identity;

import java.util.List;

/**
 * The Camunda groups of docs/domain.md, with display names in Chinese and English. Group ids are what
 * BPMN candidate groups name.
 */
public enum Roles {
  PROGRAMME_OFFICE("programme-office", "项目办公室 Programme office", true, true),
  NOMINATING_UNIT("nominating-unit", "推荐单位 Nominating unit", true, false),
  COMMITTEE_SECRETARIAT("committee-secretariat", "专家委员会秘书处 Committee secretariat", true, true),
  EXPERT("expert", "评审专家 Expert", true, false),
  LEADERSHIP("leadership", "领导小组 Leadership", true, false),
  APPLICANT("applicant", "申报单位 Applicant", false, false),
  /**
   * Reads everything about a programme (API; Cockpit and the engine's REST API read-only: definitions, instances,
   * history, decisions), changes nothing, never a task's candidate (issue 26).
   */
  AUDITOR("auditor", "审计 Auditor", false, false),
  /** A compute supplier's staff: follows its own listing application (API and portal only), nothing in the engine. */
  COMPUTE_SUPPLIER("compute-supplier", "算力服务商 Compute supplier", false, false),
  /** Inspects the AI services a spot-check campaign drew for them (Tasklist: only those), declares avoidance. */
  INSPECTOR("inspector", "检查人员 Inspector", true, false),
  ADMIN("camunda-admin", "系统管理员 Administrator", true, true);

  private final String groupId;
  private final String displayName;
  private final boolean usesTasklist;
  private final boolean startsProcesses;

  Roles(String groupId, String displayName, boolean usesTasklist, boolean startsProcesses) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.usesTasklist = usesTasklist;
    this.startsProcesses = startsProcesses;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  /** Officials and experts work in Tasklist; applicants never do. */
  public boolean usesTasklist() {
    return usesTasklist;
  }

  /** May start process instances (rounds, calls, reviews) from Tasklist or REST. */
  public boolean startsProcesses() {
    return startsProcesses;
  }

  public static List<Roles> officials() {
    return List.of(PROGRAMME_OFFICE, NOMINATING_UNIT, COMMITTEE_SECRETARIAT, EXPERT, LEADERSHIP);
  }
}
