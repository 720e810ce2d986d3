package org.aipo.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Named;

import org.aipo.security.Roles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * House rules for every model in processes/: readable ids, delegates that name existing beans, forms
 * and candidate groups that exist, a history time to live. Fails the build on a bad model.
 */
class ModelRulesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
  private static final Pattern ELEMENT_ID = Pattern.compile("^[a-z][A-Za-z]*_[a-z][A-Za-z0-9]*$");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
  private static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(PROCESSES)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Set<String> namedBeans() throws IOException {
    Path classes = Path.of("target", "classes");
    Set<String> names = new HashSet<>();
    try (Stream<Path> paths = Files.walk(classes)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Named named = Class.forName(name, false, ModelRulesTest.class.getClassLoader()).getAnnotation(Named.class);
          if (named != null) {
            names.add(named.value());
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable outside the server: cannot be a delegate we rely on here
        }
      }
    }
    return names;
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path form : files(".form")) {
      Matcher matcher = FORM_ID.matcher(Files.readString(form));
      if (matcher.find()) {
        ids.add(matcher.group(1));
      }
    }
    return ids;
  }

  @Test
  void everyModelFollowsTheHouseRules() throws IOException {
    List<Path> models = files(".bpmn");
    assertThat(models).isNotEmpty();
    Set<String> beans = namedBeans();
    Set<String> forms = formIds();
    Set<String> groups = new HashSet<>();
    for (Roles role : Roles.values()) {
      groups.add(role.groupId());
    }
    List<String> problems = new ArrayList<>();

    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String id = element.getId();
        if (id != null && GENERATED_ID.matcher(id).matches()) {
          problems.add(file + ": generated id " + id);
        }
        if (element instanceof FlowElement && id != null && !ELEMENT_ID.matcher(id).matches()) {
          problems.add(file + ": id " + id + " is not <type>_<camelName>");
        }
        if (element instanceof FlowElement flow && !(element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)
            && (flow.getName() == null || flow.getName().isBlank())) {
          problems.add(file + ": " + id + " has no name");
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + process.getId() + " has no historyTimeToLive");
        }
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (task.getCamundaClass() != null) {
          problems.add(file + ": " + task.getId() + " uses camunda:class; use a delegateExpression");
        }
        String expression = task.getCamundaDelegateExpression();
        if (expression != null) {
          Matcher matcher = BEAN_EXPRESSION.matcher(expression);
          if (!matcher.matches() || !beans.contains(matcher.group(1))) {
            problems.add(file + ": " + task.getId() + " names no @Named bean: " + expression);
          }
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (formRef == null || !forms.contains(formRef)) {
          problems.add(file + ": user task " + task.getId() + " has no existing form (formRef=" + formRef + ")");
        }
        String candidates = task.getCamundaCandidateGroups();
        if (candidates != null && !candidates.contains("${")) {
          for (String group : candidates.split(",")) {
            if (!groups.contains(group.trim())) {
              problems.add(file + ": " + task.getId() + " names unknown group " + group);
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
