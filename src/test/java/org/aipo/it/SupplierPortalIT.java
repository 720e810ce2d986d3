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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A compute supplier's staff in the portal, in Chinese, in headless Chromium (issue 23): the supplier applies to be
 * listed without login (a wrong credit code is refused next to its field), logs in with the staff account it
 * created and sees its application pending; the office returns it for correction (over REST), the staff member
 * reads the office's note and corrects the application in the portal, the office lists it (over REST) and the
 * staff page and the public catalogue show it listed. Screenshots go to target/portal-screenshots.
 */
class SupplierPortalIT extends ServerItBase {

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

  private String errorAt(String name) {
    return wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("[name='" + name + "']"))
        .findElement(By.xpath("ancestor::label")).findElements(By.className("field-error")).stream().findFirst().map(WebElement::getText)
        .orElse(null));
  }

  private String status() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("listingStatus"))).getText();
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** The same code with a wrong check character. */
  private static String wrongCheckCharacter(String code) {
    char last = code.charAt(17);
    return code.substring(0, 17) + (last == '0' ? '1' : '0');
  }

  @Test
  void aSupplierAppliesIsReturnedCorrectsAndIsListedInChinese() throws Exception {
    String run = VoucherIT.run();
    String name = "门户服务商 " + run;
    String user = "ps" + run;
    String creditCode = VoucherIT.randomCreditCode();

    // without login: the catalogue on the home page, and the application form from it
    fresh("#/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supplierCatalogue")));
    assertThat(browser.findElement(By.id("supplierCatalogue")).getText()).contains("算力服务商目录").doesNotContain(name);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("applyListing"))).click();
    wait.until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals("算力服务商申请入库")));
    type("name", name);
    type("creditCode", wrongCheckCharacter(creditCode));
    type("legalRepresentative", "周九");
    type("shareholders", "周九");
    type("contactEmail", "bd@" + run + ".example");
    type("user.userId", user);
    type("user.name", "周九");
    type("user.password", "Supplier2026xy");
    browser.findElement(By.id("supplierApplyButton")).click();
    // the server's refusal, in Chinese, next to the field it names; nothing is stored
    assertThat(errorAt("creditCode")).contains("校验码");
    shot("supplier-1-credit-code-refused");
    type("creditCode", creditCode);
    browser.findElement(By.id("supplierApplyButton")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supplierApplied")));
    assertThat(browser.findElement(By.id("supplierApplied")).getText()).contains("入库申请已提交").contains(user);

    // the staff account logs in and lands on its application: pending
    browser.findElement(By.id("loginToFollow")).click();
    type("userId", user);
    type("password", "Supplier2026xy");
    browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("#/supplier"));
    assertThat(status()).isEqualTo("待审核");
    assertThat(browser.findElement(By.id("listingName")).getText()).isEqualTo(name);
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("navListing"))).getText()).isEqualTo("入库申请");
    assertThat(browser.findElement(By.id("navVouchers")).isDisplayed()).as("an applicant's pages are not a supplier's").isFalse();
    assertThat(browser.findElements(By.id("listingCorrectionForm"))).as("nothing to correct yet").isEmpty();
    shot("supplier-2-pending");

    // the office returns it for correction, with a note
    HttpResponse<String> applications = as("office", "GET", "/api/compute-suppliers/applications", null);
    assertThat(applications.statusCode()).isEqualTo(200);
    String supplierId = jakarta.json.Json.createReader(new java.io.StringReader(applications.body())).readArray().stream()
        .map(v -> v.asJsonObject()).filter(o -> o.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    HttpResponse<String> returned = as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision",
        "{\"decision\":\"RETURNED\",\"note\":\"请补充全部股东 " + run + "\"}");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

    fresh("#/supplier");
    assertThat(status()).isEqualTo("退回补正");
    assertThat(browser.findElement(By.id("listingNote")).getText()).contains("项目办意见").contains("请补充全部股东 " + run);
    assertThat(browser.findElement(By.id("correctionDueAt")).getText()).isNotBlank().isNotEqualTo("—");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("listingCorrectionForm")));
    assertThat(browser.findElements(By.cssSelector("#listingCorrectionForm [name='creditCode']"))).as("the credit code is not corrected").isEmpty();
    // a required field left empty is refused next to it, before anything is sent
    type("legalRepresentative", " ");
    browser.findElement(By.id("correctListingButton")).click();
    assertThat(errorAt("legalRepresentative")).isEqualTo("此项为必填项");
    type("legalRepresentative", "周九");
    type("shareholders", "周九，吴十");
    shot("supplier-3-returned");
    browser.findElement(By.id("correctListingButton")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("listingCorrected")));
    assertThat(status()).isEqualTo("待审核");
    assertThat(browser.findElement(By.id("listingShareholders")).getText()).isEqualTo("周九、吴十");
    assertThat(browser.findElements(By.id("listingCorrectionForm"))).isEmpty();

    // the office lists it; the staff page and the public catalogue show it
    HttpResponse<String> listed = as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"decision\":\"LISTED\",\"note\":\"资质齐全\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    fresh("#/supplier");
    assertThat(status()).isEqualTo("已入库");
    assertThat(browser.findElement(By.id("listingNote")).getText()).contains("资质齐全");
    shot("supplier-4-listed");
    fresh("#/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#supplierCatalogue li[data-supplier='" + supplierId + "']")));
    assertThat(browser.findElement(By.id("supplierCatalogue")).getText()).contains(name);
  }
}
