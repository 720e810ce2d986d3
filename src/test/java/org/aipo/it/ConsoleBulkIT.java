package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The officials' console (issue 28): 100 formal checks completed in one bulk request while another official completes
 * five of them one by one: 95 succeed, 5 are reported as already done, and each proposal has exactly one formal-check
 * audit record; the call's overview and its .xlsx and CSV exports carry the same figures under Chinese headers.
 */
class ConsoleBulkIT extends ServerItBase {

  private static final int PROPOSALS = 100;

  @Test
  void aHundredFormalChecksInOneBulkRequestWhileAnotherOfficialCompletesFive() throws Exception {
    String unique = Long.toString(System.nanoTime(), 36);
    String call = Consoles.openCall(officials, "批量形式审查 " + unique);
    String org = "bulk-" + unique;
    String password = Consoles.PASSWORD;
    Consoles.register(client, unique, org);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> proposals = Consoles.submit(client, call, org, PROPOSALS);

    String overviewPath = "/api/console/calls/" + call + "/proposals?formalCheck=PENDING&openTask=true&sort=title";
    JsonObject overview = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
        .until(() -> Officials.object(as("office", "GET", overviewPath, null)), o -> o.getJsonArray("proposals").size() == PROPOSALS);
    List<String> tasks = new ArrayList<>();
    for (JsonValue row : overview.getJsonArray("proposals")) {
      assertThat(row.asJsonObject().getString("taskKey")).isEqualTo("userTask_formalCheck");
      assertThat(row.asJsonObject().getString("tasklistUrl")).endsWith(row.asJsonObject().getString("taskId"));
      tasks.add(row.asJsonObject().getString("taskId"));
    }

    // a second official of the programme office
    String other = "office-" + unique;
    assertThat(as("admin", "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + other + "\",\"firstName\":\"李\",\"lastName\":\"办\","
        + "\"email\":\"" + other + "@office.example\"},\"credentials\":{\"password\":\"demo\"}}").statusCode()).isEqualTo(204);
    assertThat(as("admin", "PUT", "/engine-rest/group/programme-office/members/" + other, null).statusCode()).isEqualTo(204);

    // an expert (not a candidate of formal checks) and the auditor (reads only) may not act; a judgement is not for bulk
    assertThat(as("expert1", "POST", "/api/console/bulk", "{\"kind\":\"formal-check-eligible\",\"taskIds\":[\"" + tasks.get(0) + "\"]}").statusCode())
        .isEqualTo(403);
    assertThat(as("auditor", "POST", "/api/console/bulk", "{\"kind\":\"formal-check-eligible\",\"taskIds\":[\"" + tasks.get(0) + "\"]}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> judgement = as("office", "POST", "/api/console/bulk", "{\"kind\":\"score\",\"taskIds\":[\"" + tasks.get(0) + "\"]}");
    assertThat(judgement.statusCode()).isEqualTo(400);
    assertThat(Officials.object(judgement).getString("field")).isEqualTo("kind");
    // the Tasklist login acts only with the portal's header (a page of another site cannot send it)
    WebClient tasklist = newClient();
    assertThat(tasklist.loginToWebapp("tasklist", "office", "demo").statusCode()).isEqualTo(200);
    assertThat(tasklist.send("POST", "/api/console/bulk", "application/json", "{\"kind\":\"claim\",\"taskIds\":[\"" + tasks.get(0) + "\"]}")
        .statusCode()).isEqualTo(401);
    assertThat(tasklist.send("GET", "/api/console/calls/" + call + "/proposals", null, null).statusCode()).isEqualTo(200);
    JsonObject notTheirs = Officials.object(as("secretary", "POST", "/api/console/bulk",
        "{\"kind\":\"formal-check-eligible\",\"taskIds\":[\"" + tasks.get(0) + "\"]}"));
    assertThat(notTheirs.getInt("succeeded")).as("the secretariat is no candidate of formal checks").isZero();
    assertThat(notTheirs.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("console.not-candidate");

    // bulk claim, a claimed task refused to another official, reassignment by the administrator only, unclaim
    String t0 = tasks.get(0);
    String t1 = tasks.get(1);
    String t2 = tasks.get(2);
    assertThat(Officials.object(as("office", "POST", "/api/console/bulk", "{\"kind\":\"claim\",\"taskIds\":[\"" + t0 + "\",\"" + t1 + "\",\""
        + t2 + "\"]}")).getInt("succeeded")).isEqualTo(3);
    JsonObject taken = Officials.object(officials.as(other, "POST", "/api/console/bulk", "{\"kind\":\"formal-check-eligible\",\"taskIds\":[\"" + t0 + "\"]}"));
    assertThat(taken.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("console.task-taken");
    assertThat(taken.getJsonArray("items").getJsonObject(0).getString("zh")).contains("office");
    assertThat(as("office", "POST", "/api/console/bulk", "{\"kind\":\"assign\",\"taskIds\":[\"" + t1 + "\"],\"assignee\":\"" + other + "\"}")
        .statusCode()).as("only the office head reassigns").isEqualTo(403);
    assertThat(Officials.object(as("admin", "POST", "/api/console/bulk", "{\"kind\":\"assign\",\"taskIds\":[\"" + t1 + "\",\"" + t2
        + "\"],\"assignee\":\"" + other + "\"}")).getInt("succeeded")).isEqualTo(2);
    JsonObject notCandidate = Officials.object(as("admin", "POST", "/api/console/bulk", "{\"kind\":\"assign\",\"taskIds\":[\"" + t0
        + "\"],\"assignee\":\"expert1\"}"));
    assertThat(notCandidate.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("console.assignee-not-candidate");
    JsonObject unclaimed = Officials.object(as("office", "POST", "/api/console/bulk", "{\"kind\":\"unclaim\",\"taskIds\":[\"" + t0 + "\",\"" + t1 + "\"]}"));
    assertThat(unclaimed.getInt("succeeded")).isEqualTo(1);
    assertThat(unclaimed.getJsonArray("items").getJsonObject(1).getString("code")).as("assigned to the other official").isEqualTo("console.task-taken");
    assertThat(Officials.object(officials.as(other, "POST", "/api/console/bulk", "{\"kind\":\"unclaim\",\"taskIds\":[\"" + t1 + "\",\"" + t2 + "\"]}"))
        .getInt("succeeded")).isEqualTo(2);
    assertThat(Officials.object(as("office", "GET", overviewPath, null)).getJsonArray("proposals").stream()
        .filter(r -> r.asJsonObject().containsKey("taskAssignee") && !r.asJsonObject().isNull("taskAssignee"))).as("every check unassigned again")
        .isEmpty();

    // the other official completes the last five one by one while the bulk request runs
    List<String> byHand = tasks.subList(PROPOSALS - 5, PROPOSALS);
    Future<?> oneByOne = pool.submit(() -> {
      for (String task : byHand) {
        HttpResponse<String> done = officials.as(other, "POST", "/engine-rest/task/" + task + "/complete",
            "{\"variables\":{\"decision\":{\"value\":\"eligible\",\"type\":\"String\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
      }
      return null;
    });
    StringBuilder ids = new StringBuilder();
    tasks.forEach(t -> ids.append(ids.length() == 0 ? "" : ",").append('"').append(t).append('"'));
    HttpResponse<String> bulk = as("office", "POST", "/api/console/bulk",
        "{\"kind\":\"formal-check-eligible\",\"taskIds\":[" + ids + "],\"comment\":\"材料齐全，批量审查 " + unique + "\"}");
    oneByOne.get();
    assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
    JsonObject result = Officials.object(bulk);
    Map<String, String> codes = new HashMap<>();
    result.getJsonArray("items").forEach(v -> codes.put(v.asJsonObject().getString("taskId"), v.asJsonObject().getString("code")));
    assertThat(result.getInt("succeeded")).as(bulk.body()).isEqualTo(95);
    assertThat(result.getInt("failed")).isEqualTo(5);
    for (String task : byHand) {
      assertThat(codes.get(task)).as(task).isEqualTo("console.task-done");
    }
    assertThat(result.getJsonArray("items").stream().filter(v -> !v.asJsonObject().getBoolean("succeeded"))
        .map(v -> v.asJsonObject().getString("en"))).allMatch(m -> m.contains("already done"));

    // every proposal eligible, with exactly one formal-check record; the bulk ones carry the common comment
    List<Future<Void>> checks = new ArrayList<>();
    for (String id : proposals) {
      checks.add(pool.submit(() -> {
        JsonArray timeline = (JsonArray) WebClient.json(asUser(org, password, "GET", "/api/applicant/proposals/" + id + "/timeline", null));
        long eligible = timeline.stream().filter(s -> s.asJsonObject().getString("action").startsWith("proposal.formal-check.")).count();
        assertThat(eligible).as("formal-check records of " + id).isEqualTo(1);
        return null;
      }));
    }
    for (Future<Void> f : checks) {
      f.get();
    }
    pool.shutdown();
    JsonObject after = Officials.object(as("office", "GET", "/api/console/calls/" + call + "/proposals?sort=title", null));
    assertThat(after.getJsonObject("byStatus").getInt("ELIGIBLE")).isEqualTo(PROPOSALS);
    assertThat(after.getJsonArray("proposals").stream().filter(r -> r.asJsonObject().containsKey("taskId")
        && !r.asJsonObject().isNull("taskId"))).as("no open task left").isEmpty();

    // the overview as .xlsx: Chinese headers and the API's figures
    HttpResponse<byte[]> xlsx = client.bytes("/api/console/calls/" + call + "/proposals/export?format=xlsx&sort=title",
        "Authorization", WebClient.basic("auditor", "demo"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".xlsx");
    Map<String, JsonObject> apiRows = new HashMap<>();
    after.getJsonArray("proposals").forEach(r -> apiRows.put(r.asJsonObject().getString("id"), r.asJsonObject()));
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).startsWith("申报书编号");
      assertThat(rows.get(0).getCellText(1)).startsWith("项目名称");
      assertThat(rows.get(0).getCellText(5)).startsWith("形式审查");
      assertThat(rows.get(0).getCellText(6)).startsWith("申请经费");
      assertThat(rows).hasSize(PROPOSALS + 1);
      for (Row row : rows.subList(1, rows.size())) {
        JsonObject api = apiRows.get(row.getCellText(0));
        assertThat(api).as(row.getCellText(0)).isNotNull();
        assertThat(row.getCellText(1)).isEqualTo(api.getString("title"));
        assertThat(row.getCellText(4)).isEqualTo("ELIGIBLE");
        assertThat(row.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(api.getJsonNumber("budget").bigDecimalValue());
      }
    }
    HttpResponse<byte[]> csv = client.bytes("/api/console/calls/" + call + "/proposals/export?format=csv", "Authorization", WebClient.basic("office", "demo"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()[0] & 0xff).as("UTF-8 byte order mark").isEqualTo(0xEF);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text.lines().count()).isEqualTo(PROPOSALS + 1);
    assertThat(text.lines().findFirst().orElseThrow()).contains("申报书编号", "项目名称", "申请经费");
    assertThat(text).contains("批量项目 7,批量公司" + unique);
    assertThat(new BigDecimal(text.lines().filter(l -> l.contains("批量项目 7,")).findFirst().orElseThrow().split(",")[6])).isEqualByComparingTo("100007");
    HttpResponse<byte[]> workload = client.bytes("/api/console/expert-workload/export?format=csv", "Authorization", WebClient.basic("auditor", "demo"));
    assertThat(workload.statusCode()).isEqualTo(200);
    assertThat(new String(workload.body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).contains("评审组", "专家", "已评分");
    HttpResponse<String> badFormat = as("office", "GET", "/api/console/calls/" + call + "/proposals/export?format=pdf", null);
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(Officials.object(badFormat).getString("field")).isEqualTo("format");
    assertThat(asUser(org, password, "GET", "/api/console/calls/" + call + "/proposals/export?format=csv", null).statusCode())
        .as("an applicant never receives the call's list").isEqualTo(403);
  }

  @Test
  void aVoucherRoundsLedgerExportHasTheRoundsEntriesAndBalance() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"台账导出 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1234567.5,\"validUntil\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(30).withNano(0)
        + "\",\"expertThreshold\":1000000,\"reminderDays\":10}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");
    JsonObject api = Officials.object(as("office", "GET", "/api/voucher-rounds/" + round, null));
    JsonArray ledger = api.getJsonArray("ledger");
    assertThat(ledger).isNotEmpty();
    HttpResponse<byte[]> xlsx = client.bytes("/api/console/voucher-rounds/" + round + "/ledger/export", "Authorization", WebClient.basic("auditor", "demo"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(2)).startsWith("类型");
      assertThat(rows.get(0).getCellText(5)).startsWith("金额");
      assertThat(rows.get(0).getCellText(6)).startsWith("余额");
      assertThat(rows).hasSize(ledger.size() + 1);
      for (int i = 0; i < ledger.size(); i++) {
        assertThat(rows.get(i + 1).getCellAsNumber(5).orElseThrow()).isEqualByComparingTo(ledger.getJsonObject(i).getJsonNumber("amount").bigDecimalValue());
        assertThat(rows.get(i + 1).getCellText(2)).contains(ledger.getJsonObject(i).getString("kind"));
      }
      assertThat(rows.get(rows.size() - 1).getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(api.getJsonNumber("balance").bigDecimalValue());
    }
    assertThat(as("office", "GET", "/api/console/voucher-rounds/no-such-round/ledger/export?format=csv", null).statusCode()).isEqualTo(404);
    assertThat(as("applicant1", "GET", "/api/console/voucher-rounds/" + round + "/ledger/export", null).statusCode()).isEqualTo(403);
  }

  /**
   * Voucher approvals in bulk against a pool that covers three of five: three are approved and reserved, two are
   * reported with the pool's own refusal and stay open for the office's judgement.
   */
  @Test
  void fiveVoucherApprovalsInBulkAgainstAPoolForThree() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"批量审核 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":30000,\"validUntil\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(30).withNano(0)
        + "\",\"expertThreshold\":1000000,\"reminderDays\":10}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");
    HttpResponse<String> supplier = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"批量智算 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"周九\",\"shareholders\":[\"周九\"],\"contactEmail\":\"bd@bulk.example\"}");
    assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(201);
    String supplierId = Officials.object(supplier).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true,\"note\":\"资质齐全\"}").statusCode())
        .isEqualTo(200);
    String user = "vb" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("批量算力企业 " + run,
        VoucherIT.randomCreditCode(), user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // 20 % of 50,000 = 10,000 each
      HttpResponse<String> applied = asUser(user, "secret12345", "POST", "/api/applicant/vouchers", VoucherIT.application(round, supplierId, 50_000, "none"));
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
      tasks.add(officials.awaitTasks(Officials.object(applied).getString("id"), "userTask_reviewVoucher", 1).getJsonObject(0).getString("id"));
    }
    StringBuilder ids = new StringBuilder();
    tasks.forEach(t -> ids.append(ids.length() == 0 ? "" : ",").append('"').append(t).append('"'));
    HttpResponse<String> bulk = as("office", "POST", "/api/console/bulk", "{\"kind\":\"voucher-approve\",\"taskIds\":[" + ids
        + "],\"comment\":\"批量同意 " + run + "\"}");
    assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
    JsonObject result = Officials.object(bulk);
    assertThat(result.getInt("succeeded")).as(bulk.body()).isEqualTo(3);
    assertThat(result.getInt("failed")).isEqualTo(2);
    List<JsonObject> refused = result.getJsonArray("items").stream().map(JsonValue::asJsonObject).filter(i -> !i.getBoolean("succeeded")).toList();
    assertThat(refused).allSatisfy(i -> {
      assertThat(i.getString("code")).isEqualTo("voucher-round.exhausted");
      assertThat(i.getString("zh")).contains("资金池余额 0.00 元");
    });
    for (JsonObject item : refused) {
      JsonArray open = (JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?taskId=" + item.getString("taskId"), null));
      assertThat(open).as("a refused approval leaves the task open").hasSize(1);
    }
    JsonObject view = Officials.object(as("office", "GET", "/api/voucher-rounds/" + round, null));
    assertThat(view.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("0");
    assertThat(view.getJsonObject("issued").getInt("count")).isEqualTo(3);
    assertThat(view.getJsonArray("ledger").stream().filter(e -> "RESERVE".equals(e.asJsonObject().getString("kind")))).hasSize(3);
  }

  /** A scenario round's consolidation kept in bulk: the task is done as from Tasklist, the comment on the round's audit chain. */
  @Test
  void aScenarioConsolidationKeptInBulk() throws Exception {
    String run = VoucherIT.run();
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> started = as("office", "POST", "/api/scenario-rounds", "{\"theme\":\"批量汇总 " + run + "\",\"nominationDeadline\":\""
        + now.plusDays(10).withNano(0) + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String round = Officials.object(started).getString("id");
    JsonObject nomination = officials.awaitTasks(round, "userTask_nominateScenarios", Officials.object(started).getJsonArray("invitedUnits").size())
        .stream().map(JsonValue::asJsonObject).filter(t -> "nominator".equals(t.getString("assignee", null))).findFirst().orElseThrow();
    String scenario = jakarta.json.Json.createObjectBuilder().add("title", "批量场景 " + run).add("field", "meteorology").add("demandOwner", "示例市气象局")
        .add("description", "场景描述").add("dataAvailable", "脱敏数据").add("expectedScale", "10 万人").add("publicServiceImpact", "low")
        .add("personalData", false).add("scope", "city").build().toString();
    officials.complete("nominator", nomination, "\"scenarios\":{\"value\":" + jakarta.json.Json.createValue("[" + scenario + "]") + ",\"type\":\"Json\"}");
    // other units (of other tests) were invited too and have not nominated: their deadlines close the nominations
    String instance = ((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/process-instance?businessKey=" + round, null))).getJsonObject(0)
        .getString("id");
    for (JsonValue job : (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processInstanceId=" + instance
        + "&activityId=timerEvent_nominationDeadline", null))) {
      HttpResponse<String> fired = as("admin", "POST", "/engine-rest/job/" + job.asJsonObject().getString("id") + "/execute", null);
      assertThat(fired.statusCode()).as(fired.body()).isIn(204, 404);
    }
    String task = officials.awaitTasks(round, "userTask_consolidateScenarios", 1).getJsonObject(0).getString("id");

    assertThat(Officials.object(as("secretary", "POST", "/api/console/bulk", "{\"kind\":\"scenario-keep\",\"taskIds\":[\"" + task + "\"]}"))
        .getJsonArray("items").getJsonObject(0).getString("code")).as("not the secretariat's task").isEqualTo("console.not-candidate");
    JsonObject result = Officials.object(as("office", "POST", "/api/console/bulk", "{\"kind\":\"scenario-keep\",\"taskIds\":[\"" + task
        + "\"],\"comment\":\"提名均保留 " + run + "\"}"));
    assertThat(result.getInt("succeeded")).as(result.toString()).isEqualTo(1);
    assertThat(officials.tasks(round, "userTask_consolidateScenarios")).as("the consolidation is done").isEmpty();
    JsonArray records = (JsonArray) WebClient.json(as("auditor", "GET", "/api/audit/records?subjectType=scenario-round&subjectId=" + round, null));
    List<String> actions = records.stream().map(r -> r.asJsonObject().getString("action")).toList();
    assertThat(actions).contains("scenario-round.consolidated", "scenario-round.kept-in-bulk");
    assertThat(records.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("action").equals("scenario-round.consolidated")).findFirst()
        .orElseThrow().getString("actor")).isEqualTo("office");
    assertThat(records.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("action").equals("scenario-round.kept-in-bulk")).findFirst()
        .orElseThrow().getString("detail")).isEqualTo("提名均保留 " + run);
  }
}
