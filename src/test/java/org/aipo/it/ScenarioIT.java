package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Scenario-list publication end to end over HTTP against the started server: the office starts a round,
 * two nominating units nominate through their Tasklist tasks (the demo unit does not and is recorded late),
 * the office consolidates, experts review the draft list and the high-risk scenario, leadership approves,
 * the public reads the notice and objects (malformed and late objections refused), the list is published
 * as a version, and a call answers one of its scenarios by code.
 */
class ScenarioIT extends ServerItBase {

  private static final String FIELD = "engineering-computation"; // no other test draws from this field's pool
  private static final String PROCESS = "scenarioListRound";

  private static JsonObject object(HttpResponse<String> response) {
    return Officials.object(response);
  }

  private static String error(HttpResponse<String> response) {
    return response.statusCode() + " " + object(response).getString("field", "") + " " + object(response).getString("message", "");
  }

  private static String scenario(String title, String field, String impact, boolean personalData, String scope) {
    return Json.createObjectBuilder().add("title", title).add("field", field).add("demandOwner", "示例市 " + title + " 需求方")
        .add("description", "场景描述：" + title).add("dataAvailable", "脱敏数据").add("expectedScale", "10 万人").add("publicServiceImpact", impact)
        .add("personalData", personalData).add("scope", scope).build().toString();
  }

  private static String json(String name, String json) {
    return "\"" + name + "\":{\"value\":" + Json.createValue(json) + ",\"type\":\"Json\"}";
  }

  private void unit(String userId) throws Exception {
    HttpResponse<String> user = as("admin", "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + userId
        + "\",\"firstName\":\"推荐\",\"lastName\":\"单位 " + userId + "\",\"email\":\"" + userId + "@unit.example\"},\"credentials\":{\"password\":\"demo\"}}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(204);
    assertThat(as("admin", "PUT", "/engine-rest/group/nominating-unit/members/" + userId, null).statusCode()).isEqualTo(204);
  }

  private JsonObject taskOf(String roundId, String key, String assignee) throws Exception {
    for (JsonValue task : officials.awaitTasks(roundId, key, officials.tasks(roundId, key).isEmpty() ? 1 : officials.tasks(roundId, key).size())) {
      if (assignee == null || assignee.equals(task.asJsonObject().getString("assignee", null))) {
        return task.asJsonObject();
      }
    }
    throw new AssertionError("no " + key + " task for " + assignee);
  }

  @Test
  void aRoundFromNominationsToAPublishedListThatACallAnswers() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    String unitA = "unit-a-" + run;
    String unitB = "unit-b-" + run;
    unit(unitA);
    unit(unitB);
    List<String> experts = List.of("ec-1-" + run, "ec-2-" + run, "ec-3-" + run, "ec-4-" + run, "ec-5-" + run);
    officials.expertsOfTheField(FIELD, experts, List.of("赵计算", "钱计算", "孙计算", "李计算", "周计算"));
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    String theme = "工程计算场景征集 " + run;

    // starting a round: only the office, and every bad field named
    String body = "{\"theme\":\"" + theme + "\",\"nominationDeadline\":\"" + now.plusDays(10) + "\",\"reviewField\":\"" + FIELD + "\"}";
    assertThat(as("applicant1", "POST", "/api/scenario-rounds", body).statusCode()).isEqualTo(403);
    assertThat(anonymous("POST", "/api/scenario-rounds", body).statusCode()).isEqualTo(401);
    assertThat(error(as("office", "POST", "/api/scenario-rounds", "{\"nominationDeadline\":\"" + now.plusDays(10) + "\"}"))).startsWith("400 theme");
    assertThat(error(as("office", "POST", "/api/scenario-rounds", "{\"theme\":\"x\",\"nominationDeadline\":\"" + now.minusDays(1) + "\"}")))
        .startsWith("400 nominationDeadline");
    assertThat(error(as("office", "POST", "/api/scenario-rounds", "{\"theme\":\"x\",\"nominationDeadline\":\"tomorrow\"}")))
        .startsWith("400 nominationDeadline");
    assertThat(error(as("office", "POST", "/api/scenario-rounds", "{\"theme\":\"x\",\"nominationDeadline\":\"" + now.plusDays(1)
        + "\",\"reviewField\":\"astrology\"}"))).startsWith("400 reviewField");
    HttpResponse<String> started = as("office", "POST", "/api/scenario-rounds", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject round = object(started);
    String roundId = round.getString("id");
    assertThat(round.getJsonArray("invitedUnits").getValuesAs(jakarta.json.JsonString::getString)).contains(unitA, unitB, "nominator");

    // nominations in the units' own tasks; a bad one is refused naming the row and field, and nothing is stored
    JsonObject taskA = taskOf(roundId, "userTask_nominateScenarios", unitA);
    HttpResponse<String> bad = as(unitA, "POST", "/engine-rest/task/" + taskA.getString("id") + "/complete",
        "{\"variables\":{" + json("scenarios", "[" + scenario("坏", "astrology", "low", false, "city") + "]") + "}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("scenarios[1].field");
    assertThat(as(unitB, "POST", "/engine-rest/task/" + taskA.getString("id") + "/complete", "{}").statusCode())
        .as("a unit cannot answer another unit's task").isIn(403, 404);
    officials.complete(unitA, taskA, json("scenarios", "[" + scenario("智能辅助诊疗", "healthcare", "high", true, "province") + ","
        + scenario("数值天气预报后处理", "meteorology", "low", false, "city") + "]"));
    officials.complete(unitB, taskOf(roundId, "userTask_nominateScenarios", unitB), json("scenario1",
        scenario("智能辅助诊疗二", "healthcare", "high", true, "city")) + ",\"more2\":{\"value\":true,\"type\":\"Boolean\"},"
        + json("scenario2", scenario("电子算命", "robotics", "low", false, "district")));
    officials.fireTimer(roundId, PROCESS, "timerEvent_nominationDeadline");

    // consolidation: merge the duplicate, reject the out-of-scope one with a reason
    JsonObject consolidation = taskOf(roundId, "userTask_consolidateScenarios", null);
    String table = object(as("office", "GET", "/engine-rest/task/" + consolidation.getString("id") + "/variables/consolidationTableMarkdown", null))
        .getString("value");
    assertThat(table).contains("| N1 | 智能辅助诊疗 |", "| N3 | 智能辅助诊疗二 |", "| N4 | 电子算命 |");
    HttpResponse<String> noReason = as("office", "POST", "/engine-rest/task/" + consolidation.getString("id") + "/complete",
        "{\"variables\":{" + Officials.string("rejections", "N4") + "}}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("a rejection needs a reason");
    officials.complete("office", consolidation, Officials.string("merges", "N3 → N1") + ","
        + Officials.string("rejections", "N4：不属于人工智能应用场景 out of scope"));

    // the committee reviews the draft list and the high-risk scenario; leadership approves
    officials.review(roundId, Map.of("诊疗", new int[] {30, 25, 30}, theme, new int[] {30, 26, 31}), "智能辅助诊疗");
    JsonObject approval = taskOf(roundId, "userTask_approveList", null);
    String draft = object(as("leader", "GET", "/engine-rest/task/" + approval.getString("id") + "/variables/draftListMarkdown", null)).getString("value");
    assertThat(draft).contains("智能辅助诊疗", "高 high", "数值天气预报后处理", "合并 merged: 1", "out of scope");
    officials.complete("leader", approval, Officials.string("decision", "approve"));

    // the notice: public, with how to object; objections checked and answered
    JsonArray notices = (JsonArray) WebClient.json(anonymous("GET", "/api/scenario-notices", null));
    JsonObject notice = notices.stream().map(JsonValue::asJsonObject).filter(n -> n.getString("roundId").equals(roundId)).findFirst().orElseThrow();
    assertThat(notice.getString("howToObject")).contains("实名");
    assertThat(notice.getJsonArray("scenarios")).hasSize(2);
    String objections = "/api/scenario-notices/" + roundId + "/objections";
    assertThat(error(anonymous("POST", objections, "{\"contact\":\"13800000000\",\"grounds\":\"g\"}"))).startsWith("400 name");
    assertThat(error(anonymous("POST", objections, "{\"name\":\"张三\",\"contact\":\"13800000000\",\"grounds\":\"g\",\"scenario\":\"N9\"}")))
        .startsWith("400 scenario");
    assertThat(anonymous("POST", objections, "not json").statusCode()).isEqualTo(400);
    assertThat(anonymous("POST", "/api/scenario-notices/no-such-round/objections", "{\"name\":\"a\",\"contact\":\"b\",\"grounds\":\"c\"}")
        .statusCode()).isEqualTo(404);
    objectInThePortal(roundId, theme);
    officials.completeOne("office", roundId, "userTask_answerScenarioObjection",
        Officials.string("decision", "dismissed") + "," + Officials.string("answer", "该场景仍需攻关 still open"));
    officials.fireTimer(roundId, PROCESS, "timerEvent_noticeEnds");

    // published: a version, readable without login; late objections refused; a call answers a scenario by code
    JsonObject published = awaitPublished(roundId);
    int version = published.getInt("version");
    HttpResponse<String> late = anonymous("POST", objections, "{\"name\":\"李四\",\"contact\":\"l@example.com\",\"grounds\":\"太晚 late\"}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(object(late).getString("message")).contains("公示期已结束");
    JsonArray lists = (JsonArray) WebClient.json(anonymous("GET", "/api/scenario-lists", null));
    assertThat(lists.stream().map(JsonValue::asJsonObject).filter(l -> l.getInt("version") == version).findFirst().orElseThrow()
        .getString("theme")).isEqualTo(theme);
    JsonObject list = object(anonymous("GET", "/api/scenario-lists/" + version, null));
    JsonObject diagnosis = list.getJsonArray("scenarios").getJsonObject(0);
    assertThat(diagnosis.getString("code")).isEqualTo("V" + version + "-01");
    assertThat(diagnosis.getString("riskTier")).isEqualTo("high");
    assertThat(diagnosis.getJsonArray("nominatedBy").getValuesAs(jakarta.json.JsonString::getString)).containsExactly(unitA, unitB);
    assertThat(diagnosis.getJsonArray("nominatedByNames").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("推荐 单位 " + unitA, "推荐 单位 " + unitB);
    assertThat(anonymous("GET", "/api/scenario-lists/abc", null).statusCode()).isEqualTo(400);
    assertThat(anonymous("GET", "/api/scenario-lists/99999", null).statusCode()).isEqualTo(404);
    assertThat(((JsonArray) WebClient.json(anonymous("GET", "/api/scenarios", null))).stream()
        .anyMatch(s -> s.asJsonObject().getString("code").equals("V" + version + "-02"))).isTrue();

    JsonObject record = object(as("office", "GET", "/api/scenario-rounds/" + roundId, null));
    assertThat(record.getJsonArray("lateUnits").getValuesAs(jakarta.json.JsonString::getString)).contains("nominator")
        .doesNotContain(unitA, unitB);
    assertThat(record.getJsonArray("objections").getJsonObject(0).getString("decision")).isEqualTo("DISMISSED");
    assertThat(as("applicant1", "GET", "/api/scenario-rounds/" + roundId, null).statusCode()).isEqualTo(403);

    String call = "{\"title\":\"工程计算示范 " + run + "\",\"fields\":[\"healthcare\"],\"opensAt\":\"" + now.plusDays(1) + "\",\"closesAt\":\""
        + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":500000,\"awardCount\":2,\"scenarios\":[\"%s\"]}";
    HttpResponse<String> answering = as("office", "POST", "/api/calls", String.format(call, "V" + version + "-01"));
    assertThat(answering.statusCode()).as(answering.body()).isEqualTo(201);
    assertThat(object(answering).getJsonArray("scenarios").getString(0)).isEqualTo("V" + version + "-01 智能辅助诊疗");
    assertThat(error(as("office", "POST", "/api/calls", String.format(call, "V99999-01")))).startsWith("400 scenarios");
    readThePublishedListInThePortal(version, theme);
  }

  private static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "portal-screenshots");

  private String portal(String hash) {
    return url("/portal/").toString() + hash;
  }

  private void shot(org.openqa.selenium.WebDriver browser, String name) throws Exception {
    java.nio.file.Files.createDirectories(SHOTS);
    java.nio.file.Files.write(SHOTS.resolve(name + ".png"),
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  /** A visitor without an account finds the notice on the portal's home page and objects to one scenario. */
  private void objectInThePortal(String roundId, String theme) throws Exception {
    org.openqa.selenium.WebDriver browser = PortalIT.chromium();
    try {
      var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
      browser.get(portal("#/"));
      wait.until(d -> d.findElement(org.openqa.selenium.By.id("scenarioLists")).getText().contains(theme));
      browser.findElement(org.openqa.selenium.By.cssSelector("#scenarioLists a[href='#/scenario-notices/" + roundId + "']")).click();
      wait.until(d -> !d.findElements(org.openqa.selenium.By.id("scenarioObjectionForm")).isEmpty());
      assertThat(browser.findElement(org.openqa.selenium.By.id("draftScenarios")).getText()).contains("智能辅助诊疗", "数值天气预报后处理", "高");
      new org.openqa.selenium.support.ui.Select(browser.findElement(org.openqa.selenium.By.name("scenario"))).selectByValue("N2");
      browser.findElement(org.openqa.selenium.By.name("contact")).sendKeys("13800000000");
      browser.findElement(org.openqa.selenium.By.name("grounds")).sendKeys("<script>alert(1)</script> 天气场景已有成熟产品 already solved");
      browser.findElement(org.openqa.selenium.By.cssSelector("#scenarioObjectionForm button[type=submit]")).click();
      wait.until(d -> d.findElement(org.openqa.selenium.By.name("name")).findElement(org.openqa.selenium.By.xpath("ancestor::label"))
          .getText().contains("此项为必填项"));
      browser.findElement(org.openqa.selenium.By.name("name")).sendKeys("张三");
      browser.findElement(org.openqa.selenium.By.cssSelector("#scenarioObjectionForm button[type=submit]")).click();
      wait.until(d -> d.findElement(org.openqa.selenium.By.tagName("body")).getText().contains("异议已受理"));
      shot(browser, "scenario-1-notice-objection");
    } finally {
      browser.quit();
    }
    JsonObject record = object(as("office", "GET", "/api/scenario-rounds/" + roundId, null));
    JsonObject lodged = record.getJsonArray("objections").getJsonObject(0);
    assertThat(lodged.getString("scenario")).isEqualTo("N2");
    assertThat(lodged.getString("grounds")).as("stored as typed").startsWith("<script>alert(1)</script>");
  }

  /** The published list on the portal's home page and its own page, with codes and risk tiers. */
  private void readThePublishedListInThePortal(int version, String theme) throws Exception {
    org.openqa.selenium.WebDriver browser = PortalIT.chromium();
    try {
      var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
      browser.get(portal("#/"));
      wait.until(d -> d.findElement(org.openqa.selenium.By.id("scenarioLists")).getText().contains("第 " + version + " 批 " + theme));
      browser.findElement(org.openqa.selenium.By.cssSelector("#scenarioLists a[href='#/scenario-lists/" + version + "']")).click();
      wait.until(d -> !d.findElements(org.openqa.selenium.By.id("scenarios")).isEmpty());
      assertThat(browser.findElement(org.openqa.selenium.By.id("scenarios")).getText()).contains("V" + version + "-01", "智能辅助诊疗", "高",
          "V" + version + "-02", "数值天气预报后处理").doesNotContain("电子算命");
      shot(browser, "scenario-2-published-list");
    } finally {
      browser.quit();
    }
  }

  private JsonObject awaitPublished(String roundId) throws Exception {
    return await().alias("round " + roundId + " published").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> object(as("office", "GET", "/api/scenario-rounds/" + roundId, null)), round -> "PUBLISHED".equals(round.getString("stage")));
  }
}
