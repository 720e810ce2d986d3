package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
 * Compute vouchers in the applicant portal, in Chinese, in headless Chromium (issue 23): the public sees the
 * round's aggregates without login; a firm applies (refused at once, next to the field, for a related supplier),
 * is approved by the office (over REST), uploads contract, invoice and usage record as PDFs (a file that is no PDF
 * is refused by name), redeems, and after the office's verification (over REST) reads what was paid and why.
 * Screenshots go to target/portal-screenshots.
 */
class VoucherPortalIT extends ServerItBase {

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

  private void choose(String name, String value) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      new Select(d.findElement(By.cssSelector("select[name='" + name + "']"))).selectByValue(value);
      return true;
    });
  }

  private String errorAt(String name) {
    return wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("[name='" + name + "']"))
        .findElement(By.xpath("ancestor::label")).findElements(By.className("field-error")).stream().findFirst().map(WebElement::getText)
        .orElse(null));
  }

  private void waitForText(String text) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  private String status() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voucherStatus"))).getText();
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String supplier(String name, String legalRepresentative) throws Exception {
    HttpResponse<String> applied = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"" + name + "\",\"creditCode\":\"" + VoucherIT.randomCreditCode()
        + "\",\"legalRepresentative\":\"" + legalRepresentative + "\",\"shareholders\":[\"" + legalRepresentative + "\"],\"contactEmail\":\"p@compute.example\"}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String id = Officials.object(applied).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + id + "/decision", "{\"listed\":true}").statusCode()).isEqualTo(200);
    return id;
  }

  @Test
  void aFirmAppliesForAVoucherAndRedeemsItWithPdfsInChinese() throws Exception {
    String run = VoucherIT.run();
    String roundName = "门户算力券 " + run;
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"" + roundName + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":2000000,\"validUntil\":\"" + OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).withNano(0)
        + "\",\"expertThreshold\":1000000,\"reminderDays\":30}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String round = Officials.object(opened).getString("id");
    String cloud = supplier("门户智算云 " + run, "赵云");
    String related = supplier("门户关联算力 " + run, "林峰");
    String user = "vp" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("门户算力企业 " + run,
        VoucherIT.randomCreditCode(), user, "Portal2026xy", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    // the public sees the round in aggregate without logging in
    fresh("#/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#voucherAggregates tr[data-round='" + round + "']")));
    assertThat(browser.findElement(By.id("voucherRounds")).getText()).contains("算力券批次").contains(roundName);

    fresh("#/login");
    type("userId", user);
    type("password", "Portal2026xy");
    browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("#/proposals"));
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("navVouchers"))).getText()).isEqualTo("我的算力券");
    fresh("#/vouchers");
    wait.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("我的算力券")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("暂无算力券申请");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("applyVoucher"))).click();

    // a related supplier (same legal representative) is refused at once, next to the field, in Chinese
    field("model");
    choose("roundId", round);
    choose("supplierId", related);
    type("model", "门户行业大模型 7B");
    type("gpuHours", "20000");
    type("expectedValue", "600000");
    choose("achievementLevel", "filed");
    type("legalRepresentative", "林峰");
    type("shareholders", "林峰，某投资有限公司");
    browser.findElement(By.id("applyButton")).click();
    assertThat(errorAt("supplierId")).contains("关联");
    shot("voucher-01-related-party");

    choose("supplierId", cloud);
    browser.findElement(By.id("applyButton")).click();
    wait.until(ExpectedConditions.urlMatches("#/vouchers/[0-9a-f-]{36}$"));
    assertThat(status()).isEqualTo("审核中");
    String voucher = browser.getCurrentUrl().replaceAll(".*#/vouchers/", "");
    assertThat(browser.findElement(By.id("voucherAmount")).getText()).isEqualTo("180,000");

    // the office approves (Tasklist's REST API)
    officials.completeOne("office", voucher, "userTask_reviewVoucher", Officials.string("approved", "true") + "," + Officials.string("comment", "同意"));
    fresh("#/vouchers/" + voucher);
    assertThat(status()).isEqualTo("已发券，待兑付");

    // the redemption needs the files first
    type("contractNumber", "HT-P-" + run);
    type("contractValue", "500000");
    type("invoices[0].number", "INV-P-" + run);
    type("invoices[0].amount", "300000");
    type("usage[0].period", "2027-05");
    type("usage[0].gpuHours", "10000");
    type("usage[0].value", "300000");
    browser.findElement(By.id("redeemButton")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    waitForText("兑付须附合同");

    // a file that is no PDF is refused by its name; the PDFs are listed
    Path dir = Files.createDirectories(Path.of("target", "voucher-portal-files"));
    Path fake = dir.resolve("合同扫描件.pdf");
    Files.write(fake, "这不是 PDF".getBytes(StandardCharsets.UTF_8));
    field("file").sendKeys(fake.toAbsolutePath().toString());
    browser.findElement(By.id("uploadVoucherFile")).click();
    assertThat(errorAt("file")).contains("合同扫描件.pdf").contains("PDF");
    String[][] files = {{"contract", "合同.pdf"}, {"invoice", "发票.pdf"}, {"usage", "用量记录.pdf"}};
    for (String[] file : files) {
      Path pdf = dir.resolve(file[1]);
      Files.write(pdf, Pdfs.of(file[0] + " " + run));
      choose("kind", file[0]);
      field("file").sendKeys(pdf.toAbsolutePath().toString());
      browser.findElement(By.id("uploadVoucherFile")).click();
      wait.ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElements(By.cssSelector("#voucherFileList li")).stream().anyMatch(li -> li.getText().contains(file[1])));
    }
    assertThat(browser.findElements(By.cssSelector("#voucherFileList li"))).hasSize(3);
    assertThat(browser.findElement(By.cssSelector("#voucherFileList li[data-kind='contract'] a")).getAttribute("href")).contains("/api/voucher-files/");
    shot("voucher-02-files");

    // what was typed is still there; the redemption goes in
    assertThat(field("contractNumber").getAttribute("value")).isEqualTo("HT-P-" + run);
    browser.findElement(By.id("redeemButton")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("voucherStatus")).getText().equals("兑付材料核验中"));

    // the office verifies 250,000: 30 % is paid, the rest of the reserve returns to the pool
    officials.completeOne("office", voucher, "userTask_verifyRedemption", Officials.string("verified", "true")
        + ",\"verifiedValue\":{\"value\":250000,\"type\":\"Double\"}," + Officials.string("comment", "核定 250000 元"));
    fresh("#/vouchers/" + voucher);
    assertThat(status()).isEqualTo("已兑付");
    assertThat(browser.findElement(By.id("paidAmount")).getText()).isEqualTo("75,000");
    assertThat(browser.findElement(By.id("paidWhy")).getText()).contains("30%").contains("250,000");
    assertThat(browser.findElement(By.id("payment")).getText()).contains("105,000");
    shot("voucher-03-paid");

    fresh("#/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#voucherAggregates tr[data-round='" + round + "'] td.redeemed")));
    assertThat(browser.findElement(By.cssSelector("#voucherAggregates tr[data-round='" + round + "'] td.redeemed")).getText()).isEqualTo("1 张 / 75,000 元");
  }
}
