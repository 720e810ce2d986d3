package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The applicant portal in headless Chromium (Debian's chromium and chromedriver) against the started
 * server: a new organisation registers, drafts, saves, comes back, uploads, submits, answers a correction
 * request and reads its award with scores and comments; a second organisation cannot open its proposal; a
 * visitor without an account objects during the notice. Officials, experts and leadership act over REST.
 * Screenshots go to target/portal-screenshots.
 */
class PortalIT extends ServerItBase {

  private static final String FIELD = "life-sciences"; // no other test draws from this field's pool
  private static final List<String> EXPERTS = List.of("ec-zhao", "ec-qian", "ec-sun", "ec-li", "ec-zhou");
  private static final List<String> EXPERT_NAMES = List.of("赵养老", "钱养老", "孙养老", "李养老", "周养老");
  private static final Path SHOTS = Path.of("target", "portal-screenshots");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void setUp() throws Exception {
    browser = chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  static WebDriver chromium() {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1800",
        "--lang=zh-CN");
    // what navigator.languages reports (Tasklist picks its locale from it; the portal is Chinese anyway)
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    return new ChromeDriver(service, options);
  }

  private String portal(String hash) {
    return url("/portal/").toString() + hash;
  }

  private WebElement field(String name) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[name='" + name + "']")));
  }

  /** Types into the field, again if the page re-rendered it meanwhile. */
  private void type(String name, String text) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      WebElement input = d.findElement(By.cssSelector("[name='" + name + "']"));
      if (!input.isDisplayed()) {
        return false;
      }
      input.clear();
      input.sendKeys(text);
      return true;
    });
  }

  /** Waits until the page's heading says this (the page is rendered after its data arrived). */
  private void onPage(String heading) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(heading)));
  }

  /** The error shown next to the field (inside its label). */
  private String errorAt(String name) {
    return wait.until(d -> d.findElement(By.cssSelector("[name='" + name + "']")).findElement(By.xpath("ancestor::label"))
        .findElements(By.className("field-error")).stream().findFirst().map(WebElement::getText).orElse(null));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private void waitForText(String text) {
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  /** Loads the portal afresh at this page (a hash change alone keeps the page's state). */
  private void fresh(String hash) {
    browser.get("about:blank");
    browser.get(portal(hash));
  }

  private void logIn(String userId, String password) {
    fresh("#/login");
    type("userId", userId);
    type("password", password);
    browser.findElement(By.cssSelector("#loginForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("#/proposals"));
  }

  @Test
  void anApplicantWorksItsProposalInTheBrowserAndAVisitorObjects() throws Exception {
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    String call = officials.openCall("2026 智慧养老示范项目", FIELD);

    // registration: a wrong check character is shown next to its field, in Chinese; what was typed stays
    browser.get(portal("#/register"));
    type("name", "康养智能科技有限公司");
    String code = Applicants.creditCode("91310000MK1KKKKK7");
    char wrong = code.charAt(17) == '0' ? '1' : '0';
    type("creditCode", code.substring(0, 17) + wrong);
    type("contact.name", "陈经理");
    type("contact.phone", "021-5555 7777");
    type("contact.email", "chen@kangyang.example");
    type("user.userId", "ky-chen");
    type("user.name", "陈静");
    type("user.password", "Kangyang2026");
    browser.findElement(By.cssSelector("#registerForm button[type=submit]")).click();
    assertThat(errorAt("creditCode")).isEqualTo("校验码错误，请核对统一社会信用代码");
    assertThat(field("name").getAttribute("value")).isEqualTo("康养智能科技有限公司");
    shot("1-register-error");
    type("creditCode", code);
    type("user.password", "Kangyang2026");
    browser.findElement(By.cssSelector("#registerForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("#/proposals"));

    // a draft with script in its title, saved, left, and found again
    browser.get(portal("#/"));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/proposals/new/" + call + "']"))).click();
    onPage("2026 智慧养老示范项目");
    type("title", "居家养老陪护机器人 <script>alert(1)</script>");
    type("summary", "面向独居老人的陪护与跌倒监测");
    browser.findElement(By.cssSelector("#proposalForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches("#/proposals/[0-9a-f-]{36}$"));
    String id = browser.getCurrentUrl().replaceAll(".*#/proposals/", "");
    onPage("居家养老陪护机器人 <script>alert(1)</script>");
    assertThat(browser.findElements(By.cssSelector("h1 script"))).as("script shown as text, never run").isEmpty();
    browser.get(portal("#/proposals"));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#proposals a[href='#/proposals/" + id + "']"))).click();
    assertThat(field("summary").getAttribute("value")).isEqualTo("面向独居老人的陪护与跌倒监测");

    // a PDF by name only is refused next to the upload; a real one is listed
    Path fake = Files.writeString(Files.createTempFile("not-a-pdf", ".pdf"), "just text, renamed");
    field("file").sendKeys(fake.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#uploadForm button[type=submit]")).click();
    assertThat(errorAt("file")).contains("PDF");
    assertThat(browser.findElement(By.cssSelector("#documentKinds li[data-kind=application]")).getText()).contains("申报书", "必交", "缺少");
    Path pdf = Files.write(Files.createTempFile("plan", ".pdf"), Pdfs.of("plan"));
    new org.openqa.selenium.support.ui.Select(field("kind")).selectByValue("application");
    field("file").sendKeys(pdf.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#uploadForm button[type=submit]")).click();
    waitForText(pdf.getFileName().toString());
    Path budget = Files.write(Files.createTempFile("budget", ".pdf"), Pdfs.of("budget"));
    new org.openqa.selenium.support.ui.Select(field("kind")).selectByValue("budget");
    field("file").sendKeys(budget.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("#uploadForm button[type=submit]")).click();
    waitForText(budget.getFileName().toString());
    assertThat(browser.findElement(By.cssSelector("#documentKinds li[data-kind=budget]")).getText()).contains("已提交");

    // submitting an incomplete draft shows every missing field at once; then it is submitted
    browser.findElement(By.id("submit")).click();
    assertThat(errorAt("team")).isEqualTo("此项为必填项");
    assertThat(errorAt("technicalApproach")).isEqualTo("此项为必填项");
    shot("2-draft-errors");
    new org.openqa.selenium.support.ui.Select(field("field")).selectByValue(FIELD);
    type("technicalApproach", "多模态大模型与毫米波雷达");
    type("expectedOutcomes", "服务500户，跌倒响应小于1分钟");
    type("team", "八人，含护理专家");
    type("budget", "900000");
    type("coFunding", "300000");
    // issue 27: a measurable indicator is required to submit; a co-applicant and an exclusion with its reason
    type("indicators[0].name", "跌倒响应时间");
    type("indicators[0].unit", "秒");
    type("indicators[0].baseline", "300");
    type("indicators[0].target", "60");
    type("coApplicants[0].creditCode", Applicants.creditCode("91310000MR1RRRRR7"));
    type("coApplicants[0].name", "瑞康护理服务有限公司");
    type("exclusions[0].organisation", "某竞争养老科技公司");
    browser.findElement(By.id("save")).click();
    assertThat(errorAt("exclusions[0].reason")).as("a reason is required, shown at its input").isNotBlank();
    type("exclusions[0].reason", "直接竞争对手");
    browser.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(d -> d.findElement(By.id("status")).getText().equals("已提交"));

    // the office returns it for correction; the applicant answers in the portal
    officials.completeOne("office", id, "userTask_formalCheck", Officials.string("decision", "correction") + ","
        + Officials.string("reasons", "请补充数据来源及隐私保护措施"));
    browser.navigate().refresh();
    waitForText("请补充数据来源及隐私保护措施");
    shot("3-correction");
    type("dataSources", "社区养老服务中心数据（已脱敏，取得老人书面同意）");
    browser.findElement(By.id("submitCorrection")).click();
    wait.until(d -> d.findElement(By.id("status")).getText().equals("已提交"));
    officials.completeOne("office", id, "userTask_formalCheck", Officials.string("decision", "eligible"));

    // a session that expires mid-draft loses nothing: a second draft, cookie gone, log in again, saved
    browser.get(portal("#/proposals/new/" + call));
    onPage("2026 智慧养老示范项目");
    type("title", "智慧养老第二个项目");
    browser.findElement(By.cssSelector("#proposalForm button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches("#/proposals/[0-9a-f-]{36}$"));
    String second = browser.getCurrentUrl().replaceAll(".*#/proposals/", "");
    onPage("智慧养老第二个项目");
    type("summary", "会话过期前输入的内容");
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.findElement(By.id("save")).click();
    WebElement relogin = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reloginForm")));
    relogin.findElement(By.name("password")).sendKeys("Kangyang2026");
    relogin.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText("已保存。");
    assertThat(Officials.object(client.send("GET", "/api/applicant/proposals/" + second, null, null, "Authorization",
        WebClient.basic("ky-chen", "Kangyang2026"))).getString("summary")).isEqualTo("会话过期前输入的内容");

    // the call closes, experts review, leadership approves: the notice is public
    officials.fireTimer(call, "demonstrationCall", "timerEvent_callCloses");
    officials.review(call, Map.of("居家养老陪护机器人 <script>alert(1)</script>", new int[] {26, 21, 21, 17}), "面向独居老人的陪护与跌倒监测");
    officials.completeOne("leader", call, "userTask_approveAwards", Officials.string("decision", "approve"));

    // a visitor without an account objects; the name is required and the error sits next to it
    browser.manage().deleteAllCookies();
    fresh("#/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/notices/" + call + "']"))).click();
    waitForText("居家养老陪护机器人");
    type("contact", "13900000000");
    type("grounds", "该项目团队成员与实际不符");
    browser.findElement(By.cssSelector("#objectionForm button[type=submit]")).click();
    assertThat(errorAt("name")).isEqualTo("此项为必填项");
    type("name", "刘七");
    browser.findElement(By.cssSelector("#objectionForm button[type=submit]")).click();
    waitForText("异议已受理");
    shot("4-objection");
    officials.completeOne("office", call, "userTask_answerObjection", Officials.string("decision", "dismissed") + ","
        + Officials.string("answer", "经核实，团队信息属实"));
    officials.fireTimer(call, "demonstrationCall", "timerEvent_noticeEnds");

    // the applicant reads the award with scores and comments, never an expert's name
    logIn("ky-chen", "Kangyang2026");
    browser.get(portal("#/proposals/" + id));
    waitForText("已立项");
    waitForText("第1项评语");
    String page = text();
    assertThat(page).contains("综合得分", "专家 1 Expert 1", "600,000");
    EXPERTS.forEach(e -> assertThat(page).doesNotContain(e));
    EXPERT_NAMES.forEach(n -> assertThat(page).doesNotContain(n));
    shot("5-outcome");
    browser.findElement(By.id("lang")).click();
    waitForText("Awarded");
    assertThat(text()).contains("Outcome", "Experts' scores and comments");
    shot("6-outcome-en");
    browser.findElement(By.id("lang")).click();

    // a second organisation cannot open the first one's proposal
    assertThat(client.send("POST", "/api/applicant/organisations", "application/json", Applicants.registration("另一家养老公司",
        Applicants.creditCode("91310000ML1LLLLL8"), "ky-other", "Another2026x", "o@other.example")).statusCode()).isEqualTo(201);
    browser.findElement(By.id("logout")).click();
    logIn("ky-other", "Another2026x");
    fresh("#/proposals/" + id);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
    assertThat(text()).contains("未找到该申报书").doesNotContain("居家养老陪护机器人");
    shot("7-other-organisation");
  }
}
