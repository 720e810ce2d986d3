package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in Chinese, in headless Chromium asking for zh-CN: the programme office opens its
 * formal-check filter, claims and completes a formal check through its form; an expert opens "my reviews"
 * and submits a scoring form; the results are checked through the REST API.
 */
class TasklistIT extends ServerItBase {

  private static final Path SHOTS = Path.of("target", "tasklist-screenshots");
  private static final String FIELD = "integrated-circuits"; // no other test draws from this field's pool
  private static final java.util.List<String> EXPERTS = java.util.List.of("tl-zhao", "tl-qian", "tl-sun");
  private static final java.util.List<String> EXPERT_NAMES = java.util.List.of("赵气象", "钱气象", "孙气象");

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void setUp() throws Exception {
    browser = PortalIT.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String tasklist() {
    return url("/camunda/app/tasklist/").toString();
  }

  /**
   * Logs in through Tasklist's login page and waits until the page has left it. The login form may be
   * rendered again while it loads, so the fields are typed until they hold the text; a login whose page
   * is still the form after the wait is tried once more (a screenshot keeps what the page showed).
   */
  private void logIn(String user) throws Exception {
    for (int attempt = 1; ; attempt++) {
      browser.manage().deleteAllCookies();
      browser.get(tasklist());
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("登录"));
      type(By.cssSelector("input:not([type=password]):not([type=hidden])"), user);
      type(By.cssSelector("input[type=password]"), "demo");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        // the form goes away while it is looked at: a field gone stale is a field gone
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
            .until(d -> d.findElements(By.cssSelector("input[type=password]")).stream().noneMatch(WebElement::isDisplayed));
        return;
      } catch (org.openqa.selenium.TimeoutException stillOnTheForm) {
        shot("login-" + user + "-" + attempt);
        if (attempt == 2) {
          throw new AssertionError(user + " is still on Tasklist's login page: " + browser.findElement(By.tagName("body")).getText(), stillOnTheForm);
        }
      }
    }
  }

  private void click(By by) {
    // a long form puts the button under Tasklist's footer: scrolled to the middle first, and tried again if covered
    wait.ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      WebElement element = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (element == null) {
        return false;
      }
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
      element.click();
      return true;
    });
  }

  private By text(String text) {
    return By.xpath("//*[normalize-space(text())='" + text + "']");
  }

  private void openFilter(String name) {
    click(By.xpath("//*[contains(@class,'filters')]//*[contains(normalize-space(.),'" + name + "') and (self::a or self::h4 or self::span)]"));
  }

  /** Opens the task of this name whose list entry shows this text (a variable of the filter). */
  private void openTask(String taskName, String shows) {
    click(By.xpath("//li[contains(., '" + shows + "')]//a[normalize-space(.)='" + taskName + "']"));
  }

  private void claimIfNeeded() {
    wait.until(d -> !d.findElements(By.cssSelector("form, .fjs-form")).isEmpty());
    java.util.List<WebElement> claim = browser.findElements(text("认领"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
    }
  }

  /** Types into the field until it holds the text (the form may re-render while it loads). */
  private void type(By by, String text) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement field = d.findElement(by);
      if (!text.equals(field.getAttribute("value"))) {
        field.clear();
        field.sendKeys(text);
      }
      return text.equals(d.findElement(by).getAttribute("value"));
    });
  }

  private void complete() {
    click(By.xpath("//button[normalize-space(.)='完成']"));
  }

  private JsonObject json(HttpResponse<String> response) {
    return (JsonObject) WebClient.json(response);
  }

  @Test
  void officialsAndExpertsWorkTheirTasksInChinese() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    // a call of its own (other tests leave theirs open), and a proposal of the demo applicant to it
    String callTitle = "巡检机器人征集 " + run;
    String call = officials.openCall(callTitle, "robotics");
    String title = "巡检机器人 " + run;
    HttpResponse<String> drafted = client.send("POST", "/api/applicant/proposals", "application/json", "{\"callId\":\"" + call + "\",\"title\":\""
        + title + "\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\",\"team\":\"m\","
        + "\"budget\":100000}", "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = json(drafted).getString("id");
    Pdfs.attachRequired(client, "applicant1", "demo", proposal);
    assertThat(client.send("POST", "/api/applicant/proposals/" + proposal + "/submit", null, null, "Authorization",
        WebClient.basic("applicant1", "demo")).statusCode()).isEqualTo(200);

    // the programme office: its formal-check filter, the task with applicant and call, claim, the form, complete
    logIn("office");
    openFilter("形式审查 Formal checks");
    try {
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(callTitle));
    } finally {
      shot("0-formal-check-filter");
    }
    assertThat(browser.findElement(By.tagName("body")).getText()).as("the filter shows call and applicant").contains("申报单位", "征集");
    openTask("形式审查", callTitle);
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(title));
    claimIfNeeded();
    click(By.xpath("//label[contains(normalize-space(.),'符合条件 Eligible')]"));
    shot("1-formal-check-zh");
    complete();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(json(client.send("GET", "/api/applicant/proposals/" + proposal, null, null, "Authorization",
            WebClient.basic("applicant1", "demo"))).getString("status")).as("the formal check went through the form").isEqualTo("ELIGIBLE"));

    // an expert: a review of a field of its own, invitations and declarations over REST, the score in the browser
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    HttpResponse<String> review = officials.as("secretary", "POST", "/api/reviews", "{\"title\":\"浏览器评审 " + run + "\","
        + "\"field\":\"" + FIELD + "\",\"panelSize\":3,\"reserves\":0,\"criteria\":[{\"code\":\"value\",\"name\":\"应用价值\",\"weight\":60},"
        + "{\"code\":\"feasibility\",\"name\":\"可行性\",\"weight\":40}],\"items\":[{\"reference\":\"T-" + run + "\",\"title\":\"评审事项 " + run
        + "\",\"applicantOrganisation\":\"某公司\"}]}");
    assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
    String reviewId = json(review).getString("id");
    for (JsonValue task : officials.awaitTasks(reviewId, "userTask_answerInvitation", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    for (JsonValue task : officials.awaitTasks(reviewId, "userTask_declareConflict", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    JsonObject scoring = officials.awaitTasks(reviewId, "userTask_scoreItem", 3).getJsonObject(0);
    String expert = scoring.getString("assignee");
    logIn(expert);
    try {
      openFilter("我的评审 My reviews");
    } finally {
      shot("2-expert-filters");
    }
    click(By.xpath("//a[normalize-space(.)='" + scoring.getString("name") + "']"));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("评审事项 " + run));
    wait.until(d -> !d.findElements(By.cssSelector("input[id$='field_c1Points']")).isEmpty());
    // form-js takes typed text after a short debounce, and a field typed while another one's text was still
    // pending could wipe it (seen on a slow machine: the first comment came back empty). So the form is
    // filled, left to settle, and filled again where a value went missing (type() only retypes a field whose
    // value differs), then left to settle once more before completing
    for (int pass = 0; pass < 2; pass++) {
      type(By.cssSelector("input[id$='field_c1Points']"), "50");
      type(By.cssSelector("textarea[id$='field_c1Comment']"), "应用价值突出");
      type(By.cssSelector("input[id$='field_c2Points']"), "30");
      type(By.cssSelector("textarea[id$='field_c2Comment']"), "方案可行");
      Thread.sleep(1500); // not a poll: lets form-js's debounce pass (above); the form shows no sign of it
    }
    shot("2-score-zh");
    complete();
    Thread.sleep(2000); // not a poll: lets Tasklist show what follows the completion for the screenshot
    shot("3-score-completed");
    JsonArray done = await().alias("the scoring task completed").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500)).until(() -> (JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/history/task?taskId="
            + scoring.getString("id") + "&finished=true", null)), found -> !found.isEmpty());
    assertThat(done).as("the scoring task was completed in the browser").hasSize(1);
    assertThat(done.getJsonObject(0).getString("assignee")).isEqualTo(expert);
    JsonArray points = (JsonArray) WebClient.json(officials.as("admin", "GET", "/engine-rest/history/variable-instance?variableName=c1Points"
        + "&processInstanceIdIn=" + scoring.getString("processInstanceId"), null));
    assertThat(points.toString()).as("the score was submitted with the form").contains("\"value\":50");
  }
}
