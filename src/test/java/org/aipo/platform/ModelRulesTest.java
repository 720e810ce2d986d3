package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Named;

import org.aipo.identity.Roles;
import org.junit.jupiter.api.Test;

/**
 * House rules for every model in processes/: readable ids, named gateway branches, delegates that name
 * existing beans, forms and candidate groups that exist, a history time to live. Fails the build on a bad
 * model.
 */
class ModelRulesTest {

  private static final Path PROCESSES = Path.of("processes");

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

  private static ModelValidator.Context context() throws IOException {
    Set<String> beans = namedBeans();
    Set<String> groups = new HashSet<>();
    for (Roles role : Roles.values()) {
      groups.add(role.groupId());
    }
    return new ModelValidator.Context(beans::contains, groups, key -> false);
  }

  @Test
  void everyModelFollowsTheHouseRules() throws IOException {
    java.util.Map<String, byte[]> models = new java.util.TreeMap<>();
    for (Path file : files("")) {
      if (ProcessModels.isModel(file.toString())) {
        models.put(PROCESSES.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    assertThat(models.keySet()).anyMatch(name -> name.endsWith(".bpmn")).anyMatch(name -> name.endsWith(".dmn"));

    assertThat(ModelValidator.validate(models, context())).isEmpty();
  }

  @Test
  void aBrokenModelIsReportedWithFileElementAndLine() throws IOException {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="definitions_broken" targetNamespace="https://aipo.org/test">
          <bpmn:process id="broken" name="Broken" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1x2y3z4" name="start"/>
            <bpmn:serviceTask id="serviceTask_work" name="work" camunda:delegateExpression="${noSuchBean}"/>
            <bpmn:userTask id="userTask_review" name="review" camunda:formRef="missingForm" camunda:candidateGroups="astronauts"/>
            <bpmn:callActivity id="callActivity_other" name="other" calledElement="nowhere"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_d" name="d" namespace="https://aipo.org/test">
          <decision id="noTtl" name="no ttl">
            <decisionTable id="decisionTable_noTtl"><output id="output_x" name="x" typeRef="string"/></decisionTable>
          </decision>
        </definitions>
        """;

    List<ModelValidator.Problem> problems = ModelValidator.validate(java.util.Map.of("broken.bpmn", bpmn.getBytes(),
        "broken.dmn", dmn.getBytes(), "notxml.bpmn", "not xml".getBytes()), context());

    assertThat(problems).extracting(ModelValidator.Problem::toString).contains(
        "broken.bpmn:4 broken: process has no historyTimeToLive",
        "broken.bpmn:5 StartEvent_1x2y3z4: generated id; give it a readable one",
        "broken.bpmn:6 serviceTask_work: delegateExpression ${noSuchBean} names no bean",
        "broken.bpmn:7 userTask_review: user task has no form of this deployment (formRef=missingForm)",
        "broken.bpmn:7 userTask_review: unknown candidate group astronauts",
        "broken.bpmn:7 userTask_review: user task has no due date (camunda:dueDate): officials must see by when",
        "broken.bpmn:8 callActivity_other: calls process nowhere, which is neither in this deployment nor deployed",
        "broken.dmn:3 noTtl: decision has no historyTimeToLive");
    assertThat(problems).anyMatch(p -> p.file().equals("notxml.bpmn") && p.message().startsWith("not a BPMN 2.0 model"));
  }
}
