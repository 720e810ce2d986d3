package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What officials, experts, leadership and the administrator do in the HTTP tests, through the Camunda
 * REST API with their own credentials (demo users, password demo): complete tasks, fire timers early,
 * add experts of a field, work a whole review.
 */
final class Officials {

  private final WebClient client;

  Officials(WebClient client) {
    this.client = client;
  }

  HttpResponse<String> as(String user, String method, String path, String json) throws Exception {
    return client.send(method, path, json == null ? null : "application/json", json, "Authorization", WebClient.basic(user, "demo"));
  }

  /** The programme office opens a call of this field, open since an hour and for 30 days; its id. */
  String openCall(String title, String field) throws Exception {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"" + title + "\",\"fields\":[\"" + field + "\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":3000000,\"maxAward\":1000000,"
        + "\"awardCount\":3,\"panelSize\":3}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return object(opened).getString("id");
  }

  static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) WebClient.json(response);
  }

  static String string(String name, String value) {
    return "\"" + name + "\":{\"value\":\"" + value + "\",\"type\":\"String\"}";
  }

  JsonArray tasks(String businessKey, String key) throws Exception {
    return (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + key, null));
  }

  /** The open tasks of this key in one process instance. */
  JsonArray tasksOfInstance(String instanceId, String key) throws Exception {
    return (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + key, null));
  }

  /** The open tasks once there are {@code count} of them (some steps run on the job executor). */
  JsonArray awaitTasks(String businessKey, String key, int count) throws Exception {
    JsonArray open = await().alias(count + " open " + key + " for " + businessKey).atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> tasks(businessKey, key), found -> found.size() >= count);
    assertThat(open).as(key + " for " + businessKey).hasSize(count);
    return open;
  }

  void complete(String user, JsonObject task, String variables) throws Exception {
    HttpResponse<String> done = as(user, "POST", "/engine-rest/task/" + task.getString("id") + "/complete", "{\"variables\":{" + variables + "}}");
    assertThat(done.statusCode()).as(task.getString("taskDefinitionKey") + " by " + user + ": " + done.body()).isEqualTo(204);
  }

  /** The one open task of this key for the business key, completed by {@code user}. */
  void completeOne(String user, String businessKey, String key, String variables) throws Exception {
    complete(user, awaitTasks(businessKey, key, 1).getJsonObject(0), variables);
  }

  /** The administrator fires a timer of the process with this business key early (waits for it to exist). */
  void fireTimer(String businessKey, String definitionKey, String activityId) throws Exception {
    String instance = ((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/process-instance?businessKey=" + businessKey
        + "&processDefinitionKey=" + definitionKey, null))).getJsonObject(0).getString("id");
    JsonArray jobs = await().alias("timer " + activityId).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
        .until(() -> (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId,
            null)), found -> !found.isEmpty());
    assertThat(jobs).as("timer " + activityId).hasSize(1);
    HttpResponse<String> fired = as("admin", "POST", "/engine-rest/job/" + jobs.getJsonObject(0).getString("id") + "/execute", null);
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(204);
  }

  /** Experts of a field: engine users (password demo, group expert) and members of the pool. */
  void expertsOfTheField(String field, List<String> userIds, List<String> names) throws Exception {
    StringBuilder csv = new StringBuilder("userId,name,organisation,fields,relationships\n");
    for (int i = 0; i < userIds.size(); i++) {
      HttpResponse<String> user = as("admin", "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + userIds.get(i)
          + "\",\"firstName\":\"" + names.get(i) + "\",\"lastName\":\"专家\",\"email\":\"" + userIds.get(i) + "@expert.example\"},"
          + "\"credentials\":{\"password\":\"demo\"}}");
      assertThat(user.statusCode()).as(user.body()).isEqualTo(204);
      assertThat(as("admin", "PUT", "/engine-rest/group/expert/members/" + userIds.get(i), null).statusCode()).isEqualTo(204);
      csv.append(userIds.get(i)).append(',').append(names.get(i)).append(",").append(field).append(" 大学 ").append(i).append(',')
          .append(field).append(",\n");
    }
    HttpResponse<String> imported = client.send("POST", "/api/experts/import", "text/csv", csv.toString(), "Authorization",
        WebClient.basic("secretary", "demo"));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
  }

  /**
   * Every expert step of the review called for this business key with a panel of three: invitations
   * accepted, no conflicts, scores (points per criterion by the end of the item's title, one point less
   * from every other expert), the chair's opinion as drafted. Checks that experts read what they score.
   */
  void review(String businessKey, Map<String, int[]> points, String mustShow) throws Exception {
    for (JsonValue task : awaitTasks(businessKey, "userTask_answerInvitation", 3)) {
      complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    for (JsonValue task : tasks(businessKey, "userTask_declareConflict")) {
      complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    JsonArray scoring = awaitTasks(businessKey, "userTask_scoreItem", 3 * points.size());
    int n = 0;
    for (JsonValue value : scoring) {
      JsonObject task = value.asJsonObject();
      String expert = task.getString("assignee");
      String title = object(as(expert, "GET", "/engine-rest/task/" + task.getString("id") + "/variables/itemTitle", null)).getString("value");
      String details = object(as(expert, "GET", "/engine-rest/task/" + task.getString("id") + "/variables/itemDetailsMarkdown", null)).getString("value");
      assertThat(details).as("the expert reads what is scored").contains(mustShow);
      int[] given = points.entrySet().stream().filter(e -> title.endsWith(e.getKey())).findFirst().orElseThrow().getValue();
      StringBuilder variables = new StringBuilder();
      for (int c = 0; c < given.length; c++) {
        int p = Math.max(0, given[c] - (n % 2));
        variables.append(c == 0 ? "" : ",").append("\"c").append(c + 1).append("Points\":{\"value\":").append(p).append(",\"type\":\"Long\"},")
            .append(string("c" + (c + 1) + "Comment", "第" + (c + 1) + "项评语 comment " + (c + 1) + " on " + title));
      }
      complete(expert, task, variables.toString());
      n++;
    }
    for (JsonValue task : awaitTasks(businessKey, "userTask_confirmOpinion", points.size())) {
      complete("secretary", task.asJsonObject(), "");
    }
  }
}
