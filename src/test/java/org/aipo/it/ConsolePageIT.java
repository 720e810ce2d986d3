package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's page /console/ in headless Chromium (issue 28): the office logs in with the Tasklist login, filters a
 * call to its pending formal checks, selects ten, completes them in bulk with a Chinese comment and reads each result,
 * and downloads the ranking (its bytes and headers read through the page's own session).
 */
class ConsolePageIT extends ServerItBase {

  @Test
  void theOfficeFiltersACallSelectsTenChecksCompletesThemInBulkInChineseAndDownloadsTheRanking() throws Exception {
    String unique = Long.toString(System.nanoTime(), 36);
    String call = Consoles.openCall(officials, "工作台页面 " + unique);
    String org = "page-" + unique;
    Consoles.register(client, unique, org);
    List<String> proposals = Consoles.submit(client, call, org, 12);
    await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
        .until(() -> Officials.object(as("office", "GET", "/api/console/calls/" + call + "/proposals?openTask=true", null))
            .getJsonArray("proposals").size() == 12);
    // one proposal already checked: the filter must leave it out
    String checkedTask = Officials.object(as("office", "GET", "/api/console/calls/" + call + "/proposals?q=" + proposals.get(11), null))
        .getJsonArray("proposals").getJsonObject(0).getString("taskId");
    officials.complete("office", Officials.object(as("admin", "GET", "/engine-rest/task/" + checkedTask, null)),
        Officials.string("decision", "eligible"));

    // a spot-check campaign, for the page's second overview
    java.net.http.HttpResponse<String> campaign = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"工作台页面抽查 " + unique
        + "\",\"shareHigh\":100,\"shareMedium\":0,\"shareLow\":0,\"inspectorsPerInspection\":2}");
    assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
    String campaignId = Officials.object(campaign).getString("id");
    int drawn = Officials.object(campaign).getJsonArray("inspections").size();

    WebDriver browser = PortalIT.chromium();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(url("/console/?call=" + call).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("userId"))).sendKeys("office");
      assertThat(browser.findElement(By.cssSelector("#loginForm h1")).getText()).contains("项目办工作台");
      browser.findElement(By.name("password")).sendKeys("demo");
      // a login the throttle refuses (429, here answered by a stand-in for the webapps' login: no real failures are
      // sent, they would refuse this whole test run) says so in Chinese, with the wait from Retry-After
      ((JavascriptExecutor) browser).executeScript("window.realFetch = window.fetch; window.fetch = (url, options) => String(url).includes('/login/')"
          + " ? Promise.resolve(new Response('{}', { status: 429, headers: { 'Retry-After': '90' } })) : window.realFetch(url, options);");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loginError"), "登录失败次数过多"));
      assertThat(browser.findElement(By.id("loginError")).getText()).contains("90 秒");
      ((JavascriptExecutor) browser).executeScript("window.fetch = window.realFetch;");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(d -> d.findElements(By.cssSelector("#proposals tr[data-proposal]")).size() == 12);
      assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("office");

      new Select(browser.findElement(By.id("formalCheck"))).selectByValue("PENDING");
      new Select(browser.findElement(By.id("sort"))).selectByValue("title");
      browser.findElement(By.id("apply")).click();
      wait.until(d -> d.findElements(By.cssSelector("#proposals tr[data-proposal]")).size() == 11);
      assertThat(browser.findElement(By.id("proposals")).getText()).contains("待审查", "形式审查").doesNotContain("符合条件");

      List<WebElement> boxes = browser.findElements(By.cssSelector("#proposals input.pick"));
      assertThat(boxes).hasSize(11);
      for (WebElement box : boxes.subList(0, 10)) {
        box.click();
      }
      assertThat(browser.findElement(By.id("selectedCount")).getText()).isEqualTo("已选 10 件任务");
      assertThat(new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getText()).isEqualTo("形式审查：符合条件");
      String comment = "材料齐全，批量审查通过 " + unique;
      browser.findElement(By.id("comment")).sendKeys(comment);
      browser.findElement(By.id("bulk")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulkSummary"), "成功 10 件，失败 0 件"));
      assertThat(browser.findElements(By.cssSelector("#results li.succeeded"))).hasSize(10);
      assertThat(browser.findElement(By.id("results")).getText()).contains("已办理");
      // the page reloads the filtered list: one pending check is left
      wait.until(d -> d.findElements(By.cssSelector("#proposals tr[data-proposal]")).size() == 1);

      JsonObject overview = Officials.object(as("office", "GET", "/api/console/calls/" + call + "/proposals", null));
      assertThat(overview.getJsonObject("byStatus").getInt("ELIGIBLE")).isEqualTo(11);
      assertThat(overview.getJsonObject("byStatus").getInt("SUBMITTED")).isEqualTo(1);
      int withComment = 0;
      for (String id : proposals) {
        JsonArray timeline = (JsonArray) WebClient.json(client.send("GET", "/api/applicant/proposals/" + id + "/timeline", null, null,
            "Authorization", WebClient.basic(org, Consoles.PASSWORD)));
        for (JsonValue step : timeline) {
          if (step.asJsonObject().getString("action").equals("proposal.formal-check.eligible") && comment.equals(step.asJsonObject().getString("detail", ""))) {
            withComment++;
          }
        }
      }
      assertThat(withComment).as("one audit record with the common comment per task done in bulk").isEqualTo(10);

      // the ranking's download, fetched with the page's own session: the .xlsx, its headers and its Chinese header row
      String href = browser.findElement(By.id("rankingXlsx")).getAttribute("href");
      assertThat(href).endsWith("/api/console/calls/" + call + "/ranking/export?format=xlsx");
      @SuppressWarnings("unchecked")
      Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0], { credentials: 'same-origin' }).then(async r => {"
          + "  const bytes = new Uint8Array(await r.arrayBuffer()); let s = ''; bytes.forEach(b => s += String.fromCharCode(b));"
          + "  done({ status: r.status, type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'), body: btoa(s) });"
          + "}).catch(e => done({ status: -1, type: String(e) }));", href);
      assertThat(((Number) download.get("status")).intValue()).as(String.valueOf(download.get("type"))).isEqualTo(200);
      assertThat((String) download.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat((String) download.get("disposition")).startsWith("attachment").contains("ranking-" + call).contains(".xlsx");
      byte[] xlsx = Base64.getDecoder().decode((String) download.get("body"));
      assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a ZIP (OOXML)").isEqualTo("PK");
      try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
        List<Row> rows = workbook.getFirstSheet().read();
        assertThat(rows.get(0).getCellText(0)).startsWith("领域");
        assertThat(rows.get(0).getCellText(1)).startsWith("领域内排名");
        assertThat(rows.get(0).getCellText(rows.get(0).getCellCount() - 3)).startsWith("总分");
        assertThat(rows).as("nothing reviewed yet: the header only").hasSize(1);
      }

      // the campaign's overview in Chinese, filtered in the page, with its export
      browser.get(url("/console/?call=" + call + "&round=spot-check-campaign:" + campaignId).toString());
      wait.until(d -> d.findElements(By.cssSelector("#roundItems tr[data-item]")).size() == drawn);
      assertThat(browser.findElement(By.cssSelector("#roundsCard h2")).getText()).isEqualTo("场景征集、算力券与抽查一览");
      assertThat(browser.findElement(By.cssSelector("#roundItems thead")).getText()).contains("服务", "检查人员", "检查结论", "待办任务");
      assertThat(browser.findElements(By.cssSelector("#roundItems td.status"))).allSatisfy(td -> assertThat(td.getText()).isEqualTo("待检查"));
      assertThat(browser.findElements(By.cssSelector("#roundItems a[href*='/camunda/app/tasklist/default/#/?task=']"))).hasSize(drawn);
      assertThat(browser.findElement(By.id("campaignXlsx")).getAttribute("href"))
          .contains("/api/console/spot-check-campaigns/" + campaignId + "/results/export?").endsWith("format=xlsx");
      assertThat(browser.findElement(By.id("campaignXlsx")).getText()).isEqualTo("导出抽查结果（Excel）");
      new Select(browser.findElement(By.id("roundStatus"))).selectByValue("CLOSED");
      browser.findElement(By.id("roundApply")).click();
      wait.until(d -> d.findElements(By.cssSelector("#roundItems tr[data-item]")).isEmpty());
      assertThat(browser.findElement(By.id("roundSummary")).getText()).isEqualTo("共 " + drawn + " 项，显示 0 项");
    } finally {
      browser.quit();
    }
  }

  /**
   * A voucher round's overview: a pool for two vouchers, three applications waiting for the office's review; all three
   * selected and approved in bulk in Chinese: two succeed, one is refused with the pool's message, the pool is empty.
   */
  @Test
  void theOfficeApprovesAVoucherRoundsApplicationsInBulkFromTheRoundOverviewAndThePoolRefusesTheThird() throws Exception {
    String run = VoucherIT.run();
    java.net.http.HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"工作台批量审核 " + run
        + "\",\"programme\":\"VOUCHER\",\"poolTotal\":20000,\"validUntil\":\""
        + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(30).withNano(0)
        + "\",\"expertThreshold\":1000000,\"reminderDays\":10}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");
    java.net.http.HttpResponse<String> supplier = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"工作台智算 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"周九\",\"shareholders\":[\"周九\"],\"contactEmail\":\"bd@page.example\"}");
    assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(201);
    String supplierId = Officials.object(supplier).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true,\"note\":\"资质齐全\"}").statusCode())
        .isEqualTo(200);
    String user = "vp" + run;
    java.net.http.HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("工作台算力企业 " + run,
        VoucherIT.randomCreditCode(), user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      // 20 % of 50,000 = 10,000 each: the pool of 20,000 holds two
      java.net.http.HttpResponse<String> applied = asUser(user, "secret12345", "POST", "/api/applicant/vouchers",
          VoucherIT.application(round, supplierId, 50_000, "none"));
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
      officials.awaitTasks(Officials.object(applied).getString("id"), "userTask_reviewVoucher", 1);
    }

    WebDriver browser = PortalIT.chromium();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(url("/console/?round=voucher-round:" + round).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("userId"))).sendKeys("office");
      browser.findElement(By.name("password")).sendKeys("demo");
      browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(d -> d.findElements(By.cssSelector("#roundItems input.roundPick")).size() == 3);
      assertThat(new Select(browser.findElement(By.id("roundKind"))).getOptions()).extracting(WebElement::getText)
          .containsExactly("批量同意", "认领", "退回认领");
      browser.findElement(By.id("roundSelectAll")).click();
      assertThat(browser.findElement(By.id("roundSelected")).getText()).isEqualTo("已选 3 件任务");
      assertThat(browser.findElements(By.cssSelector("#roundItems input.roundPick"))).allSatisfy(box -> assertThat(box.isSelected()).isTrue());
      new Select(browser.findElement(By.id("roundKind"))).selectByValue("voucher-approve");
      browser.findElement(By.id("roundComment")).sendKeys("材料齐全，批量同意 " + run);
      browser.findElement(By.id("roundBulk")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roundBulkSummary"), "成功 2 件，失败 1 件"));
      assertThat(browser.findElements(By.cssSelector("#roundResults li.succeeded"))).hasSize(2)
          .allSatisfy(li -> assertThat(li.getText()).contains("已办理"));
      List<WebElement> failed = browser.findElements(By.cssSelector("#roundResults li.failed"));
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).getText()).contains("资金池余额 0.00 元");
      // the overview reloaded: two issued, one still waiting with its task open
      wait.until(d -> d.findElements(By.cssSelector("#roundItems tr[data-status=ISSUED]")).size() == 2);
      assertThat(browser.findElements(By.cssSelector("#roundItems tr[data-status=APPLIED] input.roundPick"))).hasSize(1);
      assertThat(browser.findElement(By.id("roundSelected")).getText()).isEqualTo("已选 0 件任务");
    } finally {
      browser.quit();
    }
    JsonObject view = Officials.object(as("office", "GET", "/api/voucher-rounds/" + round, null));
    assertThat(view.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("0");
    assertThat(view.getJsonObject("issued").getInt("count")).isEqualTo(2);
  }
}
