package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications that reach people (issue 25), read from a real SMTP server: GreenMail in this JVM on
 * {@code it.smtp.port}, where the test server sends (src/test/liberty/bootstrap.properties). Each test looks only at the
 * messages of its own events (the server also writes reminders and escalations for the other tests' tasks).
 */
class MailIT extends ServerItBase {

  static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 9025);
  static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  GreenMail smtp;

  @BeforeEach
  void startTheMailServer() {
    smtp = newMailServer();
  }

  @AfterEach
  void stopTheMailServer() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  static GreenMail newMailServer() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  static String event(MimeMessage message) {
    try {
      String[] values = message.getHeader("X-AIPO-Event");
      return values == null ? "" : values[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text part, and the calendar part if there is one. */
  static String[] parts(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return new String[] {text, null};
      }
      Multipart multipart = (Multipart) content;
      BodyPart text = multipart.getBodyPart(0);
      BodyPart calendar = multipart.getCount() > 1 ? multipart.getBodyPart(1) : null;
      return new String[] {(String) text.getContent(), calendar == null ? null : new String(calendar.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8)};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the server holds {@code count} messages whose event key passes the filter, and returns them. */
  List<MimeMessage> awaitMessages(GreenMail server, java.util.function.Predicate<String> eventKey, int count) {
    return await().alias(count + " messages").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> Arrays.stream(server.getReceivedMessages()).filter(m -> eventKey.test(event(m))).toList(), list -> list.size() >= count);
  }

  static String beijing(String engineDate) {
    return BEIJING.format(OffsetDateTime.parse(engineDate, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void everyDrawnExpertGetsOneInvitationWithTheTaskDeadlineItsLinkAndACalendarEntry() throws Exception {
    // ReviewIT's in-server race also puts experts in this field, who are no engine users and so have no address
    officials.expertsOfTheField("meteorology", List.of("mail-ex1", "mail-ex2", "mail-ex3", "mail-ex4", "mail-ex5"),
        List.of("甲气象", "乙气象", "丙气象", "丁气象", "戊气象"));
    String title = "Mail review " + System.nanoTime();
    HttpResponse<String> started = as("secretary", "POST", "/api/reviews",
        "{\"title\":\"" + title + "\",\"field\":\"meteorology\",\"panelSize\":3,\"reserves\":2,"
        + "\"criteria\":[{\"code\":\"value\",\"name\":\"价值\",\"weight\":100}],"
        + "\"items\":[{\"reference\":\"P-M1\",\"title\":\"Smart factory\",\"applicantOrganisation\":\"Factory Co.\"}]}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String instanceId = ((JsonObject) WebClient.json(started)).getString("processInstanceId");
    JsonArray invitations = officials.tasksOfInstance(instanceId, "userTask_answerInvitation");
    assertThat(invitations).hasSize(3);
    Set<String> taskIds = invitations.stream().map(t -> t.asJsonObject().getString("id")).collect(Collectors.toSet());
    List<JsonObject> reachable = invitations.stream().map(JsonValue::asJsonObject).filter(t -> t.getString("assignee").startsWith("mail-ex")).toList();

    // one outbox message per invitation: sent to the experts with an address, recorded as failed for the others
    JsonArray outbox = ((JsonObject) WebClient.json(as("admin", "GET", "/api/outbox?limit=500", null))).getJsonArray("messages");
    List<JsonObject> written = outbox.stream().map(JsonValue::asJsonObject).filter(m -> taskIds.contains(m.getString("eventKey").replace("expert-invitation:", "")))
        .toList();
    assertThat(written).hasSize(3);
    assertThat(written).filteredOn(m -> !m.getString("recipientUser").startsWith("mail-ex"))
        .allSatisfy(m -> assertThat(m.getString("lastError")).contains("no e-mail address"));
    List<MimeMessage> sent = awaitMessages(smtp, key -> key.startsWith("expert-invitation:") && taskIds.contains(key.substring(18)), reachable.size());
    Thread.sleep(3000); // a second copy would arrive within the next polls
    assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> taskIds.contains(event(m).replace("expert-invitation:", ""))))
        .hasSize(reachable.size());
    Map<String, MimeMessage> byTask = sent.stream().collect(Collectors.toMap(m -> event(m).substring(18), Function.identity()));
    for (JsonObject task : reachable) {
      MimeMessage message = byTask.get(task.getString("id"));
      assertThat(to(message)).isEqualTo(task.getString("assignee") + "@expert.example");
      assertThat(message.getSubject()).contains("专家邀请").contains(title);
      String[] parts = parts(message);
      assertThat(parts[0]).contains(beijing(task.getString("due")) + "（北京时间").contains("/camunda/app/tasklist/default/#/?task=" + task.getString("id"))
          .doesNotContain("Factory Co.");
      assertThat(parts[1]).as("the calendar entry").contains("BEGIN:VEVENT").contains("DTEND:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
          .format(OffsetDateTime.parse(task.getString("due"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).withOffsetSameInstant(ZoneOffset.UTC)));
    }
  }

  @Test
  void aCorrectionRequestReachesTheApplicantsContactInItsLanguageWithTheWindow() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    String call = officials.openCall("Mail call " + run, "robotics");
    String user = "mail-" + run;
    String email = "contact-" + run + "@applicant.example";
    String registration = Applicants.registration("邮件测试有限公司" + run, Applicants.creditCode("9131000" + String.format("%010d", Math.abs(run.hashCode()) % 1_000_000_000L)),
        user, "Password2026m", email).replace("\"email\":\"" + email + "\"", "\"email\":\"" + email + "\",\"language\":\"en\"");
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", registration);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String proposal = Officials.object(asUser(user, "Password2026m", "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\",\"title\":\"Mail proposal\","
        + "\"field\":\"robotics\",\"summary\":\"摘要\",\"technicalApproach\":\"路线\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"成果\",\"team\":\"团队\",\"budget\":500000,\"coFunding\":100000}"))
        .getString("id");
    Pdfs.attachRequired(client, user, "Password2026m", proposal);
    assertThat(asUser(user, "Password2026m", "POST", "/api/applicant/proposals/" + proposal + "/submit", null).statusCode()).isEqualTo(200);
    JsonObject check = officials.awaitTasks(proposal, "userTask_formalCheck", 1).getJsonObject(0);
    officials.complete("office", check, Officials.string("decision", "correction") + "," + Officials.string("reasons", "The budget lacks its seal"));

    MimeMessage message = awaitMessages(smtp, key -> key.startsWith("correction-request:" + proposal + ":"), 1).get(0);
    assertThat(to(message)).isEqualTo(email);
    assertThat(message.getSubject()).startsWith("[Correction requested]").contains("Mail proposal");
    String window = ((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processInstanceId=" + check.getString("processInstanceId")
        + "&activityId=boundaryTimer_correctionWindow", null))).getJsonObject(0).getString("dueDate");
    assertThat(parts(message)[0]).contains("The budget lacks its seal").contains("by " + beijing(window) + " Beijing time")
        .contains("/portal/#/proposals/" + proposal);
  }

  /** A platform check for the office, due in the given ISO duration; returns its task. */
  JsonObject platformCheck(String within) throws Exception {
    HttpResponse<String> started = as("admin", "POST", "/engine-rest/process-definition/key/platformCheck/start",
        "{\"variables\":{\"confirmWithin\":{\"value\":\"" + within + "\",\"type\":\"String\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return officials.tasksOfInstance(((JsonObject) WebClient.json(started)).getString("id"), "userTask_confirmPlatformCheck").getJsonObject(0);
  }

  @Test
  void aReminderBeforeADeadlineAndAnEscalationAfterIt() throws Exception {
    JsonObject soon = platformCheck("PT3H");
    MimeMessage reminder = awaitMessages(smtp, key -> key.startsWith("reminder:" + soon.getString("id") + ":") && key.endsWith(":office"), 1).get(0);
    assertThat(to(reminder)).isEqualTo("office@demo.aipo.invalid");
    assertThat(reminder.getSubject()).contains("提醒").contains(beijing(soon.getString("due")));

    // a task whose due date has passed (the office moved it back, as Tasklist allows): the office hears it is overdue
    JsonObject late = platformCheck("PT3H");
    String past = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30));
    HttpResponse<String> moved = as("admin", "PUT", "/engine-rest/task/" + late.getString("id"),
        "{\"name\":\"" + late.getString("name") + "\",\"due\":\"" + past + "\",\"priority\":50}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
    MimeMessage escalation = awaitMessages(smtp, key -> key.startsWith("escalation:" + late.getString("id") + ":") && key.endsWith(":office"), 1).get(0);
    assertThat(to(escalation)).isEqualTo("office@demo.aipo.invalid");
    assertThat(escalation.getSubject()).contains("逾期");
    assertThat(parts(escalation)[0]).contains("负责人：").contains("office");
  }

  @Test
  void fiftyEventsWhileTheMailServerIsDownAreEachSentOnceWhenItIsBack() throws Exception {
    smtp.stop();
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tasks.add(platformCheck("PT5H").getString("id"));
    }
    Set<String> ours = new HashSet<>(tasks);
    // each to the demo office user (other tests add more members to programme-office, who get theirs too)
    java.util.function.Predicate<String> mine = key -> key.startsWith("reminder:") && ours.contains(key.split(":")[1]) && key.endsWith(":office");
    // the reminders are written, tried, and wait for the server: none lost, none given up
    await().alias("50 reminders tried and waiting").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      JsonArray pending = ((JsonObject) WebClient.json(as("admin", "GET", "/api/outbox?status=PENDING&limit=500", null))).getJsonArray("messages");
      return pending.stream().map(JsonValue::asJsonObject).filter(m -> mine.test(m.getString("eventKey")) && m.getInt("attempts") >= 1).count() == 50;
    });
    Thread.sleep(2000);

    smtp = newMailServer();
    List<MimeMessage> sent = awaitMessages(smtp, mine, 50);
    Thread.sleep(4000); // retries of anything already sent would arrive now
    List<String> keys = Arrays.stream(smtp.getReceivedMessages()).map(MailIT::event).filter(mine).toList();
    assertThat(keys).hasSize(50).doesNotHaveDuplicates();
    assertThat(sent).allSatisfy(m -> assertThat(to(m)).isEqualTo("office@demo.aipo.invalid"));
    JsonArray all = ((JsonObject) WebClient.json(as("admin", "GET", "/api/outbox?status=SENT&limit=500", null))).getJsonArray("messages");
    assertThat(all.stream().map(JsonValue::asJsonObject).filter(m -> mine.test(m.getString("eventKey")))).hasSize(50);
  }

  @Test
  void theOutboxPageShowsAnAdministratorWhatWasSentInChineseAndEnglish() throws Exception {
    JsonObject task = platformCheck("PT4H");
    MimeMessage sent = awaitMessages(smtp, key -> key.startsWith("reminder:" + task.getString("id") + ":") && key.endsWith(":office"), 1).get(0);
    String subject = sent.getSubject();
    await().atMost(Duration.ofSeconds(30)).until(() -> ((JsonObject) WebClient.json(as("admin", "GET", "/api/outbox?status=SENT&limit=200", null)))
        .getJsonArray("messages").stream().anyMatch(m -> m.asJsonObject().getString("eventKey").equals(event(sent))));
    org.openqa.selenium.WebDriver browser = PortalIT.chromium();
    try {
      org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20));
      browser.get(url("/outbox/").toString());
      wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.name("userId"))).sendKeys("office");
      browser.findElement(org.openqa.selenium.By.name("password")).sendKeys("demo");
      browser.findElement(org.openqa.selenium.By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(org.openqa.selenium.By.id("loginError"), "无权"));

      browser.findElement(org.openqa.selenium.By.name("userId")).clear();
      browser.findElement(org.openqa.selenium.By.name("userId")).sendKeys("admin");
      browser.findElement(org.openqa.selenium.By.name("password")).clear();
      browser.findElement(org.openqa.selenium.By.name("password")).sendKeys("demo");
      browser.findElement(org.openqa.selenium.By.cssSelector("#loginForm button[type=submit]")).click();
      wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("outbox")));
      assertThat(browser.findElement(org.openqa.selenium.By.id("mailServer")).getText()).contains("已配置邮件服务器");
      browser.findElement(org.openqa.selenium.By.cssSelector("#filters button[data-status=SENT]")).click();
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "current".equals(
          d.findElement(org.openqa.selenium.By.cssSelector("#filters button[data-status=SENT]")).getAttribute("class")));
      org.openqa.selenium.WebElement row = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#outbox tbody tr[data-status]")).stream()
          .filter(r -> r.getText().contains(subject) && r.getText().contains("office@demo.aipo.invalid")).findFirst().orElse(null));
      assertThat(row.getText()).contains("已发").contains("office@demo.aipo.invalid").contains("deadline-reminder");
      row.findElement(org.openqa.selenium.By.className("show")).click();
      wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("#outbox tr.detail")).getText().contains("?task=" + task.getString("id")));
      browser.findElement(org.openqa.selenium.By.id("lang")).click();
      wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(org.openqa.selenium.By.id("view"), "Outbox (administrators)"));
      assertThat(browser.findElement(org.openqa.selenium.By.id("mailServer")).getText()).contains("A mail server is configured");
      browser.findElement(org.openqa.selenium.By.id("lang")).click();
    } finally {
      browser.quit();
    }
  }

  @Test
  void theOutboxIsForAdministratorsOnly() throws Exception {
    assertThat(as("office", "GET", "/api/outbox", null).statusCode()).isEqualTo(403);
    assertThat(anonymous("GET", "/api/outbox", null).statusCode()).isEqualTo(401);
    HttpResponse<String> outbox = as("admin", "GET", "/api/outbox?limit=5", null);
    assertThat(outbox.statusCode()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(outbox)).getBoolean("mailServerConfigured")).isTrue();
    assertThat(as("admin", "GET", "/api/outbox?status=LOST", null).statusCode()).isEqualTo(400);
    assertThat(as("admin", "POST", "/api/outbox/no-such-message/retry", null).statusCode()).isEqualTo(404);
  }
}
