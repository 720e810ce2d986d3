package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The expert pool at /api/experts, for the secretariat only: experts added one by one with bad input refused
 * naming the field, and the CSV import storing all rows or none, with the problems of every row.
 */
class ExpertPoolApiIT extends ServerItBase {

  private HttpResponse<String> asSecretary(String method, String path, String contentType, String body) throws Exception {
    return client.send(method, path, contentType, body, "Authorization", WebClient.basic("secretary", "demo"));
  }

  @Test
  void theSecretariatAddsExpertsAndBadInputGetsAClear4xxNamingTheField() throws Exception {
    String expert = "{\"userId\":\"it-zhang\",\"name\":\"张伟 <b>x</b>\",\"organisation\":\"复旦大学\","
        + "\"fields\":[\"robotics\"],\"relationships\":[{\"organisation\":\"ACME AI Co.\",\"kind\":\"RECENT_COLLABORATOR\"}]}";
    HttpResponse<String> created = asSecretary("POST", "/api/experts", "application/json", expert);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(((JsonObject) WebClient.json(created)).getString("name")).isEqualTo("张伟 <b>x</b>");

    HttpResponse<String> again = asSecretary("POST", "/api/experts", "application/json", expert);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(((JsonObject) WebClient.json(again)).getString("field")).isEqualTo("userId");

    HttpResponse<String> noName = asSecretary("POST", "/api/experts", "application/json",
        "{\"userId\":\"it-li\",\"organisation\":\"X\",\"fields\":[\"robotics\"]}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(noName)).getString("field")).isEqualTo("name");

    HttpResponse<String> badField = asSecretary("POST", "/api/experts", "application/json",
        "{\"userId\":\"it-li\",\"name\":\"李\",\"organisation\":\"X\",\"fields\":[\"astrology\"]}");
    assertThat(badField.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(badField)).getString("message")).contains("astrology");

    HttpResponse<String> malformed = asSecretary("POST", "/api/experts", "application/json", "{\"userId\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");

    assertThat(client.send("POST", "/api/experts", "application/json", expert).statusCode()).isEqualTo(401);
    assertThat(client.send("GET", "/api/experts", null, null, "Authorization", WebClient.basic("office", "demo")).statusCode())
        .isEqualTo(403);
    assertThat(client.send("GET", "/api/experts", null, null, "Authorization", WebClient.basic("expert1", "demo")).statusCode())
        .as("experts do not see the pool").isEqualTo(403);
  }

  @Test
  void aCsvImportStoresAllRowsOrNoneWithRowLevelErrors() throws Exception {
    String header = "userId,name,organisation,fields,relationships\n";
    HttpResponse<String> bad = asSecretary("POST", "/api/experts/import", "text/csv",
        header + "it-csv-1,王一,清华大学,robotics,\nit-csv-2,,清华大学,robotics,\nit-csv-3,王三,清华大学,astrology,\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonArray errors = ((JsonObject) WebClient.json(bad)).getJsonArray("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.getJsonObject(0).getInt("row")).isEqualTo(3);
    assertThat(errors.getJsonObject(0).getString("column")).isEqualTo("name");
    assertThat(errors.getJsonObject(1).getInt("row")).isEqualTo(4);
    assertThat(asSecretary("GET", "/api/experts", null, null).body()).as("nothing half-imported").doesNotContain("it-csv-1");

    HttpResponse<String> good = asSecretary("POST", "/api/experts/import", "text/csv",
        header + "it-csv-1,王一,清华大学,robotics,\nit-csv-2,王二,\"Institute of Automation, CAS\",robotics;biomedicine,RELATIVE:复旦大学\n");
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(good)).getInt("imported")).isEqualTo(2);
    assertThat(asSecretary("GET", "/api/experts", null, null).body()).contains("it-csv-1", "Institute of Automation, CAS");
  }
}
