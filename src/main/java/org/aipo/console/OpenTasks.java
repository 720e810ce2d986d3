package org.aipo.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of the processes whose business keys the console lists (a proposal's, a voucher's, an inspection's,
 * a scenario round's id), found in chunks of 500 keys, and each task's Tasklist link. Shared by every overview.
 */
@ApplicationScoped
public class OpenTasks {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  @Inject
  WorkflowEngine workflowEngine;

  /** Every open task per business key, oldest first. */
  Map<String, List<Task>> all(Collection<String> businessKeys) {
    Map<String, List<Task>> byKey = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(new HashSet<>(businessKeys));
    ProcessEngine engine = workflowEngine.processEngine();
    for (int from = 0; from < keys.size(); from += 500) {
      String[] chunk = keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new);
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(chunk).orderByTaskCreateTime().asc().list();
      Set<String> instances = new HashSet<>();
      tasks.forEach(t -> instances.add(t.getProcessInstanceId()));
      Map<String, String> keyOfInstance = new HashMap<>();
      if (!instances.isEmpty()) {
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(instances).list()
            .forEach(pi -> keyOfInstance.put(pi.getId(), pi.getBusinessKey()));
      }
      for (Task task : tasks) {
        String key = keyOfInstance.get(task.getProcessInstanceId());
        if (key != null) {
          byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(task);
        }
      }
    }
    return byKey;
  }

  /** The first open task per business key. */
  Map<String, Task> first(Collection<String> businessKeys) {
    Map<String, Task> first = new HashMap<>();
    all(businessKeys).forEach((key, tasks) -> first.put(key, tasks.get(0)));
    return first;
  }

  /** The task's page in Tasklist (relative to the server). */
  static String link(Task task) {
    return task == null ? null : TASKLIST + task.getId();
  }
}
