package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * What the server says about itself: /health/ready with the engine, the database and the working-day calendar,
 * and /openapi describing our own API (not Camunda's).
 */
class HealthAndOpenApiIT extends ServerItBase {

  @Test
  void healthIsReadyWithTheEngineAndTheDatabaseUp() throws Exception {
    HttpResponse<String> ready = client.get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonArray checks = ((JsonObject) WebClient.json(ready)).getJsonArray("checks");
    JsonObject engine = check(checks, "process-engine-and-database");
    assertThat(engine.getString("status")).isEqualTo("UP");
    assertThat(engine.getJsonObject("data").getString("engine")).isEqualTo("UP");
    assertThat(engine.getJsonObject("data").getString("database")).isEqualTo("UP");
    JsonObject calendar = check(checks, "working-day-calendar");
    assertThat(calendar.getJsonObject("data").getString("loadedYears")).as("the holiday file was found").contains("2026");
  }

  private static JsonObject check(JsonArray checks, String name) {
    return checks.stream().map(JsonObject.class::cast).filter(c -> c.getString("name").equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no health check " + name + " in " + checks));
  }

  @Test
  void theServerPublishesAnOpenApiDocumentOfItsOwnApi() throws Exception {
    HttpResponse<String> document = client.get("/openapi");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("AI Programme Office API", "/api/applicant/organisations:",
        "/api/applicant/proposals/{id}/submit:", "/api/experts/import:", "/api/reviews:", "/api/applicant/proposals/{id}/outcome:",
        "/api/applicant/proposals/{id}/reports:", "/api/notices/{callId}/objections:", "/api/calls/{id}/proposals:", "/api/session:")
        .doesNotContain("/process-definition:");
  }
}
