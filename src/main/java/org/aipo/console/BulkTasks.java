package org.aipo.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.api.ApiUser;
import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.identity.Roles;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * One task of a bulk request, in a transaction of its own ({@link Transactional.TxType#REQUIRED}, called from
 * {@link ConsoleResource#bulk}, which runs without one): checks that the caller may act on it, then completes,
 * claims, unclaims or assigns it as Tasklist would, with the caller as the engine's authenticated user, so the
 * task's own listener records the decision and its audit record exactly as for a single completion.
 */
@ApplicationScoped
public class BulkTasks {

  /** The office head, who reassigns: there is no such group (identity.Roles), so the administrator does it (issue 28). */
  static final String OFFICE_HEAD = Roles.ADMIN.groupId();

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AuditLog auditLog;

  @Transactional(Transactional.TxType.REQUIRED)
  public void act(String taskId, BulkKind kind, String comment, String assignee, ApiUser user) {
    ProcessEngine engine = workflowEngine.processEngine();
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw alreadyDone(taskId);
    }
    boolean head = user.groups().contains(OFFICE_HEAD);
    if (kind == BulkKind.ASSIGN) {
      if (!head) {
        throw DomainException.forbidden("console.not-office-head", "只有项目办负责人（系统管理员）可以改派任务", "only the office head (the administrator) reassigns tasks");
      }
      assignable(engine, task, assignee);
      engine.getTaskService().setAssignee(taskId, assignee);
      return;
    }
    if (!mayWork(engine, task, user)) {
      throw DomainException.forbidden("console.not-candidate", "任务 " + taskId + " 不属于您所在的组", "task " + taskId + " is not one of your groups'");
    }
    String current = task.getAssignee();
    if (kind == BulkKind.UNCLAIM) {
      if (current == null) {
        return;
      }
      if (!current.equals(user.userId()) && !head) {
        throw taken(taskId, current);
      }
      engine.getTaskService().setAssignee(taskId, null);
      return;
    }
    if (current != null && !current.equals(user.userId())) {
      throw taken(taskId, current);
    }
    if (kind == BulkKind.CLAIM) {
      if (current == null) {
        engine.getTaskService().claim(taskId, user.userId());
      }
      return;
    }
    if (!kind.taskKey().equals(task.getTaskDefinitionKey())) {
      throw DomainException.badInput("console.wrong-task", "taskIds", "任务 " + taskId + "（" + task.getName() + "）不是“" + kind.code() + "”所办理的任务",
          "task " + taskId + " (" + task.getName() + ") is not a task that " + kind.code() + " completes");
    }
    Map<String, Object> variables = new HashMap<>();
    if (kind == BulkKind.FORMAL_CHECK_ELIGIBLE) {
      variables.put("decision", "eligible");
      variables.put("reasons", comment);
    } else if (kind == BulkKind.VOUCHER_APPROVE) {
      variables.put("approved", Boolean.TRUE);
      variables.put("comment", comment);
    } else if (kind == BulkKind.SCENARIO_KEEP && comment != null) {
      // the consolidation form has no comment: the common comment goes on the round's own audit chain
      Object round = engine.getTaskService().getVariable(taskId, "roundId");
      auditLog.record(user.userId(), "scenario-round.kept-in-bulk", "scenario-round", String.valueOf(round), comment);
    }
    engine.getIdentityService().setAuthentication(user.userId(), user.groups());
    try {
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Whether the caller is a candidate of the task (through a group or by name) or its assignee. */
  static boolean mayWork(ProcessEngine engine, Task task, ApiUser user) {
    if (user.userId().equals(task.getAssignee())) {
      return true;
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (user.userId().equals(link.getUserId()) || link.getGroupId() != null && user.groups().contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private static void assignable(ProcessEngine engine, Task task, String assignee) {
    if (assignee == null || assignee.isBlank()) {
      throw DomainException.badInput("field.required", "assignee", "改派须指定 assignee", "assignee is required to reassign");
    }
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    boolean member = groups.stream().anyMatch(g -> engine.getIdentityService().createUserQuery().userId(assignee).memberOfGroup(g).count() > 0);
    if (!member) {
      throw DomainException.badInput("console.assignee-not-candidate", "assignee", assignee + " 不属于任务的候选组 " + groups,
          "assignee: " + assignee + " is not in the task's candidate groups " + groups);
    }
  }

  static DomainException alreadyDone(String taskId) {
    return DomainException.conflict("console.task-done", null, "任务 " + taskId + " 已办理（或已不存在）", "task " + taskId + " is already done (or no longer exists)");
  }

  static DomainException taken(String taskId, String assignee) {
    return DomainException.conflict("console.task-taken", null, "任务 " + taskId + " 已由 " + assignee + " 认领", "task " + taskId + " was taken by " + assignee);
  }
}
