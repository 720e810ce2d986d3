package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Supervision of AI services in Liberty over HTTP on the demo data (issue 24): a random spot-check campaign end to end
 * (draw with avoidance, the drawn inspectors' tasks and no one else's, findings, the firm's rectification, the
 * follow-up, publication without notes, the replay of the stored draw), the self-inspection plan per tier, and
 * incident reports from the public and a firm.
 */
class SupervisionIT extends ServerItBase {

  private static final List<String> INSPECTORS = List.of("inspector1", "inspector2", "inspector3", "inspector4");
  private static final String MANUFACTURING = "示例智造有限公司";

  private static List<String> inspectorsOf(JsonObject inspection) {
    return inspection.getJsonArray("inspectors").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private JsonObject inspectionAs(String user, String id) throws Exception {
    HttpResponse<String> answer = as(user, "GET", "/api/supervision/inspections/" + id, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Officials.object(answer);
  }

  @Test
  void aCampaignDrawsServicesAndInspectorsWhoAloneInspectThenTheFirmRectifiesAndTheResultIsPublished() throws Exception {
    String run = VoucherIT.run();
    // who may start one, and bad shares named
    assertThat(as("applicant1", "POST", "/api/spot-check-campaigns", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(as("inspector2", "POST", "/api/spot-check-campaigns", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(anonymous("POST", "/api/spot-check-campaigns", "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
    VoucherIT.refusedWith(as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"抽查 " + run + "\",\"shareHigh\":150}"), 400,
        "spot-check.share", "shareHigh");
    VoucherIT.refusedWith(as("office", "POST", "/api/spot-check-campaigns", "{\"shareHigh\":30}"), 400, "text.required", "name");

    HttpResponse<String> started = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"双随机抽查 " + run + "\",\"shareHigh\":100,"
        + "\"shareMedium\":0,\"shareLow\":0,\"inspectorsPerInspection\":2}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject campaign = Officials.object(started);
    String campaignId = campaign.getString("id");
    assertThat(campaign.getString("seed")).hasSize(32);
    assertThat(campaign.getString("poolSnapshot")).contains("service HIGH ").contains("inspector inspector1 ");
    JsonArray inspections = campaign.getJsonArray("inspections");
    assertThat(inspections).as("every high-tier demo service at 100 %").hasSizeGreaterThanOrEqualTo(2);
    assertThat(inspections.getValuesAs(JsonObject.class)).allSatisfy(i -> {
      assertThat(i.getString("tier")).isEqualTo("HIGH");
      assertThat(inspectorsOf(i)).hasSize(2).isSubsetOf(INSPECTORS);
    });

    // avoidance: inspector1 declared a relationship with Demo Manufacturing, so is never drawn for its services
    JsonObject own = inspections.getValuesAs(JsonObject.class).stream().filter(i -> i.getString("organisationName").startsWith(MANUFACTURING))
        .findFirst().orElseThrow();
    assertThat(inspectorsOf(own)).doesNotContain("inspector1");
    JsonObject other = inspections.getValuesAs(JsonObject.class).stream().filter(i -> !i.getString("organisationName").startsWith(MANUFACTURING))
        .findFirst().orElseThrow();
    String id = own.getString("id");
    String drawn = inspectorsOf(own).get(0);
    String drawnToo = inspectorsOf(own).get(1);
    String notDrawn = INSPECTORS.stream().filter(u -> !inspectorsOf(own).contains(u)).findFirst().orElseThrow();

    // only the drawn inspectors see the inspection, in Tasklist and through the API
    JsonArray task = officials.awaitTasks(id, "userTask_inspectService", 1);
    assertThat(task.getJsonObject(0).isNull("due")).as("a due date").isFalse();
    assertThat(as(drawn, "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, null).body()).contains("userTask_inspectService");
    assertThat(as(notDrawn, "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, null).body()).doesNotContain("userTask_inspectService");
    assertThat(as(drawn, "GET", "/api/supervision/inspections", null).body()).contains(id);
    assertThat(as(notDrawn, "GET", "/api/supervision/inspections", null).body()).doesNotContain(id);
    assertThat(as(notDrawn, "GET", "/api/supervision/inspections/" + id, null).statusCode()).isEqualTo(404);
    VoucherIT.refusedWith(as(notDrawn, "POST", "/api/supervision/inspections/" + id + "/result", "{\"findingsFound\":false}"), 404,
        "spot-check-inspection.not-found", null);
    assertThat(as("applicant1", "GET", "/api/supervision/inspections", null).statusCode()).isEqualTo(403);

    // findings, stated; notes never published
    VoucherIT.refusedWith(as(drawn, "POST", "/api/supervision/inspections/" + id + "/result", "{\"notes\":\"x\"}"), 400, "field.required",
        "findingsFound");
    VoucherIT.refusedWith(as(drawn, "POST", "/api/supervision/inspections/" + id + "/result", "{\"findingsFound\":true}"), 400, "text.required",
        "findings");
    String notes = "内部记录 " + run;
    HttpResponse<String> result = as(drawn, "POST", "/api/supervision/inspections/" + id + "/result", "{\"findingsFound\":true,"
        + "\"findings\":\"未对生成内容进行标识 " + run + "\",\"notes\":\"" + notes + "\"}");
    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    assertThat(Officials.object(result).getString("status")).isEqualTo("RECTIFYING");
    assertThat(inspectionAs("office", id).getString("rectificationDue")).isNotBlank();

    // the firm sees its findings (not the notes); another firm sees nothing of it
    HttpResponse<String> firm = as("applicant1", "GET", "/api/applicant/supervision/inspections", null);
    assertThat(firm.body()).contains(id).contains("未对生成内容进行标识 " + run).doesNotContain(notes).doesNotContain(drawn);
    assertThat(as("applicant2", "GET", "/api/applicant/supervision/inspections", null).body()).doesNotContain(id);
    VoucherIT.refusedWith(as("applicant2", "POST", "/api/applicant/supervision/inspections/" + id + "/rectification", "{\"rectification\":\"x\"}"),
        404, "spot-check-inspection.not-found", null);
    VoucherIT.refusedWith(as("applicant1", "POST", "/api/applicant/supervision/inspections/" + id + "/rectification", "{\"rectification\":\" \"}"),
        400, "text.required", "rectification");
    HttpResponse<String> rectified = as("applicant1", "POST", "/api/applicant/supervision/inspections/" + id + "/rectification",
        "{\"rectification\":\"已上线生成内容标识 " + run + "\"}");
    assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(200);
    assertThat(Officials.object(rectified).getString("status")).isEqualTo("FOLLOW_UP");
    VoucherIT.refusedWith(as("applicant1", "POST", "/api/applicant/supervision/inspections/" + id + "/rectification", "{\"rectification\":\"再次\"}"),
        409, "spot-check.no-rectification-open", null);

    // the follow-up by the other drawn inspector, then publication
    officials.awaitTasks(id, "userTask_followUpCheck", 1);
    HttpResponse<String> followUp = as(drawnToo, "POST", "/api/supervision/inspections/" + id + "/follow-up", "{\"rectified\":true,\"notes\":\"已核查\"}");
    assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(200);
    JsonObject closed = inspectionAs("office", id);
    assertThat(closed.getString("status")).isEqualTo("CLOSED");
    assertThat(closed.getString("result")).isEqualTo("RECTIFIED");
    assertThat(closed.getString("publishedAt")).isNotBlank();

    // the other firm's service passes at once
    String passer = inspectorsOf(other).get(0);
    HttpResponse<String> passed = as(passer, "POST", "/api/supervision/inspections/" + other.getString("id") + "/result", "{\"findingsFound\":false}");
    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    assertThat(Officials.object(passed).getString("result")).isEqualTo("PASSED");

    // published: service, firm, date, result; never notes nor inspectors
    HttpResponse<String> published = anonymous("GET", "/api/public/spot-check-results", null);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(published.body()).contains(own.getString("serviceName")).contains("RECTIFIED").contains(other.getString("serviceName"))
        .doesNotContain(notes).doesNotContain("inspector").doesNotContain("已核查");

    // the stored draw replays to the same services and inspectors (for an auditor too)
    HttpResponse<String> replay = as("auditor", "POST", "/api/spot-check-campaigns/" + campaignId + "/draw/replay", null);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    JsonObject replayed = Officials.object(replay);
    assertThat(replayed.getBoolean("matches")).as(replay.body()).isTrue();
    assertThat(replayed.getJsonArray("replayed")).isEqualTo(replayed.getJsonArray("stored")).hasSize(inspections.size());
    assertThat(replayed.containsKey("poolUnchanged")).isTrue();
    assertThat(as("auditor", "GET", "/api/spot-check-campaigns/" + campaignId, null).body()).contains(campaign.getString("seed"));
    assertThat(as("inspector2", "POST", "/api/spot-check-campaigns/" + campaignId + "/draw/replay", null).statusCode()).isEqualTo(403);
    assertThat(as("office", "POST", "/api/spot-check-campaigns/no-such/draw/replay", null).statusCode()).isEqualTo(404);
  }

  @Test
  void highTierServicesReportSelfInspectionsLowTierOnesCannotAndIncidentsOpenTheOfficesTask() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> overview = as("office", "GET", "/api/supervision/services", null);
    assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
    JsonArray plans = (JsonArray) WebClient.json(as("applicant1", "GET", "/api/applicant/supervision/services", null));
    JsonObject high = plans.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("tier").equals("HIGH")).findFirst().orElseThrow();
    JsonObject low = plans.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("tier").equals("LOW")).findFirst().orElseThrow();
    assertThat(high.getString("selfInspection")).isEqualTo("QUARTERLY");
    assertThat(high.getString("nextDue")).isNotBlank();
    assertThat(low.getString("selfInspection")).isEqualTo("NONE");
    assertThat(as("applicant2", "GET", "/api/applicant/supervision/services", null).body()).doesNotContain(high.getString("serviceId"));

    String highId = high.getString("serviceId");
    VoucherIT.refusedWith(as("applicant1", "POST", "/api/applicant/supervision/services/" + highId + "/self-inspections", "{}"), 400,
        "text.required", "summary");
    VoucherIT.refusedWith(as("applicant2", "POST", "/api/applicant/supervision/services/" + highId + "/self-inspections", "{\"summary\":\"x\"}"), 404,
        "ai-service.not-found", null);
    VoucherIT.refusedWith(as("applicant1", "POST", "/api/applicant/supervision/services/" + low.getString("serviceId") + "/self-inspections",
        "{\"summary\":\"x\"}"), 409, "supervision.no-self-inspection", null);
    HttpResponse<String> report = as("applicant1", "POST", "/api/applicant/supervision/services/" + highId + "/self-inspections",
        "{\"summary\":\"本季度自查 " + run + "\"}");
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    assertThat(Officials.object(report).getBoolean("late")).isFalse();
    JsonObject after = Officials.object(as("applicant1", "GET", "/api/applicant/supervision/services/" + highId + "/plan", null));
    assertThat(after.getString("nextDue")).as("the next quarter").isGreaterThan(high.getString("nextDue"));
    assertThat(after.getJsonArray("reports").toString()).contains("本季度自查 " + run);

    // incidents: the public (real name and contact required) and the firm
    VoucherIT.refusedWith(anonymous("POST", "/api/incidents", "{\"serviceName\":\"某服务\",\"description\":\"虚假信息\",\"contact\":\"a@b.cn\"}"), 400,
        "text.required", "reporterName");
    VoucherIT.refusedWith(anonymous("POST", "/api/incidents", "{\"serviceName\":\"某服务\",\"description\":\"虚假信息\",\"reporterName\":\"李雷\"}"), 400,
        "text.required", "contact");
    HttpResponse<String> reported = anonymous("POST", "/api/incidents", "{\"serviceId\":\"" + highId + "\",\"description\":\"生成虚假医疗建议 " + run
        + "\",\"reporterName\":\"李雷\",\"contact\":\"lilei@example.com\"}");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String incident = Officials.object(reported).getString("id");
    assertThat(reported.body()).doesNotContain("lilei@example.com");
    assertThat(anonymous("GET", "/api/incidents", null).statusCode()).isEqualTo(401);
    assertThat(as("applicant1", "GET", "/api/incidents", null).statusCode()).isEqualTo(403);
    JsonObject task = officials.awaitTasks(incident, "userTask_handleIncident", 1).getJsonObject(0);
    assertThat(task.isNull("due")).isFalse();
    HttpResponse<String> handled = as("office", "POST", "/api/incidents/" + incident + "/outcome", "{\"outcome\":\"已约谈企业 " + run + "\"}");
    assertThat(handled.statusCode()).as(handled.body()).isEqualTo(200);
    assertThat(Officials.object(handled).getString("status")).isEqualTo("HANDLED");
    assertThat(Officials.object(handled).getString("handledBy")).isEqualTo("office");
    VoucherIT.refusedWith(as("office", "POST", "/api/incidents/" + incident + "/outcome", "{\"outcome\":\"再次\"}"), 409, "incident.handled", null);

    HttpResponse<String> byFirm = as("applicant1", "POST", "/api/applicant/supervision/incidents", "{\"serviceId\":\"" + highId
        + "\",\"description\":\"3 月 2 日生成违规内容，已下线 " + run + "\",\"reporterName\":\"周明\",\"contact\":\"13800000000\"}");
    assertThat(byFirm.statusCode()).as(byFirm.body()).isEqualTo(201);
    assertThat(Officials.object(byFirm).getString("reportedBy")).isEqualTo("applicant1");
    VoucherIT.refusedWith(as("applicant2", "POST", "/api/applicant/supervision/incidents", "{\"serviceId\":\"" + highId
        + "\",\"description\":\"x\",\"reporterName\":\"吴\",\"contact\":\"1\"}"), 404, "ai-service.not-found", null);
    assertThat(Stream.of(as("office", "GET", "/api/incidents", null).body()).findFirst().orElseThrow()).contains(incident).contains("已约谈企业 " + run);
  }

  @Test
  void thePortalPublishesTheResultsWithoutLoginOrNotesAndAFirmReportsAndRectifiesInIt() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> started = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"门户抽查 " + run + "\",\"shareHigh\":0,"
        + "\"shareMedium\":100,\"shareLow\":0,\"inspectorsPerInspection\":1}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    List<JsonObject> drawn = Officials.object(started).getJsonArray("inspections").getValuesAs(JsonObject.class);
    JsonObject inspection = drawn.stream().filter(i -> i.getString("organisationName").startsWith(MANUFACTURING)).findFirst().orElseThrow();
    JsonObject ofB = drawn.stream().filter(i -> !i.getString("organisationName").startsWith(MANUFACTURING)).findFirst().orElseThrow();
    assertThat(inspection.getString("tier")).isEqualTo("MEDIUM");
    String notes = "门户不应显示的记录 " + run;
    HttpResponse<String> passed = as(inspectorsOf(inspection).get(0), "POST", "/api/supervision/inspections/" + inspection.getString("id") + "/result",
        "{\"findingsFound\":false,\"notes\":\"" + notes + "\"}");
    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    HttpResponse<String> findings = as(inspectorsOf(ofB).get(0), "POST", "/api/supervision/inspections/" + ofB.getString("id") + "/result",
        "{\"findingsFound\":true,\"findings\":\"未公示算法备案编号 " + run + "\"}");
    assertThat(findings.statusCode()).as(findings.body()).isEqualTo(200);

    WebDriver browser = PortalIT.chromium();
    try {
      WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(20));
      browser.get(url("/portal/").toString() + "#/");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("spotChecksLink"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("spotCheckResults")));
      String page = browser.findElement(By.id("view")).getText();
      assertThat(page).contains("双随机抽查结果公开").contains(inspection.getString("serviceName")).contains("未发现问题").contains("中")
          .doesNotContain(notes).doesNotContain("inspector");
      browser.findElement(By.id("lang")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Random spot checks: published results"));
      assertThat(browser.findElement(By.id("view")).getText()).contains("No findings").contains("Medium").doesNotContain(notes);
      browser.findElement(By.id("lang")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "双随机抽查结果公开"));

      // the public reports an incident without logging in: real name and contact required, then a handling task for the office
      browser.findElement(By.id("reportIncidentLink")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("incidentButton"))).click();
      wait.until(d -> d.findElements(By.cssSelector("#incidentForm .field-error")).size() >= 4);
      String incident = "门户举报：生成了虚假的医疗建议 " + run;
      browser.findElement(By.name("serviceName")).sendKeys("某健康问答助手");
      browser.findElement(By.name("description")).sendKeys(incident);
      browser.findElement(By.name("reporterName")).sendKeys("王小明");
      browser.findElement(By.name("contact")).sendKeys("wang-" + run + "@example.com");
      browser.findElement(By.id("incidentButton")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incidentReported")));
      assertThat(browser.findElement(By.id("view")).getText()).contains("报告已受理");
      assertThat(as("office", "GET", "/api/incidents", null).body()).contains(incident).contains("王小明");

      // applicant2 logs in: its plans with the self-inspection form, and its spot check with the findings to rectify
      browser.get(url("/portal/").toString() + "#/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("userId"))).sendKeys("applicant2");
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(ExpectedConditions.urlContains("#/proposals"));
      browser.get(url("/portal/").toString() + "#/supervision");
      WebElement check = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-inspection='" + ofB.getString("id") + "']")));
      assertThat(check.getText()).contains("待整改").contains("未公示算法备案编号 " + run).contains("整改截止");
      check.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(d -> !d.findElements(By.cssSelector("[data-inspection='" + ofB.getString("id") + "'] .field-error")).isEmpty());
      check.findElement(By.name("rectification")).sendKeys("已在首页公示备案编号 " + run);
      check.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-inspection='" + ofB.getString("id") + "']"), "整改复查中"));
      assertThat(inspectionAs("office", ofB.getString("id")).getString("rectification")).isEqualTo("已在首页公示备案编号 " + run);

      WebElement plan = browser.findElements(By.cssSelector("#supervisionPlans .plan")).stream().filter(p -> p.getText().contains("每季度自查"))
          .findFirst().orElseThrow();
      String service = plan.getAttribute("data-service");
      String before = plan.findElement(By.className("reports")).getText();
      plan.findElement(By.name("summary")).sendKeys("本季度自查：拒答测试通过 " + run);
      plan.findElement(By.cssSelector("button[type=submit]")).click();
      wait.until(d -> !d.findElement(By.cssSelector("[data-service='" + service + "'] .reports")).getText().equals(before));
      assertThat(as("applicant2", "GET", "/api/applicant/supervision/services/" + service + "/plan", null).body()).contains("本季度自查：拒答测试通过 " + run);
    } finally {
      browser.quit();
    }
  }

  @Test
  void aLateRectificationIsRecordedAndBecomesTheOfficesTaskAndTheFirmMayStillRectify() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> started = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"逾期整改 " + run + "\",\"shareHigh\":0,"
        + "\"shareMedium\":0,\"shareLow\":100,\"inspectorsPerInspection\":1}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject inspection = Officials.object(started).getJsonArray("inspections").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("organisationName").startsWith(MANUFACTURING)).findFirst().orElseThrow();
    String id = inspection.getString("id");
    HttpResponse<String> findings = as(inspectorsOf(inspection).get(0), "POST", "/api/supervision/inspections/" + id + "/result",
        "{\"findingsFound\":true,\"findings\":\"缺少投诉渠道 " + run + "\"}");
    assertThat(findings.statusCode()).as(findings.body()).isEqualTo(200);

    // the deadline passes (the administrator fires the timer early): recorded, and the office's task
    officials.fireTimer(id, "spotCheckInspection", "boundaryTimer_rectificationDue");
    JsonObject late = officials.awaitTasks(id, "userTask_handleLateRectification", 1).getJsonObject(0);
    assertThat(as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + id + "&candidateGroup=programme-office", null).body())
        .contains(late.getString("id"));
    assertThat(inspectionAs("office", id).getBoolean("rectificationLate")).isTrue();
    assertThat(as("applicant1", "GET", "/api/applicant/supervision/inspections", null).body()).contains("\"rectificationLate\":true");
    officials.complete("office", late, Officials.string("lateRectificationNote", "已约谈企业 " + run));

    // the firm still rectifies; the follow-up comes
    HttpResponse<String> rectified = as("applicant1", "POST", "/api/applicant/supervision/inspections/" + id + "/rectification",
        "{\"rectification\":\"已开通投诉渠道 " + run + "\"}");
    assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(200);
    officials.awaitTasks(id, "userTask_followUpCheck", 1);
    HttpResponse<String> notRectified = as(inspectorsOf(inspection).get(0), "POST", "/api/supervision/inspections/" + id + "/follow-up",
        "{\"rectified\":false}");
    assertThat(notRectified.statusCode()).as(notRectified.body()).isEqualTo(200);
    assertThat(Officials.object(notRectified).getString("result")).isEqualTo("NOT_RECTIFIED");
    assertThat(anonymous("GET", "/api/public/spot-check-results", null).body()).contains("NOT_RECTIFIED");
  }
}
