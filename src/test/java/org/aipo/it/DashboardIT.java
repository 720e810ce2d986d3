package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The programme dashboard (issue 26) over HTTP and in headless Chromium: the office sets a year's targets; the
 * achievements equal what the other APIs show (published scenario lists and their scenarios, published spot-check
 * results) and move with a proposal the test submits (by its field and its organisation's city); the public figures
 * hold published measures only and no target; the officials' page draws the API's figures with ECharts in Chinese.
 */
class DashboardIT extends ServerItBase {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Set<String> PUBLISHED = Set.of("scenarioListsPublished", "scenariosListed", "awardsAnnounced", "awardFunds",
      "spotCheckResultsPublished");

  private static int thisYear() {
    return ZonedDateTime.now(BEIJING).getYear();
  }

  private static boolean inThisYear(String instant) {
    return ZonedDateTime.ofInstant(Instant.parse(instant), BEIJING).getYear() == thisYear();
  }

  private JsonObject dashboard(String user, String query) throws Exception {
    HttpResponse<String> answer = officials.as(user, "GET", "/api/dashboard" + query, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Officials.object(answer);
  }

  static JsonObject measure(JsonObject dashboard, String key) {
    return dashboard.getJsonArray("measures").getValuesAs(JsonObject.class).stream().filter(m -> m.getString("key").equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no measure " + key));
  }

  static BigDecimal achieved(JsonObject dashboard, String key) {
    return measure(dashboard, key).getJsonNumber("achieved").bigDecimalValue();
  }

  static BigDecimal slice(JsonObject dashboard, String key, String series, String slice) {
    return measure(dashboard, key).getJsonArray(series).getValuesAs(JsonObject.class).stream().filter(s -> s.getString("key").equals(slice))
        .map(s -> s.getJsonNumber("value").bigDecimalValue()).findFirst().orElse(BigDecimal.ZERO);
  }

  @Test
  void theOfficeSetsTargetsAndTheAchievementsAreTheRecordsCounts() throws Exception {
    int year = thisYear() + 1; // a year of the test's own: the demo data's targets of this year stay as they are
    HttpResponse<String> set = officials.as("office", "PUT", "/api/dashboard/targets/" + year, "{\"targets\":[{\"measure\":\"proposalsSubmitted\","
        + "\"value\":120},{\"measure\":\"proposalsSubmitted\",\"field\":\"robotics\",\"value\":40},{\"measure\":\"awardFunds\",\"value\":25000000.50}]}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(Officials.object(set).getJsonArray("targets")).hasSize(3);
    JsonObject targets = Officials.object(officials.as("leader", "GET", "/api/dashboard/targets/" + year, null));
    assertThat(targets.getJsonArray("targets").getValuesAs(JsonObject.class)).extracting(t -> t.getString("measure") + "/" + t.getString("field")
        + "=" + t.getJsonNumber("value").bigDecimalValue().stripTrailingZeros().toPlainString(), t -> t.getString("setBy"))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("awardFunds/=25000000.5", "office"),
            org.assertj.core.groups.Tuple.tuple("proposalsSubmitted/=120", "office"), org.assertj.core.groups.Tuple.tuple("proposalsSubmitted/robotics=40", "office"));
    JsonObject next = dashboard("leader", "?year=" + year);
    assertThat(next.getInt("year")).isEqualTo(year);
    assertThat(measure(next, "proposalsSubmitted").getJsonNumber("target").intValue()).isEqualTo(120);
    assertThat(measure(next, "proposalsSubmitted").getJsonArray("byField").getValuesAs(JsonObject.class))
        .anySatisfy(s -> assertThat(s.getString("key") + "=" + s.getJsonNumber("target").intValue()).isEqualTo("robotics=40"));
    assertThat(measure(next, "callsOpened").isNull("target")).isTrue();
    // setting them again replaces the year's set
    assertThat(officials.as("office", "PUT", "/api/dashboard/targets/" + year, "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":2}]}")
        .statusCode()).isEqualTo(200);
    assertThat(dashboard("auditor", "?year=" + year).getJsonArray("measures").getValuesAs(JsonObject.class).stream()
        .filter(m -> !m.isNull("target")).map(m -> m.getString("key")).toList()).containsExactly("callsOpened");

    // bad input: refused naming the field, nothing changed
    Map<String, String> bad = Map.of(
        "{\"targets\":[{\"measure\":\"happiness\",\"value\":1}]}", "targets[0].measure",
        "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":1},{\"measure\":\"callsOpened\",\"field\":\"cooking\",\"value\":1}]}", "targets[1].field",
        "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":1.5}]}", "targets[0].value",
        "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":-1}]}", "targets[0].value",
        "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":1},{\"measure\":\"callsOpened\",\"value\":2}]}", "targets[1]",
        "{}", "targets");
    for (Map.Entry<String, String> body : bad.entrySet()) {
      HttpResponse<String> refused = officials.as("office", "PUT", "/api/dashboard/targets/" + year, body.getKey());
      assertThat(refused.statusCode()).as(body.getKey() + " -> " + refused.body()).isEqualTo(400);
      assertThat(Officials.object(refused).getString("field")).as(body.getKey()).isEqualTo(body.getValue());
    }
    for (String badYear : List.of("20x6", "1999", "2101", "26")) {
      HttpResponse<String> refused = officials.as("office", "GET", "/api/dashboard?year=" + badYear, null);
      assertThat(refused.statusCode()).as(badYear).isEqualTo(400);
      assertThat(Officials.object(refused).getString("field")).isEqualTo("year");
      assertThat(Officials.object(refused).getJsonObject("messages").getString("zh")).contains("年份");
      assertThat(client.get("/api/public/dashboard?year=" + badYear).statusCode()).isEqualTo(400);
      assertThat(officials.as("office", "PUT", "/api/dashboard/targets/" + badYear, "{\"targets\":[]}").statusCode()).isEqualTo(400);
    }
    assertThat(dashboard("office", "?year=" + year).getJsonArray("measures").getValuesAs(JsonObject.class).stream()
        .filter(m -> !m.isNull("target")).count()).isEqualTo(1);

    // who may: officials of the office, leadership, auditors and administrators read; only the office and administrators set
    assertThat(officials.as("applicant1", "GET", "/api/dashboard", null).statusCode()).isEqualTo(403);
    assertThat(officials.as("expert1", "GET", "/api/dashboard", null).statusCode()).isEqualTo(403);
    assertThat(client.get("/api/dashboard").statusCode()).isEqualTo(401);
    assertThat(officials.as("leader", "PUT", "/api/dashboard/targets/" + year, "{\"targets\":[]}").statusCode()).isEqualTo(403);
    assertThat(officials.as("auditor", "PUT", "/api/dashboard/targets/" + year, "{\"targets\":[]}").statusCode()).isEqualTo(403);
  }

  @Test
  void theFiguresEqualWhatTheOtherApisShowAndMoveWithTheRecords() throws Exception {
    JsonObject before = dashboard("office", "");
    assertThat(before.getInt("year")).isEqualTo(thisYear());
    assertThat(measure(before, "proposalsSubmitted").getJsonArray("byMonth")).hasSize(12);

    // published scenario lists and their scenarios, as the public list API shows them
    List<JsonObject> lists = ((JsonArray) WebClient.json(client.get("/api/scenario-lists"))).getValuesAs(JsonObject.class).stream()
        .filter(l -> !l.isNull("publishedAt") && inThisYear(l.getString("publishedAt"))).toList();
    assertThat(lists).as("the demo data publishes a list").isNotEmpty();
    assertThat(achieved(before, "scenarioListsPublished").intValue()).isEqualTo(lists.size());
    assertThat(achieved(before, "scenariosListed").intValue()).isEqualTo(lists.stream().mapToInt(l -> l.getInt("scenarioCount")).sum());
    // published spot-check results, as the public results API shows them
    long results = ((JsonArray) WebClient.json(client.get("/api/public/spot-check-results"))).getValuesAs(JsonObject.class).stream()
        .filter(r -> inThisYear(r.getString("publishedAt"))).count();
    assertThat(achieved(before, "spotCheckResultsPublished").longValue()).isEqualTo(results);
    // every series adds up to the measure (a record counts once in its city and in its month)
    for (JsonObject m : before.getJsonArray("measures").getValuesAs(JsonObject.class)) {
      BigDecimal total = m.getJsonNumber("achieved").bigDecimalValue();
      assertThat(m.getJsonArray("byMonth").getValuesAs(JsonNumber.class).stream().map(JsonNumber::bigDecimalValue).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as(m.getString("key") + " by month").isEqualByComparingTo(total);
      assertThat(m.getJsonArray("byCity").getValuesAs(JsonObject.class).stream().map(s -> s.getJsonNumber("value").bigDecimalValue())
          .reduce(BigDecimal.ZERO, BigDecimal::add)).as(m.getString("key") + " by city").isEqualByComparingTo(total);
    }
    JsonObject publicBefore = Officials.object(client.get("/api/public/dashboard"));

    // a call opened and a proposal submitted by a firm registered in Shenzhen (its credit code's division 440300)
    String run = Long.toString(System.nanoTime(), 36);
    String call = officials.openCall("成效统计征集 " + run, "robotics");
    String userId = "dash-" + run;
    HttpResponse<String> registered = client.send("POST", "/api/applicant/organisations", "application/json", Applicants.registration(
        "深圳成效科技 " + run, shenzhenCreditCode(),
        userId, "Password2026d", "d@dash.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> drafted = client.send("POST", "/api/applicant/proposals", "application/json", "{\"callId\":\"" + call + "\",\"title\":\"成效申报 "
        + run + "\",\"field\":\"robotics\",\"summary\":\"摘要\",\"technicalApproach\":\"路线\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"指标\",\"team\":\"团队\",\"budget\":500000}",
        "Authorization", WebClient.basic(userId, "Password2026d"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = Officials.object(drafted).getString("id");
    assertThat(Pdfs.upload(client, userId, "Password2026d", proposal, "application", "申报书.pdf", Pdfs.of("application")).statusCode()).isEqualTo(201);
    assertThat(Pdfs.upload(client, userId, "Password2026d", proposal, "budget", "预算表.pdf", Pdfs.of("budget")).statusCode()).isEqualTo(201);
    HttpResponse<String> submitted = client.send("POST", "/api/applicant/proposals/" + proposal + "/submit", null, null, "Authorization",
        WebClient.basic(userId, "Password2026d"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

    JsonObject after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> dashboard("office", ""), d -> achieved(d, "callsOpened").intValue() == achieved(before, "callsOpened").intValue() + 1);
    assertThat(achieved(after, "proposalsSubmitted")).isEqualByComparingTo(achieved(before, "proposalsSubmitted").add(BigDecimal.ONE));
    assertThat(slice(after, "proposalsSubmitted", "byField", "robotics")).isEqualByComparingTo(slice(before, "proposalsSubmitted", "byField", "robotics")
        .add(BigDecimal.ONE));
    assertThat(slice(after, "proposalsSubmitted", "byCity", "4403")).isEqualByComparingTo(slice(before, "proposalsSubmitted", "byCity", "4403")
        .add(BigDecimal.ONE));
    assertThat(measure(after, "proposalsSubmitted").getJsonArray("byCity").getValuesAs(JsonObject.class))
        .anySatisfy(s -> assertThat(s.getString("key") + " " + s.getString("zh") + " " + s.getString("en")).isEqualTo("4403 深圳市 Shenzhen"));
    int month = ZonedDateTime.now(BEIJING).getMonthValue() - 1;
    assertThat(measure(after, "proposalsSubmitted").getJsonArray("byMonth").getJsonNumber(month).intValue())
        .isEqualTo(measure(before, "proposalsSubmitted").getJsonArray("byMonth").getJsonNumber(month).intValue() + 1);

    // the public figures: published measures only, no target, and nothing of the unpublished proposal or call
    JsonObject publicAfter = Officials.object(client.get("/api/public/dashboard"));
    assertThat(publicAfter.getBoolean("publicFigures")).isTrue();
    Set<String> keys = publicAfter.getJsonArray("measures").getValuesAs(JsonObject.class).stream().map(m -> m.getString("key")).collect(Collectors.toSet());
    assertThat(keys).isEqualTo(PUBLISHED);
    assertThat(publicAfter.getJsonArray("measures").getValuesAs(JsonObject.class)).allSatisfy(m -> assertThat(m.isNull("target")).isTrue());
    assertThat(publicAfter.getJsonArray("measures")).isEqualTo(publicBefore.getJsonArray("measures"));
    for (String key : PUBLISHED) {
      assertThat(achieved(publicAfter, key)).as(key).isEqualByComparingTo(achieved(after, key));
    }
  }

  @Test
  void theDashboardPageDrawsTheApisFiguresInChineseAndThePortalShowsThePublishedOnes() throws Exception {
    JsonObject api = dashboard("leader", "");
    WebDriver browser = PortalIT.chromium();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(url("/dashboard/").toString());
      // not logged in: the page asks for the Tasklist login, in Chinese (the browser's language)
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("userId"))).sendKeys("applicant1");
      assertThat(browser.findElement(By.cssSelector("#loginForm h1")).getText()).contains("目标与成效");
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      // an applicant is refused: a wrong password as such, the right one with "your role may not"
      wait.until(d -> !d.findElement(By.id("loginError")).getText().isEmpty());
      String applicantRefused = browser.findElement(By.id("loginError")).getText();
      assertThat(applicantRefused).containsAnyOf("无权", "登录失败");
      assertThat(browser.findElements(By.cssSelector("#board:not([hidden])"))).isEmpty();
      browser.findElement(By.name("userId")).clear();
      browser.findElement(By.name("userId")).sendKeys("leader");
      browser.findElement(By.name("password")).clear();
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(d -> String.valueOf(thisYear()).equals(d.findElement(By.id("board")).getAttribute("data-year")));
      assertThat(browser.findElement(By.id("board")).getAttribute("data-lang")).isEqualTo("zh");
      assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("leader");

      JavascriptExecutor js = (JavascriptExecutor) browser;
      // the charts are ECharts instances whose figures are the API's
      List<JsonObject> counts = api.getJsonArray("measures").getValuesAs(JsonObject.class).stream().filter(m -> "count".equals(m.getString("unit"))).toList();
      List<JsonObject> amounts = api.getJsonArray("measures").getValuesAs(JsonObject.class).stream().filter(m -> "yuan".equals(m.getString("unit"))).toList();
      assertThat(chartSeries(js, "chartCounts", 1)).isEqualTo(counts.stream().map(m -> m.getJsonNumber("achieved").doubleValue()).toList());
      assertThat(chartSeries(js, "chartCounts", 0)).isEqualTo(counts.stream().map(m -> m.isNull("target") ? null : m.getJsonNumber("target").doubleValue()).toList());
      assertThat(chartSeries(js, "chartAmounts", 1)).isEqualTo(amounts.stream().map(m -> m.getJsonNumber("achieved").doubleValue()).toList());
      assertThat(chartCategories(js, "chartCounts")).isEqualTo(counts.stream().map(m -> m.getString("zh")).toList());
      assertThat(chartLegend(js, "chartCounts")).containsExactly("目标", "完成");
      assertThat(browser.findElement(By.cssSelector("#chartCounts canvas")).getSize().getWidth()).isPositive();
      // the chosen measure by month, field and city: the demo data's proposals
      js.executeScript("const s = document.getElementById('measure'); s.value = 'proposalsSubmitted'; s.dispatchEvent(new Event('change'));");
      JsonObject proposals = measure(api, "proposalsSubmitted");
      wait.until(d -> chartSeries(js, "chartMonthly", 0).equals(proposals.getJsonArray("byMonth").getValuesAs(JsonNumber.class).stream()
          .map(JsonNumber::doubleValue).toList()));
      assertThat(chartCategories(js, "chartCities")).isEqualTo(proposals.getJsonArray("byCity").getValuesAs(JsonObject.class).stream()
          .map(s -> s.getString("zh")).toList());
      List<Double> byField = proposals.getJsonArray("byField").getValuesAs(JsonObject.class).stream().map(s -> s.getJsonNumber("value").doubleValue()).toList();
      assertThat(chartSeries(js, "chartFields", proposals.getJsonArray("byField").getValuesAs(JsonObject.class).stream().anyMatch(s -> !s.isNull("target")) ? 1 : 0))
          .isEqualTo(byField);
      // the table beside the chart shows the same figures
      String row = browser.findElement(By.cssSelector("#tableCounts tr[data-measure=proposalsSubmitted]")).getText();
      assertThat(row).contains("提交申报").contains(String.valueOf(proposals.getJsonNumber("achieved").intValue()));
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "portal-screenshots"));
      java.nio.file.Files.write(java.nio.file.Path.of("target", "portal-screenshots", "dashboard-zh.png"),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      // the English switch relabels the charts with the same figures
      browser.findElement(By.id("lang")).click();
      wait.until(d -> "en".equals(d.findElement(By.id("board")).getAttribute("data-lang")));
      assertThat(chartLegend(js, "chartCounts")).containsExactly("Target", "Achieved");
      assertThat(chartSeries(js, "chartCounts", 1)).isEqualTo(counts.stream().map(m -> m.getJsonNumber("achieved").doubleValue()).toList());
      browser.findElement(By.id("lang")).click();
      wait.until(d -> "zh".equals(d.findElement(By.id("board")).getAttribute("data-lang")));

      // an auditor (no Tasklist) logs in on the page too and reads the same figures
      browser.findElement(By.id("logout")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("userId"))).sendKeys("auditor");
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      try {
        wait.until(d -> String.valueOf(thisYear()).equals(d.findElement(By.id("board")).getAttribute("data-year"))
            && "auditor".equals(d.findElement(By.id("who")).getText()));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError("the auditor's login: error '" + browser.findElement(By.id("loginError")).getText() + "', user '"
            + browser.findElement(By.id("who")).getText() + "', a webapp login over HTTP: " + newClient().loginToWebapp("welcome", "auditor", "demo").statusCode(), e);
      }
      assertThat(chartSeries(js, "chartCounts", 1)).isEqualTo(counts.stream().map(m -> m.getJsonNumber("achieved").doubleValue()).toList());

      // the portal's published figures, in Chinese, equal the public API's
      JsonObject published = Officials.object(client.get("/api/public/dashboard"));
      browser.get(url("/portal/").toString() + "#/figures");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("公开数据");
      for (JsonObject m : published.getJsonArray("measures").getValuesAs(JsonObject.class)) {
        String total = browser.findElement(By.cssSelector("#figures tr[data-measure=" + m.getString("key") + "] td.total")).getText();
        assertThat(total.replace(",", "")).as(m.getString("key")).isEqualTo(m.getJsonNumber("achieved").bigDecimalValue().stripTrailingZeros().toPlainString());
      }
      assertThat(browser.findElements(By.cssSelector("#figures tr[data-measure]"))).hasSize(PUBLISHED.size());
      assertThat(browser.findElement(By.id("figures")).getText()).doesNotContain("提交申报");
      java.nio.file.Files.write(java.nio.file.Path.of("target", "portal-screenshots", "portal-figures-zh.png"),
          ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }

  /** A random credit code of a firm registered in Shenzhen (division 440300). */
  static String shenzhenCreditCode() {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder first = new StringBuilder("91440300");
    for (int i = 0; i < 9; i++) {
      first.append(charset.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(charset.length())));
    }
    return Applicants.creditCode(first.toString());
  }

  /** A series' data of the ECharts instance drawn in the element, as numbers (null for an empty bar). */
  @SuppressWarnings("unchecked")
  private static List<Double> chartSeries(JavascriptExecutor js, String id, int series) {
    List<Object> data = (List<Object>) js.executeScript("const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
        + " return c.getOption().series[arguments[1]].data.map(v => v === '-' ? null : Number(v));", id, series);
    return data.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartCategories(JavascriptExecutor js, String id) {
    return (List<String>) js.executeScript("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().yAxis[0].data;", id);
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartLegend(JavascriptExecutor js, String id) {
    return (List<String>) js.executeScript("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().legend[0].data;", id);
  }
}
