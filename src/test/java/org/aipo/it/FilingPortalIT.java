package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * AI-service filing in the applicant portal, in Chinese, in headless Chromium (issue 24): a firm registers a service
 * (a malformed model filing number refused next to its field), reads the route and tier the rules gave it, uploads
 * an assessment report and submits the readiness self-assessment, sees the unmet threshold; the office returns it
 * (over REST) and the corrected self-assessment meets every threshold; once the office sent it forward, the firm
 * records the granted number (a malformed one refused next to the field). Screenshots go to target/portal-screenshots.
 */
class FilingPortalIT extends ServerItBase {

  private static final Path SHOTS = Path.of("target", "portal-screenshots");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void setUp() throws Exception {
    browser = PortalIT.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void fresh(String hash) {
    browser.get("about:blank");
    browser.get(url("/portal/").toString() + hash);
  }

  private WebElement field(String name) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[name='" + name + "']")));
  }

  private void type(String name, String text) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement input = d.findElement(By.cssSelector("[name='" + name + "']"));
      if (!input.isDisplayed()) {
        return false;
      }
      input.clear();
      input.sendKeys(text);
      return true;
    });
  }

  private void tick(String name) {
    WebElement box = field(name);
    if (!box.isSelected()) {
      box.click();
    }
  }

  private String errorAt(String name) {
    return wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("[name='" + name + "']"))
        .findElement(By.xpath("ancestor::label")).findElements(By.className("field-error")).stream().findFirst().map(WebElement::getText)
        .orElse(null));
  }

  private String text(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private void fillReadiness(int keywords) {
    String[][] figures = {{"corpusSampled", "4200"}, {"corpusAcceptablePct", "97.5"}, {"contentBank", "2400"}, {"contentSampled", "1200"},
        {"contentAcceptablePct", "93.5"}, {"refuseBank", "600"}, {"refuseSampled", "320"}, {"refusalPct", "96.2"}, {"answerBank", "600"},
        {"answerSampled", "320"}, {"wrongRefusalPct", "3.1"}, {"keywords", Integer.toString(keywords)}};
    for (String[] figure : figures) {
      type(figure[0], figure[1]);
    }
  }

  @Test
  void aFirmRegistersAServiceAndSelfAssessesInChinese() throws Exception {
    String run = VoucherIT.run();
    String user = "fp" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("门户AI企业 " + run,
        VoucherIT.randomCreditCode(), user, "Portal2026xy", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    fresh("#/login");
    type("userId", user);
    type("password", "Portal2026xy");
    browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("#/proposals"));
    WebElement nav = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("navAiServices")));
    assertThat(nav.getText()).isEqualTo("我的AI服务");
    nav.click();
    wait.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("我的 AI 服务")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("尚未登记 AI 服务");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("registerAiService"))).click();

    // a malformed third-party filing number is refused next to its field, in Chinese
    String name = "门户政务助手 " + run;
    type("name", name);
    type("purpose", "为市民解答办事指南问题");
    type("usersReached", "50000");
    tick("publicFacing");
    tick("publicOpinion");
    new Select(field("fields")).selectByValue("digital-government");
    type("models[0].modelName", "门户示例模型");
    type("models[0].provider", "示例模型公司");
    type("models[0].filingNumber", "备案123");
    browser.findElement(By.id("registerAiServiceButton")).click();
    assertThat(errorAt("models[0].filingNumber")).contains("备案号格式不正确");
    shot("filing-01-bad-number");

    // the firm's own model: algorithm filing, then large-model filing; medium risk
    field("models[0].filingNumber").clear();
    type("models[0].provider", "本单位");
    tick("models[0].ownModel");
    browser.findElement(By.id("registerAiServiceButton")).click();
    wait.until(ExpectedConditions.urlMatches("#/ai-services/[0-9a-f-]{36}$"));
    assertThat(text("filingRoute")).isEqualTo("算法备案后大模型备案");
    assertThat(text("riskTier")).isEqualTo("中风险");
    assertThat(text("tierReason")).contains("舆论属性");
    assertThat(text("aiServiceStatus")).isEqualTo("备案指导中");
    String service = browser.getCurrentUrl().replaceAll(".*#/ai-services/", "");

    // an assessment report, then the self-assessment with one threshold unmet
    Path pdf = Files.createDirectories(Path.of("target", "filing-portal-files")).resolve("安全评估报告.pdf");
    Files.write(pdf, Pdfs.of("security assessment " + run));
    field("file").sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.id("uploadAiReport")).click();
    wait.ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("#aiReportList li")).stream().anyMatch(li -> li.getText().contains("安全评估报告.pdf")));
    fillReadiness(9000);
    browser.findElement(By.id("selfAssessButton")).click();
    String summary = wait.ignoring(StaleElementReferenceException.class).until(d -> {
      String shown = d.findElement(By.id("readinessSummary")).getText();
      return shown.isEmpty() ? null : shown;
    });
    assertThat(summary).isEqualTo("1 项未达标。");
    assertThat(browser.findElement(By.cssSelector("#readinessChecks tr[data-key='keywords']")).getText()).contains("关键词库条数").contains("9000")
        .contains("≥ 10000").contains("未达标");
    shot("filing-02-self-assessment");

    // the office returns it for correction (Tasklist's REST API); the corrected figures meet every threshold
    officials.completeOne("office", service, "userTask_preReviewFiling", Officials.string("forwarded", "false") + ","
        + Officials.string("preReviewNote", "关键词库不足一万条"));
    fresh("#/ai-services/" + service);
    fillReadiness(12000);
    browser.findElement(By.id("selfAssessButton")).click();
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("readinessSummary")).getText().equals("全部达标。"));
    assertThat(browser.findElements(By.cssSelector("#readinessChecks tr[data-met='false']"))).isEmpty();
    assertThat(officials.awaitTasks(service, "userTask_preReviewFiling", 1)).hasSize(1);
    shot("filing-03-corrected");

    // the office sends it forward (REST); the firm records the number it was granted, checked for form
    officials.completeOne("office", service, "userTask_preReviewFiling", Officials.string("forwarded", "true") + ","
        + Officials.string("preReviewNote", "已补正"));
    fresh("#/ai-services/" + service);
    type("number", "备案123");
    browser.findElement(By.id("filingResultButton")).click();
    assertThat(errorAt("number")).contains("备案号格式不正确");
    String number = "Hubei-Portal" + run.replaceAll("[^A-Za-z0-9]", "") + "-20270415S0001";
    type("number", number);
    browser.findElement(By.id("filingResultButton")).click();
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("aiServiceStatus")).getText().equals("已备案"));
    assertThat(text("filingNumber")).isEqualTo(number);
    assertThat(browser.findElements(By.id("readinessForm"))).as("no more self-assessment once filed").isEmpty();
    shot("filing-04-filed");

    // the list shows the service with its route, tier and status
    fresh("#/ai-services");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#aiServices tr[data-id='" + service + "']"))).getText())
        .contains(name).contains("算法备案后大模型备案").contains("中风险").contains("已备案").contains(number);
  }
}
