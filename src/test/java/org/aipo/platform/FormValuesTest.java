package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.aipo.common.Markdown;
import org.aipo.testing.InMemoryEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of processes/forms, in an engine with {@link FormValues.Plugin}: a task of that form whose process holds a
 * hostile text for every name the form shows gets, from the form service (what {@code GET /task/{id}/form-variables}
 * answers to Tasklist), each of them escaped, except the {@code …Markdown} values our code builds on purpose.
 * TasklistFormsIT renders the same forms with form-js in Chromium.
 */
class FormValuesTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)> [点我](javascript:alert(1)) **粗** # h <script>alert(2)</script> www.evil.example a@b.cn";

  private static ProcessEngine engine;

  @BeforeAll
  static void start() {
    engine = InMemoryEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("processes", "forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  static String formId(String form) {
    var id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(form);
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  /** A process whose one user task shows the form (bound to the deployment, as every model of ours). */
  static String oneTask(String processId, String formId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="definitions_%1$s" targetNamespace="https://aipo.org/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="startEvent_started"/>
            <bpmn:userTask id="userTask_show" name="show" camunda:formRef="%2$s" camunda:formRefBinding="deployment"/>
            <bpmn:endEvent id="endEvent_done"/>
            <bpmn:sequenceFlow id="flow_toShow" sourceRef="startEvent_started" targetRef="userTask_show"/>
            <bpmn:sequenceFlow id="flow_toEnd" sourceRef="userTask_show" targetRef="endEvent_done"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, formId);
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyValueAFormShowsIsTextUnlessBuiltAsMarkdown(Path file) throws IOException {
    String form = Files.readString(file);
    String formId = formId(form);
    String processId = "show_" + formId;
    engine.getRepositoryService().createDeployment().addString(file.getFileName().toString(), form)
        .addString(processId + ".bpmn", oneTask(processId, formId)).deploy();
    Set<String> shown = FormValues.shownNames(form);
    Map<String, Object> values = new HashMap<>();
    shown.forEach(name -> values.put(name, HOSTILE));
    values.put("notShown", HOSTILE);
    String instance = engine.getRuntimeService().startProcessInstanceByKey(processId, values).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

    VariableMap formVariables = engine.getFormService().getTaskFormVariables(task.getId(), null, false);
    for (String name : shown) {
      String value = ((StringValue) formVariables.getValueTyped(name)).getValue();
      if (name.endsWith(FormValues.MARKDOWN_SUFFIX)) {
        assertThat(value).as(file + ": " + name + " is markdown built on purpose, shown as it is").isEqualTo(HOSTILE);
      } else {
        assertThat(value).as(file + ": " + name).isEqualTo(Markdown.escape(HOSTILE)).doesNotContain("<", "](", "www.");
      }
    }
    assertThat(formVariables.getValue("notShown", String.class)).as("a value the form does not show is left as it is").isEqualTo(HOSTILE);
    // the variables themselves keep what was set: the task list and the REST API show the text as typed
    assertThat(engine.getTaskService().getVariables(task.getId())).containsAllEntriesOf(values);
    assertThat(engine.getFormService().getTaskFormVariables(task.getId()).keySet()).containsAll(shown);
  }

  @Test
  void everyFormShowsSomethingOrNothingByTemplatesOfOneName() throws IOException {
    try (Stream<Path> forms = forms()) {
      for (Path file : forms.toList()) {
        assertThat(FormValues.unescapable(Files.readString(file))).as(file.toString()).isEmpty();
      }
    }
    assertThat(FormValues.shownNames(Files.readString(Path.of("processes/forms/formal-check.form"))))
        .containsExactlyInAnyOrder("proposalTitle", "proposalDetailsMarkdown");
    assertThat(FormValues.shownNames(Files.readString(Path.of("processes/forms/score-item.form"))))
        .contains("itemTitle", "c1Label", "c6Label", "itemDetailsMarkdown").doesNotContain("c1Points", "c1Comment");
  }

  @Test
  void numbersTruthValuesAndDatesStayObjectsBecomeEscapedText() {
    assertThat(FormValues.shown("n", Variables.integerValue(3)).getValue()).isEqualTo(3);
    assertThat(FormValues.shown("b", Variables.booleanValue(true)).getValue()).isEqualTo(true);
    assertThat(FormValues.shown("s", Variables.stringValue(null)).getValue()).isNull();
    java.util.Date now = new java.util.Date();
    assertThat(FormValues.shown("d", Variables.dateValue(now)).getValue()).isEqualTo(now);
    assertThat(FormValues.shown("j", Variables.serializedObjectValue("{\"a\":\"<b>\"}").serializationDataFormat("application/json")
        .objectTypeName("java.util.HashMap").create()).getValue()).isEqualTo("\\{\"a\"\\:\"&lt;b&gt;\"\\}");
    assertThat(FormValues.shown("list", Variables.objectValue(List.of("<i>x</i>")).serializationDataFormat("application/json").create()).getValue())
        .asString().doesNotContain("<");
    assertThat(FormValues.shown("title", Variables.stringValue("人形机器人柔性装配线")).getValue()).isEqualTo("人形机器人柔性装配线");
  }
}
