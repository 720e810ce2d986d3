package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A voucher round's process in Liberty over HTTP (issue 23): opening a round starts its {@code voucherRound} with a
 * timer at the round's validity; the office closes it early and the process ends; the yearly
 * {@code voucherRoundCadence} gives the office a task whose form opens next year's round.
 */
class VoucherRoundIT extends ServerItBase {

  private JsonArray instances(String businessKey, String key) throws Exception {
    return (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/process-instance?businessKey=" + businessKey + "&processDefinitionKey=" + key, null));
  }

  @Test
  void openingARoundStartsItsProcessAndClosingItEarlyEndsIt() throws Exception {
    String run = VoucherIT.run();
    OffsetDateTime validUntil = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"批次流程 " + run + "\",\"programme\":\"RENTAL\","
        + "\"poolTotal\":500000,\"validUntil\":\"" + validUntil + "\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");

    JsonArray running = instances(round, "voucherRound");
    assertThat(running).hasSize(1);
    String instance = running.getJsonObject(0).getString("id");
    JsonArray timers = (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processInstanceId=" + instance + "&activityId=boundaryTimer_roundEnds",
        null));
    assertThat(timers).hasSize(1);
    assertThat(OffsetDateTime.parse(timers.getJsonObject(0).getString("dueDate"), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .toInstant()).as("the round closes at its validity").isEqualTo(validUntil.toInstant());

    HttpResponse<String> closed = as("office", "POST", "/api/voucher-rounds/" + round + "/close", null);
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(Officials.object(closed).getString("status")).isEqualTo("CLOSED");
    assertThat(instances(round, "voucherRound")).as("the round's process ended").isEmpty();
    JsonArray ended = (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/history/activity-instance?processInstanceId=" + instance
        + "&activityId=endEvent_roundClosed", null));
    assertThat(ended).hasSize(1);
    // closing again changes nothing
    assertThat(as("office", "POST", "/api/voucher-rounds/" + round + "/close", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theYearlyTaskOpensNextYearsRound() throws Exception {
    String run = VoucherIT.run();
    JsonArray jobs = (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processDefinitionKey=voucherRoundCadence&timers=true", null));
    assertThat(jobs).as("the yearly timer start").hasSize(1);
    HttpResponse<String> fired = as("admin", "POST", "/engine-rest/job/" + jobs.getJsonObject(0).getString("id") + "/execute", null);
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(204);

    JsonArray tasks = (JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?processDefinitionKey=voucherRoundCadence"
        + "&taskDefinitionKey=userTask_openNextRound&candidateGroup=programme-office", null));
    assertThat(tasks).isNotEmpty();
    JsonObject task = tasks.getJsonObject(0);
    HttpResponse<String> form = as("office", "GET", "/engine-rest/task/" + task.getString("id") + "/deployed-form", null);
    assertThat(form.body()).contains("openVoucherRound");

    // bad input names the field and leaves the task open
    HttpResponse<String> bad = as("office", "POST", "/engine-rest/task/" + task.getString("id") + "/complete", "{\"variables\":{"
        + Officials.string("roundName", "年度批次 " + run) + "," + Officials.string("programme", "VOUCHER") + ",\"poolTotal\":{\"value\":1000000,\"type\":\"Long\"},"
        + Officials.string("validUntil", "明年底") + "}}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("validUntil");

    int nextYear = OffsetDateTime.now(ZoneOffset.ofHours(8)).getYear() + 1;
    officials.complete("office", task, Officials.string("roundName", "年度批次 " + run) + "," + Officials.string("programme", "VOUCHER")
        + ",\"poolTotal\":{\"value\":1000000,\"type\":\"Long\"}," + Officials.string("validUntil", nextYear + "-12-31T23:59+08:00"));
    JsonObject round = ((JsonArray) WebClient.json(as("office", "GET", "/api/voucher-rounds", null))).stream().map(v -> v.asJsonObject())
        .filter(r -> r.getString("name").equals("年度批次 " + run)).findFirst().orElseThrow();
    assertThat(round.getString("openedBy")).isEqualTo("office");
    assertThat(round.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("1000000");
    assertThat(Instant.parse(round.getString("validUntil"))).isEqualTo(OffsetDateTime.parse(nextYear + "-12-31T23:59+08:00").toInstant());
    assertThat(instances(round.getString("id"), "voucherRound")).as("its own round process").hasSize(1);
  }
}
