package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Expert-committee reviews over HTTP: the secretariat starts one at /api/reviews and sees the draw with every
 * reason (bad requests refused, starting nothing), and experts score blindly over /engine-rest under the
 * engine's authorizations. (ReviewIT runs whole reviews inside the server.)
 */
class ReviewApiIT extends ServerItBase {

  private HttpResponse<String> asSecretary(String method, String path, String contentType, String body) throws Exception {
    return client.send(method, path, contentType, body, "Authorization", WebClient.basic("secretary", "demo"));
  }

  @Test
  void theSecretariatStartsAReviewOverTheApiAndSeesTheDrawWithEveryReason() throws Exception {
    String header = "userId,name,organisation,fields,relationships\n";
    HttpResponse<String> imported = asSecretary("POST", "/api/experts/import", "text/csv", header
        + "rv-1,赵一,Univ A,scientific-research,\nrv-2,赵二,Univ B,scientific-research,\nrv-3,赵三,Univ C,scientific-research,\n"
        + "rv-4,赵四,Univ D,scientific-research,\nrv-own,赵五,Smart City Co.,scientific-research,\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    String criteria = "\"criteria\":[{\"code\":\"value\",\"name\":\"应用价值\",\"weight\":60},{\"code\":\"feasibility\",\"name\":\"可行性\",\"weight\":40}]";
    String items = "\"items\":[{\"reference\":\"S-7\",\"title\":\"一网通办 AI assistant\",\"applicantOrganisation\":\"Smart City Co.\","
        + "\"exclusions\":[{\"expertUserId\":\"rv-4\",\"reason\":\"competitor's adviser\"}]}]";

    HttpResponse<String> started = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"Scientific research scenarios\",\"field\":\"scientific-research\",\"panelSize\":3,\"reserves\":1," + criteria + "," + items + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String id = ((JsonObject) WebClient.json(started)).getString("id");

    JsonObject review = (JsonObject) WebClient.json(asSecretary("GET", "/api/reviews/" + id, null, null));
    assertThat(review.getString("status")).isEqualTo("DRAWN");
    assertThat(review.getJsonArray("seats")).hasSize(3);
    assertThat(review.getJsonArray("drawCandidates").getValuesAs(JsonObject.class))
        .anyMatch(c -> "rv-own".equals(c.getString("expertUserId")) && "AVOIDED".equals(c.getString("outcome")));
    assertThat(review.getJsonArray("drawCandidates").toString()).contains("same organisation")
        .contains("competitor's adviser");

    long reviewsBefore = reviewCount();
    HttpResponse<String> even = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"x\",\"field\":\"scientific-research\",\"panelSize\":4," + criteria + "," + items + "}");
    assertThat(even.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(even)).getString("field")).isEqualTo("panelSize");
    HttpResponse<String> tooLarge = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"x\",\"field\":\"scientific-research\",\"panelSize\":7," + criteria + "," + items + "}");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(tooLarge)).getString("message")).contains("larger than the 5 active experts");
    HttpResponse<String> weights = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"x\",\"field\":\"scientific-research\",\"panelSize\":3,\"criteria\":[{\"code\":\"value\",\"name\":\"v\",\"weight\":50}]," + items + "}");
    assertThat(weights.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(weights)).getString("field")).isEqualTo("criteria");
    HttpResponse<String> noItems = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"x\",\"field\":\"scientific-research\",\"panelSize\":3," + criteria + "}");
    assertThat(noItems.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(noItems)).getString("field")).isEqualTo("items");

    assertThat(asSecretary("GET", "/api/reviews/no-such-id", null, null).statusCode()).isEqualTo(404);
    assertThat(client.send("GET", "/api/reviews/" + id, null, null, "Authorization", WebClient.basic("expert1", "demo")).statusCode())
        .as("experts do not see the draw").isEqualTo(403);
    assertThat(reviewCount()).as("refused requests started nothing").isEqualTo(reviewsBefore);
  }

  private long reviewCount() throws Exception {
    HttpResponse<String> count = client.get("/engine-rest/history/process-instance/count?processDefinitionKey=expertCommitteeReview",
        "Authorization", WebClient.basic("admin", "demo"));
    return ((JsonObject) WebClient.json(count)).getJsonNumber("count").longValue();
  }

  @Test
  void expertsScoreBlindlyOverRestWithTheEnginesAuthorizations() throws Exception {
    HttpResponse<String> started = asSecretary("POST", "/api/reviews", "application/json",
        "{\"title\":\"Blind scoring\",\"field\":\"intelligent-manufacturing\",\"panelSize\":3,\"reserves\":2,"
        + "\"criteria\":[{\"code\":\"value\",\"name\":\"价值\",\"weight\":100}],"
        + "\"items\":[{\"reference\":\"P-77\",\"title\":\"Smart factory\",\"applicantOrganisation\":\"Factory Co.\"}]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String instanceId = ((JsonObject) WebClient.json(started)).getString("processInstanceId");

    for (JsonValue task : officials.tasksOfInstance(instanceId, "userTask_answerInvitation")) {
      JsonObject t = task.asJsonObject();
      assertThat(as(t.getString("assignee"), "POST", "/engine-rest/task/" + t.getString("id") + "/complete",
          "{\"variables\":{\"accepted\":{\"value\":true,\"type\":\"Boolean\"}}}").statusCode()).isEqualTo(204);
    }
    for (JsonValue task : officials.tasksOfInstance(instanceId, "userTask_declareConflict")) {
      JsonObject t = task.asJsonObject();
      assertThat(as(t.getString("assignee"), "POST", "/engine-rest/task/" + t.getString("id") + "/complete",
          "{\"variables\":{\"conflict\":{\"value\":false,\"type\":\"Boolean\"}}}").statusCode()).isEqualTo(204);
    }
    JsonArray scoring = officials.tasksOfInstance(instanceId, "userTask_scoreItem");
    assertThat(scoring).hasSize(3);
    JsonObject first = scoring.getJsonObject(0);
    JsonObject second = scoring.getJsonObject(1);
    JsonObject third = scoring.getJsonObject(2);
    HttpResponse<String> tooHigh = as(first.getString("assignee"), "POST", "/engine-rest/task/" + first.getString("id") + "/complete",
        "{\"variables\":{\"c1Points\":{\"value\":101,\"type\":\"Long\"},\"c1Comment\":{\"value\":\"x\",\"type\":\"String\"}}}");
    assertThat(tooHigh.statusCode()).as("a rule refusing input is a 400, not a 500").isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(tooHigh)).getString("message")).contains("指标 value 的评分须在 0 至 100 之间")
        .endsWith("score of criterion value must be between 0 and 100, not 101");
    HttpResponse<String> noComment = as(first.getString("assignee"), "POST", "/engine-rest/task/" + first.getString("id") + "/complete",
        "{\"variables\":{\"c1Points\":{\"value\":50,\"type\":\"Long\"}}}");
    assertThat(noComment.statusCode()).isEqualTo(400);
    assertThat(noComment.body()).contains("comment of criterion value is required");
    HttpResponse<String> scored = as(first.getString("assignee"), "POST", "/engine-rest/task/" + first.getString("id") + "/complete",
        "{\"variables\":{\"c1Points\":{\"value\":88,\"type\":\"Long\"},\"c1Comment\":{\"value\":\"SECRET-COMMENT\",\"type\":\"String\"}}}");
    assertThat(scored.statusCode()).as(scored.body()).isEqualTo(204);

    String other = second.getString("assignee");
    JsonArray visible = (JsonArray) WebClient.json(as(other, "GET", "/engine-rest/task?processInstanceId=" + instanceId, null));
    assertThat(visible).extracting(v -> v.asJsonObject().getString("assignee")).containsOnly(other);
    assertThat(as(other, "GET", "/engine-rest/task/" + third.getString("id") + "/variables", null).statusCode())
        .as("another expert's task").isEqualTo(403);
    HttpResponse<String> own = as(other, "GET", "/engine-rest/task/" + second.getString("id") + "/variables", null);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).doesNotContain("SECRET-COMMENT").doesNotContain(first.getString("assignee"));
    assertThat(((JsonObject) WebClient.json(own)).getJsonObject("c1Points").isNull("value")).as("own, empty score slot").isTrue();
    assertThat((JsonArray) WebClient.json(as(other, "GET", "/engine-rest/history/variable-instance?processInstanceId=" + instanceId, null)))
        .as("no variable history").isEmpty();
    assertThat((JsonArray) WebClient.json(as(other, "GET", "/engine-rest/history/task?processInstanceId=" + instanceId, null)))
        .as("no task history, hence no names").isEmpty();
    assertThat(as(other, "GET", "/engine-rest/process-instance/" + instanceId + "/variables", null).statusCode()).isIn(403, 404);
  }
}
