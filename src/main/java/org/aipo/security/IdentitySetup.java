package org.aipo.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
 *   <li>Applicants get nothing in the engine: no Tasklist, Cockpit or Admin.</li>
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
    }
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
        "refresh", true));
    filterService.saveFilter(filter);
    return filter;
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    long existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count();
    if (existing > 0) {
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
