package org.aipo.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The house rules for a set of model files (BPMN, DMN, Camunda Forms), before anything is deployed: no
 * generated ids, element ids {@code <type>_<camelName>}, named flow elements, every branch of a deciding
 * gateway (exclusive, inclusive, complex) named with its condition, every delegate expression (of a task,
 * an event or a task or execution listener) naming one existing bean, no {@code camunda:class}, every user
 * task with a form of the set, a due date and a description, every candidate group known, every called
 * process in the set or already deployed, {@code historyTimeToLive} on every process and decision, a form's
 * values shown only through {@code {{name}}} templates ({@link FormValues}). Each
 * problem names the file, the element and its line.
 */
public final class ModelValidator {

  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
  private static final Pattern ELEMENT_ID = Pattern.compile("^[a-z][A-Za-z]*_[a-z][A-Za-z0-9]*$");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
  private static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** One broken rule: where (file, element, line; 0 when unknown) and what. */
  public record Problem(String file, String element, int line, String message) {

    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + (element == null ? "" : " " + element) + ": " + message;
    }
  }

  /** What the rules look up outside the files: beans, groups, and processes deployed before. */
  public record Context(Predicate<String> beanExists, Set<String> groups, Predicate<String> processDeployed) {
  }

  private ModelValidator() {
  }

  public static List<Problem> validate(Map<String, byte[]> files, Context context) {
    List<Problem> problems = new ArrayList<>();
    Set<String> forms = new HashSet<>();
    Set<String> processes = new HashSet<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        Matcher id = FORM_ID.matcher(text(content));
        if (id.find()) {
          forms.add(id.group(1));
        } else {
          problems.add(new Problem(name, null, 1, "a Camunda Form needs an \"id\""));
        }
        // what a form shows is escaped by name (FormValues, ADR 0008): only {{name}} templates, no expression text
        try {
          FormValues.unescapable(text(content)).forEach(problem -> problems.add(new Problem(name, null, 0, problem)));
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(name, null, 0, e.getMessage()));
        }
      }
    });
    Map<String, BpmnModelInstance> bpmn = new java.util.TreeMap<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".bpmn")) {
        try {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
          bpmn.put(name, model);
          model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
        } catch (RuntimeException e) {
          problems.add(new Problem(name, null, 0, "not a BPMN 2.0 model: " + rootMessage(e)));
        }
      } else if (name.endsWith(".dmn")) {
        dmn(name, content, problems);
      }
    });
    bpmn.forEach((name, model) -> bpmn(name, text(files.get(name)), model, forms, processes, context, problems));
    return problems;
  }

  private static void bpmn(String file, String text, BpmnModelInstance model, Set<String> forms, Set<String> processes, Context context,
      List<Problem> problems) {
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getId();
      if (id != null && GENERATED_ID.matcher(id).matches()) {
        problems.add(problem(file, text, id, "generated id; give it a readable one"));
      }
      if (element instanceof FlowElement && id != null && !ELEMENT_ID.matcher(id).matches()) {
        problems.add(problem(file, text, id, "id is not <type>_<camelName>"));
      }
      if (element instanceof FlowElement flow && !(element instanceof SequenceFlow) && (flow.getName() == null || flow.getName().isBlank())) {
        problems.add(problem(file, text, id, "has no name"));
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(problem(file, text, process.getId(), "process has no historyTimeToLive"));
      }
    }
    branchesOfDecidingGateways(model).forEach((gateway, branches) -> {
      if (branches.size() > 1) {
        for (SequenceFlow flow : branches) {
          if (flow.getName() == null || flow.getName().isBlank()) {
            problems.add(problem(file, text, flow.getId(), "branch of gateway " + gateway + " has no name; name its condition (中文 English)"));
          }
        }
      }
    });
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaClass() != null) {
        problems.add(problem(file, text, task.getId(), "uses camunda:class; use a delegateExpression naming a bean"));
      }
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String expression = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
      if (expression != null && !namesOneBean(expression, context)) {
        problems.add(problem(file, text, element.getId(), "delegateExpression " + expression + " names no bean"));
      }
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      listener(file, text, listener, "task", listener.getCamundaClass(), listener.getCamundaDelegateExpression(), context, problems);
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      listener(file, text, listener, "execution", listener.getCamundaClass(), listener.getCamundaDelegateExpression(), context, problems);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
      if (formRef == null || !forms.contains(formRef)) {
        problems.add(problem(file, text, task.getId(), "user task has no form of this deployment (formRef=" + formRef + ")"));
      }
      if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
        problems.add(problem(file, text, task.getId(), "user task has no due date (camunda:dueDate): officials must see by when"));
      }
      if (task.getDocumentations().isEmpty() || task.getDocumentations().iterator().next().getTextContent().isBlank()) {
        problems.add(problem(file, text, task.getId(), "user task has no documentation: Tasklist shows it as what to do"));
      }
      String candidates = task.getCamundaCandidateGroups();
      if (candidates != null && !candidates.contains("${")) {
        for (String group : candidates.split(",")) {
          if (!context.groups().contains(group.trim())) {
            problems.add(problem(file, text, task.getId(), "unknown candidate group " + group.trim()));
          }
        }
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (called != null && !called.contains("${") && !processes.contains(called) && !context.processDeployed().test(called)) {
        problems.add(problem(file, text, call.getId(), "calls process " + called + ", which is neither in this deployment nor deployed"));
      }
    }
  }

  /**
   * The outgoing flows of every exclusive, inclusive and complex gateway, by gateway id, found by the flows'
   * {@code sourceRef} (the engine's way; a hand-written model may omit the gateway's {@code <outgoing>}).
   */
  private static Map<String, List<SequenceFlow>> branchesOfDecidingGateways(BpmnModelInstance model) {
    Map<String, List<SequenceFlow>> branches = new java.util.LinkedHashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getSource() instanceof Gateway gateway
          && (gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway || gateway instanceof ComplexGateway)) {
        branches.computeIfAbsent(gateway.getId(), id -> new ArrayList<>()).add(flow);
      }
    }
    return branches;
  }

  private static boolean namesOneBean(String expression, Context context) {
    Matcher bean = BEAN_EXPRESSION.matcher(expression);
    return bean.matches() && context.beanExists().test(bean.group(1));
  }

  /** A listener is reported on the element whose extension elements hold it. */
  private static void listener(String file, String text, ModelElementInstance listener, String kind, String className, String expression,
      Context context, List<Problem> problems) {
    ModelElementInstance owner = listener.getParentElement() == null ? null : listener.getParentElement().getParentElement();
    String id = owner instanceof BaseElement element ? element.getId() : null;
    if (className != null) {
      problems.add(problem(file, text, id, kind + " listener uses camunda:class; use a delegateExpression naming a bean"));
    }
    if (expression != null && !namesOneBean(expression, context)) {
      problems.add(problem(file, text, id, kind + " listener delegateExpression " + expression + " names no bean"));
    }
  }

  private static void dmn(String file, byte[] content, List<Problem> problems) {
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(problem(file, text(content), decision.getId(), "decision has no historyTimeToLive"));
        }
      }
    } catch (RuntimeException e) {
      problems.add(new Problem(file, null, 0, "not a DMN 1.3 model: " + rootMessage(e)));
    }
  }

  private static Problem problem(String file, String text, String elementId, String message) {
    return new Problem(file, elementId, line(text, elementId), message);
  }

  /** The line on which the element is declared (its {@code id="..."}), 0 when not found. */
  static int line(String text, String elementId) {
    if (elementId == null) {
      return 0;
    }
    int at = text.indexOf("id=\"" + elementId + "\"");
    return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
