package org.aipo.models;

import org.aipo.common.DomainException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The impact of a process's newest version on the versions that still run: which activities it adds,
 * removes or changes (type, name, form, candidate groups, assignee, due date, timers), and how many
 * running instances sit in each removed or changed activity of each older version.
 */
public final class ModelImpact {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** One running version compared with the newest. */
  public record VersionImpact(String processDefinitionId, int version, long runningInstances, List<String> added,
      Map<String, String> removed, Map<String, String> changed, Map<String, Long> instancesInRemovedOrChanged) {
  }

  public record Report(String key, int newestVersion, List<VersionImpact> runningVersions) {
  }

  private ModelImpact() {
  }

  public static Report of(ProcessEngine engine, String key) {
    List<ProcessDefinition> versions = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().desc().list();
    if (versions.isEmpty()) {
      throw DomainException.badInput("models.process-unknown", "key", "没有流程 " + key, "key: no process " + key);
    }
    ProcessDefinition newest = versions.get(0);
    Map<String, String> newNodes = describe(engine.getRepositoryService().getBpmnModelInstance(newest.getId()));
    List<VersionImpact> impacts = new ArrayList<>();
    for (ProcessDefinition older : versions.subList(1, versions.size())) {
      long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(older.getId()).count();
      if (running == 0) {
        continue;
      }
      Map<String, String> oldNodes = describe(engine.getRepositoryService().getBpmnModelInstance(older.getId()));
      List<String> added = newNodes.keySet().stream().filter(id -> !oldNodes.containsKey(id)).toList();
      Map<String, String> removed = new TreeMap<>();
      Map<String, String> changed = new TreeMap<>();
      oldNodes.forEach((id, what) -> {
        if (!newNodes.containsKey(id)) {
          removed.put(id, what);
        } else if (!newNodes.get(id).equals(what)) {
          changed.put(id, what + " → " + newNodes.get(id));
        }
      });
      Map<String, Long> sitting = new TreeMap<>();
      for (ActivityStatistics statistics : engine.getManagementService().createActivityStatisticsQuery(older.getId()).list()) {
        if (removed.containsKey(statistics.getId()) || changed.containsKey(statistics.getId())) {
          sitting.put(statistics.getId(), (long) statistics.getInstances());
        }
      }
      impacts.add(new VersionImpact(older.getId(), older.getVersion(), running, added, removed, changed, sitting));
    }
    return new Report(key, newest.getVersion(), impacts);
  }

  /** Every flow node by id, as what matters to a running instance in it. */
  static Map<String, String> describe(BpmnModelInstance model) {
    Map<String, String> nodes = new TreeMap<>();
    Collection<FlowNode> flowNodes = model.getModelElementsByType(FlowNode.class);
    for (FlowNode node : flowNodes) {
      StringBuilder what = new StringBuilder(node.getElementType().getTypeName()).append(" '").append(Objects.toString(node.getName(), ""))
          .append("'");
      if (node instanceof UserTask task) {
        what.append(" form=").append(task.getAttributeValueNs(CAMUNDA_NS, "formRef"))
            .append(" groups=").append(task.getCamundaCandidateGroups())
            .append(" assignee=").append(task.getCamundaAssignee())
            .append(" due=").append(task.getCamundaDueDate());
      }
      for (TimerEventDefinition timer : node.getChildElementsByType(TimerEventDefinition.class)) {
        what.append(" timer=").append(timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
            : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
            : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : "");
      }
      nodes.put(node.getId(), what.toString());
    }
    return nodes;
  }
}
