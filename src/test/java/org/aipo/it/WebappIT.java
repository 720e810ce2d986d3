package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Camunda's webapps at /camunda as a browser uses them: the login with session and CSRF token (also without an
 * Accept header), a task worked through Tasklist's API, who may enter Tasklist, Cockpit and Admin, and the pages
 * served at Camunda's paths without internal files or the vendor banner. (TasklistIT works Tasklist in Chromium.)
 */
class WebappIT extends ServerItBase {

  @Test
  void anOfficialLogsInToTasklistAndWorksATaskThroughItsApi() throws Exception {
    HttpResponse<String> started = client.postJson("/engine-rest/process-definition/key/platformCheck/start",
        "{\"businessKey\":\"http-it\",\"variables\":{\"confirmWithin\":{\"value\":\"P2D\",\"type\":\"String\"}}}",
        "Authorization", WebClient.basic("office", "demo"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = ((JsonObject) WebClient.json(started)).getString("id");

    HttpResponse<String> login = client.loginToWebapp("tasklist", "office", "demo");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(login)).getJsonArray("authorizedApps").toString()).contains("tasklist");

    HttpResponse<String> filters = client.webappApi("GET", "/camunda/api/engine/engine/default/filter?resourceType=Task", null);
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body()).contains("全部待办");

    HttpResponse<String> tasks = client.webappApi("GET",
        "/camunda/api/engine/engine/default/task?processInstanceId=" + instanceId, null);
    assertThat(tasks.statusCode()).isEqualTo(200);
    JsonArray list = (JsonArray) WebClient.json(tasks);
    assertThat(list).hasSize(1);
    String taskId = list.getJsonObject(0).getString("id");

    HttpResponse<String> form = client.webappApi("GET", "/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form", null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("confirmPlatformCheck");

    HttpResponse<String> submitted = client.webappApi("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"confirmed\":{\"value\":true,\"type\":\"Boolean\"},\"remark\":{\"value\":\"ok\",\"type\":\"String\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);

    HttpResponse<String> history = client.get("/engine-rest/history/process-instance/" + instanceId,
        "Authorization", WebClient.basic("admin", "demo"));
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(history)).getString("state")).isEqualTo("COMPLETED");
    HttpResponse<String> ended = client.get("/engine-rest/history/activity-instance/count?processInstanceId=" + instanceId
        + "&activityId=endEvent_checkConfirmed", "Authorization", WebClient.basic("admin", "demo"));
    assertThat(((JsonObject) WebClient.json(ended)).getInt("count")).as("ended as confirmed").isEqualTo(1);
  }

  @Test
  void aWebappLoginWithoutAnAcceptHeaderIsAnsweredInJson() throws Exception {
    // Camunda's login resource declares no media type: without Accept, or with */*, it logged the user in and
    // answered 500
    HttpResponse<String> login = client.loginToWebapp("tasklist", "office", "demo", null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(((JsonObject) WebClient.json(login)).getString("userId")).isEqualTo("office");
    // nor with curl's default, which asks for anything
    HttpResponse<String> anything = newClient().loginToWebapp("tasklist", "office", "demo", "*/*");
    assertThat(anything.statusCode()).as(anything.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(anything)).getString("userId")).isEqualTo("office");
    // an unknown user is still refused (not a known one with a wrong password: Camunda would lock that user out
    // for a few seconds, and the tests after this one use it)
    HttpResponse<String> wrong = newClient().loginToWebapp("tasklist", "nobody", "wrong", null);
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
  }

  @Test
  void withoutTheCsrfTokenTheWebappApiRefusesChanges() throws Exception {
    client.loginToWebapp("tasklist", "office", "demo");

    HttpResponse<String> forged = client.postJson("/camunda/api/engine/engine/default/task/some-id/claim", "{\"userId\":\"office\"}");

    assertThat(forged.statusCode()).isEqualTo(403);
  }

  @Test
  void anApplicantIsRefusedTasklistCockpitAndAdmin() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      HttpResponse<String> login = newClient().loginToWebapp(app, "applicant1", "demo");
      assertThat(login.statusCode()).as(app).isEqualTo(403);
    }
  }

  @Test
  void anAdministratorEntersCockpitAndAdmin() throws Exception {
    HttpResponse<String> login = client.loginToWebapp("cockpit", "admin", "demo");

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(login)).getJsonArray("authorizedApps").toString())
        .contains("cockpit", "admin", "tasklist");
    assertThat(client.webappApi("GET", "/camunda/api/engine/engine/default/user/count", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theWebappPagesAreServedAtCamundasPathsWithoutInternalFilesOrTheVendorBanner() throws Exception {
    HttpResponse<String> redirect = client.get("/camunda/app/tasklist/");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/camunda/app/tasklist/default/"));

    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      HttpResponse<String> page = client.get("/camunda/app/" + app + "/default/");
      assertThat(page.statusCode()).as(app).isEqualTo(200);
      assertThat(page.body()).as(app).contains("<base href=\"/camunda/app/" + app + "/default/\"");
      assertThat(client.get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
          .contains(".ce-eol-banner").contains("display: none");
    }
    assertThat(client.get("/plugin/tasklist/app/plugin.js").statusCode()).isEqualTo(200);
    assertThat(client.get("/camunda/securityFilterRules.json").statusCode()).isEqualTo(404);
    assertThat(client.get("/WEB-INF/web.xml").statusCode()).isEqualTo(404);
  }
}
