package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Administrators validate and deploy models in the running server over HTTP: broken
 * models refused with every problem and nothing deployed, changed models deployed with their forms while
 * instances run on the old version, an unchanged processes/ creating nothing, Camunda Modeler's multipart
 * deployment for administrators only, the impact report, migration (dry run, batch, an instance that
 * cannot move without a mapping and can with one, instances running on to the end), rollback, and the audit.
 */
class ModelAdminIT extends ServerItBase {

  private static final String BOUNDARY = "----aipo-models-boundary";

  private static String multipart(Map<String, String> files, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
        .append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((name, content) -> body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
        .append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private HttpResponse<String> upload(String user, String path, Map<String, String> files, Map<String, String> fields) throws Exception {
    return client.send("POST", path, "multipart/form-data; boundary=" + BOUNDARY, multipart(files, fields), "Authorization",
        WebClient.basic(user, "demo"));
  }

  static String probe(String key, String taskName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="definitions_%1$s" targetNamespace="https://aipo.org/test">
          <bpmn:process id="%1$s" name="Probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="startEvent_started" name="start"/>
            <bpmn:sequenceFlow id="flow_toWork" sourceRef="startEvent_started" targetRef="userTask_work"/>
            <bpmn:userTask id="userTask_work" name="%2$s" camunda:formRef="%1$sForm" camunda:formRefBinding="deployment" camunda:candidateGroups="programme-office" camunda:dueDate="P2D"><bpmn:documentation>试一试 Try it</bpmn:documentation></bpmn:userTask>
            <bpmn:sequenceFlow id="flow_toEnd" sourceRef="userTask_work" targetRef="endEvent_done"/>
            <bpmn:endEvent id="endEvent_done" name="done"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, taskName);
  }

  static String form(String key) {
    return "{\"id\":\"" + key + "Form\",\"type\":\"default\",\"components\":[{\"id\":\"field_note\",\"key\":\"note\",\"type\":\"textfield\","
        + "\"label\":\"备注 Note\"}]}";
  }

  private long versions(String key) throws Exception {
    return ((JsonObject) WebClient.json(officials.as("admin", "GET", "/engine-rest/process-definition/count?key=" + key, null))).getInt("count");
  }

  private String definitionOf(String instance) throws Exception {
    return ((JsonObject) WebClient.json(officials.as("admin", "GET", "/engine-rest/history/process-instance/" + instance, null)))
        .getString("processDefinitionId");
  }

  private JsonObject awaitMigration(String batch) throws Exception {
    return await().alias("migration " + batch + " finished").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> (JsonObject) WebClient.json(officials.as("admin", "GET", "/api/admin/migrations/" + batch, null)),
            report -> report.getBoolean("finished") && report.getJsonArray("notYetMoved").isEmpty());
  }

  private static String error(HttpResponse<String> response) {
    JsonObject body = (JsonObject) WebClient.json(response);
    return response.statusCode() + " " + body.getString("field", "") + " " + body.getString("message", "");
  }

  @Test
  void administratorsValidateAndDeployChangedModelsAndNothingElse() throws Exception {
    String key = "adminProbe" + Long.toString(System.currentTimeMillis(), 36);
    String bpmn = "probes/" + key + ".bpmn";
    String formFile = "probes/" + key + ".form";

    // only administrators
    assertThat(upload("office", "/api/admin/models", Map.of(bpmn, probe(key, "one")), Map.of()).statusCode()).isEqualTo(403);
    assertThat(client.send("POST", "/api/admin/models/bundled", null, null).statusCode()).isEqualTo(401);

    // the application's own processes/ are valid, and deploying them again changes nothing
    HttpResponse<String> validation = officials.as("admin", "GET", "/api/admin/models/bundled/validation", null);
    assertThat(validation.statusCode()).as(validation.body()).isEqualTo(200);
    JsonObject bundled = (JsonObject) WebClient.json(validation);
    assertThat(bundled.getBoolean("valid")).as(bundled.toString()).isTrue();
    JsonObject again = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/models/bundled", null));
    assertThat(again.getBoolean("deployed")).as(again.toString()).isFalse();
    assertThat(again.getJsonArray("newDefinitions")).isEmpty();

    // broken models: every problem with file, element and line; nothing deployed
    String broken = probe(key, "one").replace("userTask_work", "UserTask_0abc123").replace("programme-office", "astronauts");
    HttpResponse<String> refused = upload("admin", "/api/admin/models", Map.of(bpmn, broken), Map.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonArray problems = ((JsonObject) WebClient.json(refused)).getJsonArray("problems");
    assertThat(problems.toString()).contains(bpmn + ":7 UserTask_0abc123: generated id", "unknown candidate group astronauts",
        "user task has no form of this deployment");
    String dangling = probe(key, "one").replace("targetRef=\"endEvent_done\"", "targetRef=\"endEvent_missing\"");
    HttpResponse<String> parse = upload("admin", "/api/admin/models", Map.of(bpmn, dangling, formFile, form(key)), Map.of());
    assertThat(parse.statusCode()).isEqualTo(400);
    assertThat(parse.body()).as("the engine's own parse, with the element").contains("flow_toEnd");
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_d" name="d" namespace="https://aipo.org/test">
          <decision id="brokenDecision" name="broken">
            <decisionTable id="decisionTable_broken" hitPolicy="NOT_A_POLICY"><output id="output_x" name="x" typeRef="string"/></decisionTable>
          </decision>
        </definitions>
        """;
    HttpResponse<String> badDmn = upload("admin", "/api/admin/models", Map.of("probes/broken.dmn", dmn), Map.of());
    assertThat(badDmn.statusCode()).isEqualTo(400);
    assertThat(badDmn.body()).contains("probes/broken.dmn");
    assertThat(versions(key)).as("nothing deployed").isZero();

    // a valid model with its form; an instance runs on version 1
    JsonObject first = (JsonObject) WebClient.json(upload("admin", "/api/admin/models", Map.of(bpmn, probe(key, "one"), formFile, form(key)),
        Map.of()));
    assertThat(first.getJsonArray("newDefinitions").getString(0)).isEqualTo(key + ":1");
    HttpResponse<String> started = officials.as("admin", "POST", "/engine-rest/process-definition/key/" + key + "/start", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = ((JsonObject) WebClient.json(started)).getString("id");
    assertThat(upload("admin", "/api/admin/models", Map.of(bpmn, dangling), Map.of()).statusCode()).isEqualTo(400);
    assertThat(definitionOf(instance)).as("a refused deployment leaves running instances alone").contains(":1:");
    assertThat(versions(key)).isEqualTo(1);
    JsonObject unchanged = (JsonObject) WebClient.json(upload("admin", "/api/admin/models", Map.of(bpmn, probe(key, "one")), Map.of()));
    assertThat(unchanged.getBoolean("deployed")).isFalse();

    // the process changes alone: version 2 is deployed with its form, the instance stays on version 1 with its own
    JsonObject second = (JsonObject) WebClient.json(upload("admin", "/api/admin/models", Map.of(bpmn, probe(key, "two")), Map.of()));
    assertThat(second.getJsonArray("newDefinitions").getString(0)).isEqualTo(key + ":2");
    assertThat(second.getJsonArray("resources").toString()).contains(bpmn, formFile);
    JsonObject task = ((JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/task?processInstanceId=" + instance, null)))
        .getJsonObject(0);
    assertThat(task.getString("name")).isEqualTo("one");
    JsonObject impact = second.getJsonArray("impact").getJsonObject(0);
    assertThat(impact.getInt("newestVersion")).isEqualTo(2);
    JsonObject onVersion1 = impact.getJsonArray("runningVersions").getJsonObject(0);
    assertThat(onVersion1.getInt("version")).isEqualTo(1);
    assertThat(onVersion1.getJsonObject("changed").getString("userTask_work")).contains("'one'", "'two'");
    assertThat(onVersion1.getJsonArray("instancesInRemovedOrChanged").getJsonObject(0).getString("activity")).isEqualTo("userTask_work");
    assertThat(onVersion1.getJsonArray("instancesInRemovedOrChanged").getJsonObject(0).getInt("instances")).isEqualTo(1);
    JsonObject asked = (JsonObject) WebClient.json(officials.as("admin", "GET", "/api/admin/models/impact?key=" + key, null));
    assertThat(asked).isEqualTo(impact);
    assertThat(officials.as("admin", "GET", "/api/admin/models/impact?key=nosuchprocess", null).statusCode()).isEqualTo(400);
    HttpResponse<String> deployedForm = officials.as("admin", "GET", "/engine-rest/task/" + task.getString("id") + "/deployed-form", null);
    assertThat(deployedForm.statusCode()).as(deployedForm.body()).isEqualTo(200);
    assertThat(deployedForm.body()).contains(key + "Form");

    // migration of the running instance to version 2: a dry run changes nothing, the batch moves it, it runs to the end
    String plan = "{\"key\":\"" + key + "\",\"fromVersion\":1}";
    assertThat(officials.as("office", "POST", "/api/admin/migrations/dry-run", plan).statusCode()).isEqualTo(403);
    JsonObject dry = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/migrations/dry-run", plan));
    assertThat(dry.getJsonArray("movable").getString(0)).as(dry.toString()).isEqualTo(instance);
    assertThat(dry.getJsonArray("instructions").toString()).contains("userTask_work → userTask_work");
    assertThat(definitionOf(instance)).as("a dry run moves nothing").contains(":1:");
    HttpResponse<String> migrating = officials.as("admin", "POST", "/api/admin/migrations", plan);
    assertThat(migrating.statusCode()).as(migrating.body()).isEqualTo(202);
    String batch = ((JsonObject) WebClient.json(migrating)).getString("batchId");
    JsonObject report = awaitMigration(batch);
    assertThat(report.getJsonArray("moved").getString(0)).isEqualTo(instance);
    assertThat(definitionOf(instance)).contains(":2:");
    JsonObject migratedTask = ((JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/task?processInstanceId=" + instance, null)))
        .getJsonObject(0);
    officials.complete("office", migratedTask, "");
    JsonObject ended = (JsonObject) WebClient.json(officials.as("admin", "GET", "/engine-rest/history/process-instance/" + instance, null));
    assertThat(ended.getString("state")).isEqualTo("COMPLETED");

    // version 3 renames the activity: an instance on version 2 cannot move without a mapping, and can with one
    String onTwo = ((JsonObject) WebClient.json(officials.as("admin", "POST", "/engine-rest/process-definition/key/" + key + "/start", "{}")))
        .getString("id");
    JsonObject third = (JsonObject) WebClient.json(upload("admin", "/api/admin/models",
        Map.of(bpmn, probe(key, "three").replace("userTask_work", "userTask_check")), Map.of()));
    assertThat(third.getJsonArray("newDefinitions").getString(0)).isEqualTo(key + ":3");
    assertThat(third.getJsonArray("impact").getJsonObject(0).getJsonArray("runningVersions").getJsonObject(0).getJsonObject("removed")
        .containsKey("userTask_work")).isTrue();
    String fromTwo = "{\"key\":\"" + key + "\",\"fromVersion\":2}";
    JsonObject blocked = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/migrations/dry-run", fromTwo));
    assertThat(blocked.getJsonArray("movable")).isEmpty();
    assertThat(blocked.getJsonArray("notMovable").getJsonObject(0).getString("id")).isEqualTo(onTwo);
    assertThat(blocked.getJsonArray("notMovable").getJsonObject(0).getJsonArray("reasons").toString()).contains("userTask_work");
    JsonObject stays = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/migrations", fromTwo));
    assertThat(stays.isNull("batchId")).as("nothing to move, no batch").isTrue();
    assertThat(definitionOf(onTwo)).contains(":2:");
    String mapped = "{\"key\":\"" + key + "\",\"fromVersion\":2,\"toVersion\":3,\"mappings\":[{\"from\":\"userTask_work\",\"to\":\"userTask_check\"}]}";
    JsonObject moved = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/migrations", mapped));
    assertThat(moved.getJsonArray("movable").getString(0)).as(moved.toString()).isEqualTo(onTwo);
    awaitMigration(moved.getString("batchId"));
    assertThat(definitionOf(onTwo)).contains(":3:");
    assertThat(((JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/task?processInstanceId=" + onTwo, null))).getJsonObject(0)
        .getString("taskDefinitionKey")).isEqualTo("userTask_check");
    assertThat(error(officials.as("admin", "POST", "/api/admin/migrations/dry-run", "{\"key\":\"" + key + "\",\"fromVersion\":99}")))
        .startsWith("400 version");
    assertThat(error(officials.as("admin", "POST", "/api/admin/migrations/dry-run", "{\"key\":\"" + key
        + "\",\"fromVersion\":1,\"mappings\":[{\"from\":\"userTask_work\",\"to\":\"noSuchActivity\"}]}"))).startsWith("400 mappings");

    // rollback: version 1's process and form again, as version 4
    JsonObject rolledBack = (JsonObject) WebClient.json(officials.as("admin", "POST", "/api/admin/models/rollback",
        "{\"key\":\"" + key + "\",\"version\":1}"));
    assertThat(rolledBack.getJsonArray("newDefinitions").getString(0)).as(rolledBack.toString()).isEqualTo(key + ":4");
    assertThat(rolledBack.getJsonArray("resources").toString()).contains(bpmn, formFile);
    String latest = ((JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/process-definition?key=" + key
        + "&latestVersion=true", null))).getJsonObject(0).getString("id");
    assertThat(((JsonObject) WebClient.json(officials.as("admin", "GET", "/engine-rest/process-definition/" + latest + "/xml", null)))
        .getString("bpmn20Xml")).contains("name=\"one\"", "userTask_work");
    assertThat(error(officials.as("admin", "POST", "/api/admin/models/rollback", "{\"key\":\"" + key + "\",\"version\":42}")))
        .startsWith("400 version");

    // Camunda Modeler's deployment: administrators only
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "modeler");
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("deploy-changed-only", "true");
    String modelerKey = key + "Modeler";
    Map<String, String> modelerFiles = Map.of(modelerKey + ".bpmn", probe(modelerKey, "m"), modelerKey + ".form", form(modelerKey));
    assertThat(upload("office", "/engine-rest/deployment/create", modelerFiles, fields).statusCode()).isEqualTo(403);
    HttpResponse<String> modeler = upload("admin", "/engine-rest/deployment/create", modelerFiles, fields);
    assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(200);
    assertThat(versions(modelerKey)).isEqualTo(1);

    // a broken model from Modeler is refused with the house rules' problems, and nothing is deployed
    String brokenKey = key + "Broken";
    HttpResponse<String> brokenModeler = upload("admin", "/engine-rest/deployment/create", Map.of(brokenKey + ".bpmn",
        probe(brokenKey, "b").replace("programme-office", "astronauts")), fields);
    assertThat(brokenModeler.statusCode()).isEqualTo(400);
    assertThat(brokenModeler.body()).contains("unknown candidate group astronauts", "user task has no form of this deployment");
    assertThat(versions(brokenKey)).isZero();

    // the audit: who validated and deployed what
    JsonArray audit = (JsonArray) WebClient.json(officials.as("admin", "GET", "/api/admin/models/audit", null));
    assertThat(audit.toString()).contains("models.deployed", key + ":2", "models.validated", "\"actor\":\"admin\"", "models.migration-dry-run",
        "models.migrated", "models.rollback-requested");
    assertThat(officials.as("office", "GET", "/api/admin/models/audit", null).statusCode()).isEqualTo(403);
  }
}
