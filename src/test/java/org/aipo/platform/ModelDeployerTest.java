package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.aipo.testing.InMemoryEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelDeployerTest {

  private final ProcessEngine engine = InMemoryEngine.start();
  private final RepositoryService repository = engine.getRepositoryService();
  private final ModelDeployer deployer = new ModelDeployer(repository);

  @AfterEach
  void close() {
    engine.close();
  }

  private static byte[] process(String key, String taskName) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
        .startEvent("startEvent_started").userTask("userTask_work").name(taskName).endEvent("endEvent_done").done();
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  private long versions(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
  }

  @Test
  void unchangedFilesCreateNoNewVersionAndAChangedFileExactlyOne() {
    // generated sequence-flow ids differ per model instance, so each file's bytes are made once
    byte[] beta = process("beta", "one");
    Map<String, byte[]> first = Map.of("a.bpmn", process("alpha", "one"), "b.bpmn", beta);

    ModelDeployer.Result initial = deployer.deploy(first);
    assertThat(initial.created()).isTrue();
    assertThat(initial.newDefinitions()).containsExactlyInAnyOrder("alpha:1", "beta:1");

    ModelDeployer.Result again = deployer.deploy(first);
    assertThat(again.created()).isFalse();
    assertThat(again.newDefinitions()).isEmpty();
    assertThat(versions("alpha")).isEqualTo(1);
    assertThat(versions("beta")).isEqualTo(1);

    ModelDeployer.Result changed = deployer.deploy(Map.of("a.bpmn", process("alpha", "two"), "b.bpmn", beta));
    assertThat(changed.created()).isTrue();
    assertThat(changed.newDefinitions()).containsExactly("alpha:2");
    assertThat(versions("alpha")).isEqualTo(2);
    assertThat(versions("beta")).isEqualTo(1);
    assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count()).isEqualTo(2);
  }

  private static byte[] processWithForm(String key, String formId, String taskName) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
        .startEvent("startEvent_started").userTask("userTask_work").name(taskName).camundaFormRef(formId).camundaFormRefBinding("deployment")
        .endEvent("endEvent_done").done();
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] form(String id, String label) {
    return ("{\"id\":\"" + id + "\",\"type\":\"default\",\"components\":[{\"id\":\"field_note\",\"key\":\"note\",\"type\":\"textfield\","
        + "\"label\":\"" + label + "\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  private java.util.List<String> resources(String deploymentId) {
    return repository.getDeploymentResourceNames(deploymentId);
  }

  @Test
  void aProcessIsDeployedWithItsFormsAndAChangedFormWithItsProcesses() {
    byte[] form = form("gammaForm", "one");
    byte[] other = process("delta", "one");
    deployer.deploy(Map.of("gamma.bpmn", processWithForm("gamma", "gammaForm", "one"), "gamma.form", form, "delta.bpmn", other));

    ModelDeployer.Result processChanged = deployer.deploy(Map.of("gamma.bpmn", processWithForm("gamma", "gammaForm", "two"),
        "gamma.form", form, "delta.bpmn", other));
    assertThat(resources(processChanged.deploymentId())).as("the unchanged form goes with its changed process")
        .containsExactlyInAnyOrder("gamma.bpmn", "gamma.form");
    assertThat(processChanged.newDefinitions()).containsExactly("gamma:2");

    byte[] sameProcess = repositoryBytes(processChanged.deploymentId(), "gamma.bpmn");
    ModelDeployer.Result formChanged = deployer.deploy(Map.of("gamma.bpmn", sameProcess, "gamma.form", form("gammaForm", "two"),
        "delta.bpmn", other));
    assertThat(resources(formChanged.deploymentId())).as("a changed form brings the process that names it")
        .containsExactlyInAnyOrder("gamma.bpmn", "gamma.form");
    assertThat(formChanged.newDefinitions()).containsExactly("gamma:3");
    assertThat(versions("delta")).isEqualTo(1);
  }

  private byte[] repositoryBytes(String deploymentId, String name) {
    try (java.io.InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theFormsOfAProcessAreTheOnesItNames() {
    Map<String, byte[]> files = Map.of("gamma.bpmn", processWithForm("gamma", "gammaForm", "one"), "forms/gamma.form", form("gammaForm", "x"),
        "forms/other.form", form("otherForm", "y"), "delta.bpmn", process("delta", "one"));
    assertThat(ModelDeployer.formsOf(files, "gamma.bpmn")).containsExactly("forms/gamma.form");
    assertThat(ModelDeployer.formsOf(files, "delta.bpmn")).isEmpty();
  }

  @Test
  void nothingToDeployIsNotAnError() {
    assertThat(deployer.deploy(Map.of()).created()).isFalse();
    assertThat(repository.createDeploymentQuery().count()).isZero();
  }
}
