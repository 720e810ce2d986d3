package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The rules that make a model say what runs: every branch of a deciding gateway names its condition, and
 * every delegate expression, of a task or of a listener, names one bean. Small models of their own, so that
 * each rule is seen refusing and accepting.
 */
class ModelValidatorTest {

  private static final ModelValidator.Context CONTEXT = new ModelValidator.Context(Set.of("approveDelegate", "approvalListener")::contains,
      Set.of("programme-office"), key -> false);

  /** start → service task → gateway (the given kind) → two ends; the branches' name attributes as given. */
  private static String decision(String gateway, String approvedName, String returnedName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="definitions_decide" targetNamespace="https://aipo.org/test">
          <bpmn:process id="decide" name="Decide" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="startEvent_started" name="开始"/>
            <bpmn:serviceTask id="serviceTask_approve" name="审批" camunda:delegateExpression="${approveDelegate}"/>
            <bpmn:%1$s id="gateway_approved" name="同意？"/>
            <bpmn:endEvent id="endEvent_approved" name="已同意"/>
            <bpmn:endEvent id="endEvent_returned" name="已退回"/>
            <bpmn:sequenceFlow id="flow_toApprove" sourceRef="startEvent_started" targetRef="serviceTask_approve"/>
            <bpmn:sequenceFlow id="flow_toGateway" sourceRef="serviceTask_approve" targetRef="gateway_approved"/>
            <bpmn:sequenceFlow id="flow_approved" %2$s sourceRef="gateway_approved" targetRef="endEvent_approved">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="flow_returned" %3$s sourceRef="gateway_approved" targetRef="endEvent_returned">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!approved}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(gateway, approvedName, returnedName);
  }

  private static List<ModelValidator.Problem> validate(String bpmn) {
    return ModelValidator.validate(Map.of("decide.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)), CONTEXT);
  }

  @Test
  void anUnnamedBranchOfAGatewayIsRefusedWithFileElementAndLine() {
    List<ModelValidator.Problem> problems = validate(decision("exclusiveGateway", "name=\"同意 approved\"", ""));

    assertThat(problems).extracting(ModelValidator.Problem::toString).containsExactly(
        "decide.bpmn:15 flow_returned: branch of gateway gateway_approved has no name; name its condition (中文 English)");
  }

  @Test
  void aBlankNameIsNoName() {
    assertThat(validate(decision("exclusiveGateway", "name=\" \"", "name=\"退回 returned\"")))
        .extracting(ModelValidator.Problem::element).containsExactly("flow_approved");
  }

  @Test
  void namedBranchesAreAccepted() {
    assertThat(validate(decision("exclusiveGateway", "name=\"同意 approved\"", "name=\"退回 returned\""))).isEmpty();
  }

  @Test
  void inclusiveAndComplexGatewaysNeedNamedBranchesToo() {
    assertThat(validate(decision("inclusiveGateway", "", ""))).extracting(ModelValidator.Problem::element)
        .containsExactly("flow_approved", "flow_returned");
    assertThat(validate(decision("complexGateway", "", "name=\"退回 returned\""))).extracting(ModelValidator.Problem::element)
        .containsExactly("flow_approved");
  }

  @Test
  void parallelBranchesAndASingleFlowOutOfAGatewayNeedNoName() {
    assertThat(validate(decision("parallelGateway", "", ""))).isEmpty();
    String join = decision("exclusiveGateway", "name=\"同意 approved\"", "name=\"退回 returned\"")
        .replace("<bpmn:sequenceFlow id=\"flow_approved\" name=\"同意 approved\" sourceRef=\"gateway_approved\"",
            "<bpmn:sequenceFlow id=\"flow_approved\" name=\"同意 approved\" sourceRef=\"serviceTask_approve\"")
        .replace("id=\"flow_returned\" name=\"退回 returned\"", "id=\"flow_returned\"");
    assertThat(validate(join)).as("one flow out of the gateway: nothing to decide").isEmpty();
  }

  @Test
  void aDelegateExpressionOfATaskOrAListenerNamesOneBean() {
    String named = decision("exclusiveGateway", "name=\"同意 approved\"", "name=\"退回 returned\"");
    String listeners = named.replace("<bpmn:serviceTask id=\"serviceTask_approve\" name=\"审批\" camunda:delegateExpression=\"${approveDelegate}\"/>",
        """
        <bpmn:serviceTask id="serviceTask_approve" name="审批" camunda:delegateExpression="${approveDelegate.execute(execution)}">
          <bpmn:extensionElements>
            <camunda:executionListener event="start" delegateExpression="${noSuchListener}"/>
            <camunda:executionListener event="end" class="org.example.Listener"/>
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        """);

    assertThat(validate(listeners)).extracting(ModelValidator.Problem::toString).containsExactlyInAnyOrder(
        "decide.bpmn:6 serviceTask_approve: delegateExpression ${approveDelegate.execute(execution)} names no bean",
        "decide.bpmn:6 serviceTask_approve: execution listener delegateExpression ${noSuchListener} names no bean",
        "decide.bpmn:6 serviceTask_approve: execution listener uses camunda:class; use a delegateExpression naming a bean");
    assertThat(validate(named.replace("${approveDelegate}\"/>", "${approveDelegate}\"><bpmn:extensionElements>"
        + "<camunda:executionListener event=\"start\" delegateExpression=\"${approvalListener}\"/></bpmn:extensionElements></bpmn:serviceTask>")))
        .as("a listener naming a bean").isEmpty();
  }

  @Test
  void aFormShowsValuesOnlyThroughTemplatesOfOneName() {
    String form = """
        {"id": "shows", "type": "default", "components": [
          {"id": "text_path", "type": "text", "text": "**{{item.title}}** {{#loop items}}x{{/loop}} {{plainName}}"},
          {"id": "text_expression", "type": "text", "text": "=title"},
          {"id": "html_raw", "type": "html", "content": "<b>{{title}}</b>"}]}
        """;
    List<ModelValidator.Problem> problems = ModelValidator.validate(Map.of("shows.form", form.getBytes(StandardCharsets.UTF_8)), CONTEXT);
    assertThat(problems).extracting(ModelValidator.Problem::message).containsExactlyInAnyOrder(
        "template {{item.title}} is not one variable name", "template {{#loop items}} is not one variable name",
        "template {{/loop}} is not one variable name", "text text_expression is an expression (=…); show values only as {{name}}",
        "html component html_raw: use a text (markdown) component");
    assertThat(ModelValidator.validate(Map.of("plain.form", "{\"id\": \"plain\", \"components\": [{\"type\": \"text\", \"text\": \"{{ title }}\"}]}"
        .getBytes(StandardCharsets.UTF_8)), CONTEXT)).isEmpty();
  }
}
