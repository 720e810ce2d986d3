package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The console's overviews of a scenario round, a voucher round and a spot-check campaign (issue 28): each row's figures
 * as the owning API has them, the open task with its Tasklist link, filter and sort, bad parameters named, and a
 * campaign's results as .xlsx (Chinese headers, the same figures) and CSV; officials and the auditor read, applicants,
 * experts and the public get nothing.
 */
class ConsoleOverviewIT extends ServerItBase {

  private static List<String> strings(JsonObject o, String name) {
    return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static void refused(HttpResponse<String> answer, int status, String field) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Officials.object(answer).getString("field")).as(answer.body()).isEqualTo(field);
  }

  private JsonObject read(String user, String path) throws Exception {
    HttpResponse<String> answer = as(user, "GET", path, null);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    return Officials.object(answer);
  }

  /** Who may read: officials and the auditor; an applicant and an expert are refused, the public must log in. */
  private void onlyOfficialsRead(String path) throws Exception {
    assertThat(as("applicant1", "GET", path, null).statusCode()).as("applicant " + path).isEqualTo(403);
    assertThat(as("expert1", "GET", path, null).statusCode()).as("expert " + path).isEqualTo(403);
    assertThat(anonymous("GET", path, null).statusCode()).as("public " + path).isEqualTo(401);
    assertThat(as("auditor", "GET", path, null).statusCode()).as("auditor " + path).isEqualTo(200);
  }

  @Test
  void aScenarioRoundsNominationsWithTheConsolidationTask() throws Exception {
    String run = VoucherIT.run();
    String theme = "工作台场景 " + run;
    HttpResponse<String> started = as("office", "POST", "/api/scenario-rounds", "{\"theme\":\"" + theme + "\",\"nominationDeadline\":\""
        + OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10) + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String round = Officials.object(started).getString("id");
    JsonObject task = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
        .until(() -> officials.tasks(round, "userTask_nominateScenarios").stream().map(JsonValue::asJsonObject)
            .filter(t -> "nominator".equals(t.getString("assignee", null))).findFirst().orElse(null), t -> t != null);
    String scenarios = "[" + scenario("乙 智能导办 " + run, "digital-government") + "," + scenario("甲 河道巡查 " + run, "smart-transport") + ","
        + scenario("丙 课堂助教 " + run, "education") + "]";
    officials.complete("nominator", task, "\"scenarios\":{\"value\":" + Json.createValue(scenarios) + ",\"type\":\"Json\"}");
    if (!officials.tasks(round, "userTask_nominateScenarios").isEmpty()) {
      // other nominating units (of other tests) have not answered: the deadline passes for them
      officials.fireTimer(round, "scenarioListRound", "timerEvent_nominationDeadline");
    }
    JsonObject consolidation = officials.awaitTasks(round, "userTask_consolidateScenarios", 1).getJsonObject(0);

    String path = "/api/console/scenario-rounds/" + round + "/items";
    JsonObject overview = read("office", path);
    JsonObject owner = read("office", "/api/scenario-rounds/" + round);
    assertThat(overview.getString("theme")).isEqualTo(theme);
    assertThat(overview.getString("stage")).isEqualTo(owner.getString("stage"));
    assertThat(overview.getInt("total")).isEqualTo(3);
    assertThat(overview.getJsonObject("byStatus").getInt("NOMINATED")).isEqualTo(3);
    Map<String, JsonObject> byLabel = new HashMap<>();
    owner.getJsonArray("scenarios").forEach(s -> byLabel.put(s.asJsonObject().getString("number"), s.asJsonObject()));
    assertThat(overview.getJsonArray("items")).hasSize(3);
    for (JsonValue value : overview.getJsonArray("items")) {
      JsonObject item = value.asJsonObject();
      JsonObject same = byLabel.get(item.getString("label"));
      assertThat(same).as(item.toString()).isNotNull();
      assertThat(item.getString("title")).isEqualTo(same.getString("title"));
      assertThat(item.getString("status")).isEqualTo(same.getString("status"));
      assertThat(item.getString("demandOwner")).isEqualTo(same.getString("demandOwner"));
      assertThat(item.getString("nominatingUnit")).isEqualTo("nominator");
      assertThat(item.getString("taskId")).as("the round's consolidation decides about it").isEqualTo(consolidation.getString("id"));
      assertThat(item.getString("taskKey")).isEqualTo("userTask_consolidateScenarios");
      assertThat(item.getString("tasklistUrl")).isEqualTo("/camunda/app/tasklist/default/#/?task=" + consolidation.getString("id"));
    }
    assertThat(overview.getJsonArray("tasks").stream().map(t -> t.asJsonObject().getString("taskId"))).contains(consolidation.getString("id"));
    // filter and sort
    assertThat(read("office", path + "?q=" + java.net.URLEncoder.encode("河道", StandardCharsets.UTF_8)).getJsonArray("items"))
        .singleElement().satisfies(i -> assertThat(i.asJsonObject().getString("title")).startsWith("甲 河道巡查"));
    assertThat(read("office", path + "?status=merged").getJsonArray("items")).isEmpty();
    assertThat(read("office", path + "?sort=title&order=desc").getJsonArray("items").stream().map(i -> i.asJsonObject().getString("title").substring(0, 1)))
        .containsExactly("甲", "乙", "丙");
    assertThat(read("office", path + "?sort=number").getJsonArray("items").stream().map(i -> i.asJsonObject().getString("label")))
        .containsExactly("N1", "N2", "N3");
    refused(as("office", "GET", path + "?sort=colour", null), 400, "sort");
    refused(as("office", "GET", path + "?order=sideways", null), 400, "order");
    refused(as("office", "GET", path + "?status=WON", null), 400, "status");
    refused(as("office", "GET", "/api/console/scenario-rounds/no-such-round/items", null), 404, "id");
    onlyOfficialsRead(path);
    assertThat(read("leader", "/api/console/rounds").getJsonArray("scenarioRounds").stream().map(r -> r.asJsonObject().getString("id"))).contains(round);
  }

  private static String scenario(String title, String field) {
    return Json.createObjectBuilder().add("title", title).add("field", field).add("demandOwner", "示例市 " + title + " 需求方")
        .add("description", "场景描述：" + title).add("dataAvailable", "脱敏数据").add("expectedScale", "10 万人").add("publicServiceImpact", "medium")
        .add("personalData", false).add("scope", "city").build().toString();
  }

  @Test
  void aVoucherRoundsApplicationsWithTheirLedgerFigures() throws Exception {
    String run = VoucherIT.run();
    OffsetDateTime validUntil = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"工作台算力券 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":2000000,\"validUntil\":\"" + validUntil + "\",\"expertThreshold\":5000000,\"reminderDays\":30}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");
    HttpResponse<String> supplierApplied = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"工作台智算 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"赵六\",\"shareholders\":[\"赵六\"],\"contactEmail\":\"bd@compute.example\"}");
    assertThat(supplierApplied.statusCode()).as(supplierApplied.body()).isEqualTo(201);
    String supplier = Officials.object(supplierApplied).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplier + "/decision", "{\"listed\":true,\"note\":\"资质齐全\"}").statusCode()).isEqualTo(200);
    String firmA = firm("a" + run);
    String firmB = firm("b" + run);
    JsonObject a = Officials.object(asUser(firmA, "secret12345", "POST", "/api/applicant/vouchers", VoucherIT.application(round, supplier, 600_000, "filed")));
    JsonObject b = Officials.object(asUser(firmB, "secret12345", "POST", "/api/applicant/vouchers", VoucherIT.application(round, supplier, 400_000, "filed")));
    assertThat(a.getString("status")).as(a.toString()).isEqualTo("APPLIED");
    assertThat(b.getString("status")).as(b.toString()).isEqualTo("APPLIED");
    officials.completeOne("office", a.getString("id"), "userTask_reviewVoucher", Officials.string("approved", "true") + "," + Officials.string("comment", "同意"));
    JsonObject issued = Officials.object(asUser(firmA, "secret12345", "GET", "/api/applicant/vouchers/" + a.getString("id"), null));
    assertThat(issued.getString("status")).isEqualTo("ISSUED");
    JsonObject reviewB = officials.awaitTasks(b.getString("id"), "userTask_reviewVoucher", 1).getJsonObject(0);

    String path = "/api/console/voucher-rounds/" + round + "/applications";
    JsonObject overview = read("office", path);
    JsonObject owner = read("office", "/api/voucher-rounds/" + round);
    assertThat(overview.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo(owner.getJsonNumber("balance").bigDecimalValue());
    assertThat(overview.getJsonNumber("reserved").bigDecimalValue()).isEqualByComparingTo(owner.getJsonNumber("reserved").bigDecimalValue());
    assertThat(overview.getJsonNumber("poolTotal").bigDecimalValue()).isEqualByComparingTo("2000000");
    assertThat(overview.getInt("total")).isEqualTo(2);
    Map<String, JsonObject> rows = new HashMap<>();
    overview.getJsonArray("applications").forEach(r -> rows.put(r.asJsonObject().getString("id"), r.asJsonObject()));
    JsonObject rowA = rows.get(a.getString("id"));
    assertThat(rowA.getString("status")).isEqualTo("ISSUED");
    assertThat(rowA.getString("number")).isEqualTo(issued.getString("number"));
    assertThat(rowA.getString("firm")).isEqualTo("算力应用企业 a" + run);
    assertThat(rowA.getJsonNumber("amountAsked").bigDecimalValue()).isEqualByComparingTo(issued.getJsonNumber("amount").bigDecimalValue());
    assertThat(rowA.getJsonNumber("amountApproved").bigDecimalValue()).as("reserved on approval, as the round's ledger says")
        .isEqualByComparingTo(owner.getJsonNumber("reserved").bigDecimalValue());
    assertThat(rowA.isNull("taskId")).as("an issued voucher waits for the firm, not an official").isTrue();
    JsonObject rowB = rows.get(b.getString("id"));
    assertThat(rowB.getString("status")).isEqualTo("APPLIED");
    assertThat(rowB.getJsonNumber("amountAsked").bigDecimalValue()).isEqualByComparingTo(b.getJsonNumber("amount").bigDecimalValue());
    assertThat(rowB.isNull("amountApproved")).isTrue();
    assertThat(rowB.getString("taskId")).isEqualTo(reviewB.getString("id"));
    assertThat(rowB.getString("tasklistUrl")).endsWith("?task=" + reviewB.getString("id"));
    // filter and sort
    assertThat(read("office", path + "?status=applied").getJsonArray("applications")).singleElement()
        .satisfies(r -> assertThat(r.asJsonObject().getString("id")).isEqualTo(b.getString("id")));
    assertThat(read("office", path + "?q=" + java.net.URLEncoder.encode("企业 b" + run, StandardCharsets.UTF_8)).getJsonArray("applications")).hasSize(1);
    assertThat(read("office", path + "?sort=amountAsked").getJsonArray("applications").stream().map(r -> r.asJsonObject().getString("id")))
        .containsExactly(a.getString("id"), b.getString("id"));
    assertThat(read("office", path + "?sort=amountAsked&order=desc").getJsonArray("applications").stream().map(r -> r.asJsonObject().getString("id")))
        .containsExactly(b.getString("id"), a.getString("id"));
    refused(as("office", "GET", path + "?status=PAID", null), 400, "status");
    refused(as("office", "GET", "/api/console/voucher-rounds/no-such-round/applications", null), 404, "id");
    onlyOfficialsRead(path);
    assertThat(asUser(firmA, "secret12345", "GET", path, null).statusCode()).as("a firm never sees the round's list").isEqualTo(403);
  }

  /** A firm registers with its first user (password secret12345); the user id. */
  private String firm(String run) throws Exception {
    String user = "cf" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("算力应用企业 " + run,
        VoucherIT.randomCreditCode(), user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return user;
  }

  @Test
  void aCampaignsInspectionsAndItsResultsAsASpreadsheet() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> started = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"工作台抽查 " + run + "\",\"shareHigh\":100,"
        + "\"shareMedium\":0,\"shareLow\":0,\"inspectorsPerInspection\":2}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject campaign = Officials.object(started);
    String id = campaign.getString("id");
    List<JsonObject> drawn = campaign.getJsonArray("inspections").getValuesAs(JsonObject.class);
    assertThat(drawn).hasSizeGreaterThanOrEqualTo(2);
    JsonObject first = drawn.get(0);
    officials.awaitTasks(first.getString("id"), "userTask_inspectService", 1);
    officials.awaitTasks(drawn.get(1).getString("id"), "userTask_inspectService", 1);
    String findings = "未标识生成内容 " + run;
    HttpResponse<String> result = as(strings(first, "inspectors").get(0), "POST", "/api/supervision/inspections/" + first.getString("id") + "/result",
        "{\"findingsFound\":true,\"findings\":\"" + findings + "\",\"notes\":\"内部 " + run + "\"}");
    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);

    String path = "/api/console/spot-check-campaigns/" + id + "/inspections";
    JsonObject overview = read("office", path);
    JsonObject owner = read("office", "/api/spot-check-campaigns/" + id);
    assertThat(overview.getString("name")).isEqualTo("工作台抽查 " + run);
    assertThat(overview.getInt("total")).isEqualTo(drawn.size());
    Map<String, JsonObject> rows = new HashMap<>();
    overview.getJsonArray("inspections").forEach(r -> rows.put(r.asJsonObject().getString("id"), r.asJsonObject()));
    for (JsonObject same : owner.getJsonArray("inspections").getValuesAs(JsonObject.class)) {
      JsonObject row = rows.get(same.getString("id"));
      assertThat(row).as(same.toString()).isNotNull();
      assertThat(row.getString("serviceName")).isEqualTo(same.getString("serviceName"));
      assertThat(row.getString("organisationName")).isEqualTo(same.getString("organisationName"));
      assertThat(row.getString("status")).isEqualTo(same.getString("status"));
      assertThat(row.getString("result", null)).isEqualTo(same.getString("result", null));
      assertThat(strings(row, "inspectors")).isEqualTo(strings(same, "inspectors"));
    }
    JsonObject inspected = rows.get(first.getString("id"));
    assertThat(inspected.getString("status")).isEqualTo("RECTIFYING");
    assertThat(inspected.getString("result")).isEqualTo("FINDINGS");
    assertThat(inspected.getString("findings")).isEqualTo(findings);
    assertThat(overview.getJsonObject("byResult").getInt("FINDINGS")).isEqualTo(1);
    JsonObject waiting = rows.get(drawn.get(1).getString("id"));
    assertThat(waiting.getString("status")).isEqualTo("DRAWN");
    assertThat(waiting.getString("taskKey")).isEqualTo("userTask_inspectService");
    assertThat(waiting.getString("tasklistUrl")).endsWith("?task=" + waiting.getString("taskId"));
    // filter and sort
    assertThat(read("office", path + "?status=RECTIFYING").getJsonArray("inspections")).singleElement()
        .satisfies(r -> assertThat(r.asJsonObject().getString("id")).isEqualTo(first.getString("id")));
    assertThat(read("office", path + "?q=" + java.net.URLEncoder.encode(findings, StandardCharsets.UTF_8)).getJsonArray("inspections")).hasSize(1);
    List<String> byService = read("office", path + "?sort=service").getJsonArray("inspections").stream()
        .map(r -> r.asJsonObject().getString("serviceName")).toList();
    assertThat(byService).isSorted();
    refused(as("office", "GET", path + "?sort=colour", null), 400, "sort");
    refused(as("office", "GET", "/api/console/spot-check-campaigns/no-such-campaign/inspections", null), 404, "id");
    onlyOfficialsRead(path);

    // the results as .xlsx: Chinese headers, the overview's rows and figures
    HttpResponse<byte[]> xlsx = client.bytes("/api/console/spot-check-campaigns/" + id + "/results/export?format=xlsx",
        "Authorization", WebClient.basic("auditor", "demo"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("spot-check-results-" + id).contains(".xlsx");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> sheet = workbook.getFirstSheet().read();
      assertThat(sheet.get(0).getCellText(1)).startsWith("服务名称");
      assertThat(sheet.get(0).getCellText(3)).startsWith("企业");
      assertThat(sheet.get(0).getCellText(6)).startsWith("状态");
      assertThat(sheet.get(0).getCellText(7)).startsWith("检查结论");
      assertThat(sheet.get(0).getCellText(8)).startsWith("发现的问题");
      assertThat(sheet).hasSize(drawn.size() + 1);
      for (Row row : sheet.subList(1, sheet.size())) {
        JsonObject api = overview.getJsonArray("inspections").getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("serviceId").equals(row.getCellText(2)) && r.getString("serviceName").equals(row.getCellText(1))).findFirst().orElseThrow();
        assertThat(row.getCellText(6)).isEqualTo(api.getString("status"));
        assertThat(row.getCellText(7)).isEqualTo(api.getString("result", ""));
        assertThat(row.getCellText(8)).isEqualTo(api.getString("findings", ""));
        assertThat(row.getCellText(5)).isEqualTo(String.join("、", strings(api, "inspectors")));
      }
      assertThat(sheet.get(1).getCellAsNumber(0).orElseThrow()).isEqualByComparingTo(BigDecimal.ONE);
    }
    HttpResponse<byte[]> csv = client.bytes("/api/console/spot-check-campaigns/" + id + "/results/export?format=csv&status=RECTIFYING",
        "Authorization", WebClient.basic("office", "demo"));
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text.lines().count()).as("the header and the one filtered row").isEqualTo(2);
    assertThat(text.lines().findFirst().orElseThrow()).contains("服务名称", "检查结论");
    assertThat(text).contains(findings).doesNotContain("内部 " + run);
    refused(as("office", "GET", "/api/console/spot-check-campaigns/" + id + "/results/export?format=pdf", null), 400, "format");
    refused(as("office", "GET", "/api/console/spot-check-campaigns/no-such-campaign/results/export", null), 404, "id");
    assertThat(as("applicant1", "GET", "/api/console/spot-check-campaigns/" + id + "/results/export?format=csv", null).statusCode()).isEqualTo(403);
    assertThat(as("expert1", "GET", "/api/console/spot-check-campaigns/" + id + "/results/export?format=csv", null).statusCode()).isEqualTo(403);
    assertThat(anonymous("GET", "/api/console/spot-check-campaigns/" + id + "/results/export?format=csv", null).statusCode()).isEqualTo(401);
    HttpResponse<String> audit = as("auditor", "GET", "/api/audit/records?subjectType=spot-check-campaign&subjectId=" + id, null);
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body()).as("each download audited").contains("console.exported").contains("spot-check-results-" + id);
    assertThat(read("office", "/api/console/rounds").getJsonArray("campaigns").stream().map(r -> r.asJsonObject().getString("id"))).contains(id);
  }
}
