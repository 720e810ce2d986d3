package org.aipo.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** The reminder and the escalation of one task's deadline ({@link TaskDeadlines}), each in its own transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeadlineNotices {

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  Notifier notifier;

  public int remind(String taskId) {
    Task task = task(taskId);
    if (task == null) {
      return 0;
    }
    int written = 0;
    for (String user : whoDoes(task)) {
      written += notifier.send(new Message("reminder:" + task.getId() + ":" + task.getDueDate().getTime() + ":" + user, "deadline-reminder",
          Message.Recipient.user(user), Map.of("taskName", task.getName(), "subjectTitle", subject(task)), task.getDueDate().toInstant(),
          TaskDeadlines.TASKLIST + task.getId())) ? 1 : 0;
    }
    return written;
  }

  public int escalate(String taskId) {
    Task task = task(taskId);
    if (task == null) {
      return 0;
    }
    List<String> doers = whoDoes(task);
    String group = doers.stream().anyMatch(this::isExpert) ? "committee-secretariat" : "programme-office";
    String responsible = doers.isEmpty() ? String.join(", ", candidateGroups(task)) : String.join(", ", doers);
    int written = 0;
    for (String user : notifier.membersOf(group)) {
      written += notifier.send(new Message("escalation:" + task.getId() + ":" + task.getDueDate().getTime() + ":" + user, "deadline-escalation",
          Message.Recipient.user(user), Map.of("taskName", task.getName(), "subjectTitle", subject(task), "responsible", responsible),
          task.getDueDate().toInstant(), TaskDeadlines.TASKLIST + task.getId())) ? 1 : 0;
    }
    return written;
  }

  private Task task(String taskId) {
    return workflowEngine.processEngine().getTaskService().createTaskQuery().taskId(taskId).active().singleResult();
  }

  /** The assignee, else the candidate users, else the members of the candidate groups. */
  private List<String> whoDoes(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    Set<String> users = new LinkedHashSet<>();
    List<IdentityLink> links = workflowEngine.processEngine().getTaskService().getIdentityLinksForTask(task.getId());
    links.stream().filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).forEach(l -> users.add(l.getUserId()));
    if (users.isEmpty()) {
      for (String group : candidateGroups(task)) {
        users.addAll(notifier.membersOf(group));
      }
    }
    return new ArrayList<>(users);
  }

  private List<String> candidateGroups(Task task) {
    return workflowEngine.processEngine().getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  private boolean isExpert(String user) {
    return workflowEngine.processEngine().getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .anyMatch("expert"::equals);
  }

  private String subject(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return task.getName();
    }
    ProcessDefinition definition = workflowEngine.processEngine().getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }
}
