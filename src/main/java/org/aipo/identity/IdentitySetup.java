package org.aipo.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;

/**
 * Groups, their authorizations and a task filter: reference data every installation needs, created
 * when missing on every start (idempotent), in every profile. Users are not created here.
 *
 * <ul>
 *   <li>{@code camunda-admin} is the engine's admin group, with ALL on every resource.</li>
 *   <li>Officials and experts may open Tasklist and read the shared task filter; they see only tasks
 *       they are candidates for or assigned to (the engine grants those per task).</li>
 *   <li>The programme office and the secretariat may start processes.</li>
 *   <li>Auditors read in Cockpit and the engine's REST API: process and decision definitions, instances, their
 *       variables and tasks, and history; nothing that changes or works on anything (no CREATE_INSTANCE, UPDATE,
 *       TASK_WORK, DELETE), no Tasklist.</li>
 *   <li>Applicants and compute suppliers' staff get nothing in the engine: no Tasklist, Cockpit or Admin.</li>
 * </ul>
 */
public final class IdentitySetup {

  private static final Logger LOG = Logger.getLogger(IdentitySetup.class.getName());

  public static final String TASKLIST = "tasklist";
  public static final String ALL_TASKS_FILTER = "全部待办 All my tasks";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final ProcessEngine engine;

  public IdentitySetup(ProcessEngine engine) {
    this.engine = engine;
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.filterService = engine.getFilterService();
  }

  public void apply() {
    for (Roles role : Roles.values()) {
      ensureGroup(role);
    }
    Filter filter = ensureAllTasksFilter();
    for (RoleFilter roleFilter : ROLE_FILTERS) {
      Filter created = ensureFilter(roleFilter);
      for (Roles role : roleFilter.roles()) {
        grant(role.groupId(), Resources.FILTER, created.getId(), Permissions.READ);
      }
    }
    // the engine lets camunda-admin bypass command checks, but the webapps ask for explicit grants
    // (application access, for instance): the same ALL-on-everything grants Camunda's setup page creates
    for (Resources resource : Resources.values()) {
      grant(Roles.ADMIN.groupId(), resource, Authorization.ANY, Permissions.ALL);
    }
    for (Roles role : Roles.values()) {
      if (role.usesTasklist() && role != Roles.ADMIN) {
        grant(role.groupId(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
      }
      if (role.startsProcesses() && role != Roles.ADMIN) {
        grant(role.groupId(), Resources.PROCESS_DEFINITION, Authorization.ANY,
            Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
        grant(role.groupId(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
      }
      if (role == Roles.AUDITOR) {
        grantAuditorReads();
      }
      if (READS_INSTANCE_VARIABLES.contains(role)) {
        // what their Tasklist filters show beside each task (applicant, call, item): process variables
        grant(role.groupId(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_INSTANCE);
      }
    }
  }

  public static final String COCKPIT = "cockpit";

  /** Read, and only read, on everything an audit of the processes needs (issue 26). */
  private void grantAuditorReads() {
    String auditor = Roles.AUDITOR.groupId();
    grant(auditor, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(auditor, Resources.PROCESS_DEFINITION, Authorization.ANY,
        Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(auditor, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.TASK, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditor, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grant(auditor, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY, org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    grant(auditor, Resources.HISTORIC_TASK, Authorization.ANY, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
  }

  private void ensureGroup(Roles role) {
    if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(role.groupId());
    group.setName(role.displayName());
    group.setType(role == Roles.ADMIN ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
    LOG.info(() -> "Created group " + role.groupId());
  }

  /** A Tasklist filter for some roles: its query, ordered by due date, and the variables its list shows. */
  record RoleFilter(String name, String description, int priority, java.util.function.UnaryOperator<org.camunda.bpm.engine.task.TaskQuery> query,
      List<Map<String, String>> variables, List<Roles> roles) {
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  private static final List<Map<String, String>> CALL_VARIABLES = List.of(variable("callTitle", "征集 Call"),
      variable("applicantName", "申报单位 Applicant"), variable("proposalTitle", "申报书 Proposal"));
  private static final List<Map<String, String>> REVIEW_VARIABLES = List.of(variable("reviewTitle", "评审 Review"),
      variable("itemTitle", "评审事项 Item"));
  private static final List<Map<String, String>> ALL_VARIABLES = List.of(variable("callTitle", "征集 Call"),
      variable("applicantName", "申报单位 Applicant"), variable("proposalTitle", "申报书 Proposal"), variable("itemTitle", "评审事项 Item"),
      variable("roundTheme", "场景征集 Round"));

  /** The filters created at first start, each readable by its roles (issue 8). */
  static final List<RoleFilter> ROLE_FILTERS = List.of(
      new RoleFilter("我的任务 Assigned to me", "分配给我的任务，按截止日期排序 Tasks assigned to me, by due date", -9,
          q -> q.taskAssigneeExpression("${currentUser()}"), ALL_VARIABLES,
          List.of(Roles.PROGRAMME_OFFICE, Roles.NOMINATING_UNIT, Roles.COMMITTEE_SECRETARIAT, Roles.EXPERT, Roles.LEADERSHIP)),
      new RoleFilter("形式审查 Formal checks", "待项目办形式审查的申报书 Proposals waiting for the formal check", -8,
          q -> q.taskDefinitionKey("userTask_formalCheck").taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          CALL_VARIABLES, List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("异议答复 Objections", "公示期收到的实名异议 Real-name objections to answer", -7,
          q -> q.taskDefinitionKeyIn("userTask_answerObjection", "userTask_answerScenarioObjection")
              .taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(variable("callTitle", "征集 Call"), variable("roundTheme", "场景征集 Round")), List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("我的评审 My reviews", "我的评审邀请、利益冲突声明与评分 My invitations, conflict declarations and scores", -8,
          q -> q.processDefinitionKey("expertCommitteeReview").taskAssigneeExpression("${currentUser()}"), List.of(),
          List.of(Roles.EXPERT)),
      new RoleFilter("秘书处 Secretariat", "专家委员会秘书处的任务 The committee secretariat's tasks", -8,
          q -> q.taskCandidateGroup(Roles.COMMITTEE_SECRETARIAT.groupId()).includeAssignedTasks(), REVIEW_VARIABLES,
          List.of(Roles.COMMITTEE_SECRETARIAT)),
      new RoleFilter("待审定 Approvals", "领导小组待审定的名单 Lists waiting for leadership's approval", -8,
          q -> q.taskCandidateGroup(Roles.LEADERSHIP.groupId()).includeAssignedTasks(),
          List.of(variable("callTitle", "征集 Call"), variable("roundTheme", "场景征集 Round")), List.of(Roles.LEADERSHIP)),
      new RoleFilter("算力券 Compute vouchers", "待审核的算力券申请与待核验的兑付 Voucher applications to review and redemptions to verify", -7,
          q -> q.processDefinitionKey("voucherLifecycle").taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(variable("applicantName", "申请单位 Applicant"), variable("roundName", "算力券批次 Round"), variable("voucherAmount", "券额 Amount"),
              variable("voucherNumber", "券号 Voucher")), List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("服务商入库 Supplier listings", "待审核的算力服务商入库申请 Compute suppliers waiting to be listed or refused", -7,
          q -> q.processDefinitionKey("supplierListing").taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(variable("supplierName", "服务商 Supplier")), List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("算力券批次 Voucher rounds", "每年开启下一年度算力券批次的任务 The yearly task to open next year's voucher round", -7,
          q -> q.processDefinitionKey("voucherRoundCadence").taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(), List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("算力券专家意见 Voucher opinions", "预计合同额超过门槛的算力券申请 Voucher applications above the expert threshold", -7,
          q -> q.taskDefinitionKey("userTask_expertOpinion").taskCandidateGroup(Roles.EXPERT.groupId()).includeAssignedTasks(),
          List.of(), List.of(Roles.EXPERT)),
      new RoleFilter("AI 服务备案 AI-service filing", "备案材料预审与逾期未备案督办 Filing pre-reviews and late-filing follow-ups", -7,
          q -> q.processDefinitionKey("serviceFiling").taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(variable("organisationName", "企业 Firm"), variable("serviceName", "服务 Service"), variable("unmetThresholds", "未达标项 Unmet")),
          List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("抽查任务 Spot checks", "随机抽中我的抽查与整改复查 The spot checks and follow-ups drawn for me", -8,
          q -> q.processDefinitionKey("spotCheckInspection").taskCandidateUserExpression("${currentUser()}").includeAssignedTasks(),
          List.of(), List.of(Roles.INSPECTOR)),
      new RoleFilter("分级监管 Supervision", "整改逾期、自查逾期与事件报告 Late rectifications, late self-inspections and incident reports", -7,
          q -> q.processDefinitionKeyIn("spotCheckInspection", "supervisionPlan", "incidentHandling")
              .taskCandidateGroup(Roles.PROGRAMME_OFFICE.groupId()).includeAssignedTasks(),
          List.of(variable("serviceName", "AI 服务 Service")), List.of(Roles.PROGRAMME_OFFICE)),
      new RoleFilter("场景提名 Nominations", "本单位的应用场景提名任务 My unit's scenario nominations", -8,
          q -> q.taskDefinitionKey("userTask_nominateScenarios").taskAssigneeExpression("${currentUser()}"),
          List.of(), List.of(Roles.NOMINATING_UNIT)));

  private Filter ensureFilter(RoleFilter definition) {
    Filter existing = filterService.createFilterQuery().filterName(definition.name()).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(definition.name());
    filter.setQuery(definition.query().apply(engine.getTaskService().createTaskQuery()).orderByDueDate().asc());
    filter.setProperties(Map.of("description", definition.description(), "priority", definition.priority(), "refresh", true,
        "variables", definition.variables()));
    filterService.saveFilter(filter);
    LOG.info(() -> "Created task filter " + definition.name());
    return filter;
  }

  private Filter ensureAllTasksFilter() {
    Filter existing = filterService.createFilterQuery().filterName(ALL_TASKS_FILTER).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(ALL_TASKS_FILTER);
    filter.setQuery(engine.getTaskService().createTaskQuery().orderByDueDate().asc());
    filter.setProperties(Map.of(
        "description", "我可以办理的全部任务 Every task I may work on",
        "priority", -10,
        "refresh", true,
        "variables", ALL_VARIABLES));
    filterService.saveFilter(filter);
    return filter;
  }

  /**
   * Officials who see process variables in their task lists. Experts and nominating units do not: an
   * expert reads only what their own task shows (blind scoring).
   */
  static final java.util.Set<Roles> READS_INSTANCE_VARIABLES = java.util.Set.of(Roles.PROGRAMME_OFFICE, Roles.LEADERSHIP,
      Roles.COMMITTEE_SECRETARIAT);

  /** Grants these permissions, adding the missing ones to an existing grant (an upgrade keeps earlier grants). */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null) {
      boolean changed = false;
      for (Permission permission : permissions) {
        if (!existing.isPermissionGranted(permission)) {
          existing.addPermission(permission);
          changed = true;
        }
      }
      if (changed) {
        authorizationService.saveAuthorization(existing);
      }
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
