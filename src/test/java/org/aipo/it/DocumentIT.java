package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 22, reviewers read what they review: an applicant uploads the documents the call asks for; the office opens
 * each from its formal-check form; an expert seated on the proposal's review opens a watermarked copy from the
 * scoring form (over HTTP Basic, with the Tasklist login, and in Tasklist in Chinese in headless Chromium); a
 * recused expert, another applicant and an expert of another review are told the document does not exist; every
 * download left an audit record that officials list per proposal.
 */
class DocumentIT extends ServerItBase {

  private static final String FIELD = "biomedicine"; // no other test draws from this field's pool
  private static final List<String> EXPERTS = List.of("doc-li", "doc-wang", "doc-zhang");
  private static final List<String> EXPERT_NAMES = List.of("李 Li Wei", "王 Wang Fang", "张 Zhang Min");
  private static final String OTHER_FIELD = "finance"; // nor from this one's
  private static final List<String> OTHER_EXPERTS = List.of("doc-other-a", "doc-other-b", "doc-other-c");

  private static final Pattern LINK = Pattern.compile("\\]\\((/api/documents/([0-9a-f-]{36})\\?task=([0-9a-zA-Z-]+))\\)");

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private HttpResponse<byte[]> download(String path, String user) throws Exception {
    return client.bytes(path, "Authorization", WebClient.basic(user, "demo"));
  }

  private String variable(String user, String taskId, String name) throws Exception {
    return Officials.object(as(user, "GET", "/engine-rest/task/" + taskId + "/variables/" + name, null)).getString("value");
  }

  /** The document links of a form's text: document id → the link (with the task). */
  private static Map<String, String> links(String text, String taskId) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher found = LINK.matcher(text);
    while (found.find()) {
      assertThat(found.group(3)).as("each link names the task it is read for").isEqualTo(taskId);
      links.put(found.group(2), found.group(1));
    }
    return links;
  }

  @Test
  void seatedReadersReadEveryDocumentAndEveryReadingIsRecorded() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    String call = officials.openCall("文档征集 " + run, FIELD);
    JsonObject callView = Officials.object(as("office", "GET", "/api/calls/" + call, null));
    assertThat(callView.getJsonArray("documentKinds").toString()).as("the default kinds").contains("\"application\"", "\"budget\"",
        "\"qualification\"", "\"other\"");

    // an applicant of its own: a complete proposal with the three kinds of documents
    String user = "doc-org-" + run;
    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration("文档测试公司 " + run,
        Applicants.creditCode("91310000MK" + String.format("%07d", Math.floorMod(run.hashCode(), 10_000_000))), user, "Password2026k",
        user + "@doc.example")).statusCode()).isEqualTo(201);
    HttpResponse<String> drafted = asUser(user, "Password2026k", "POST", "/api/applicant/proposals", "{\"callId\":\"" + call
        + "\",\"title\":\"药物筛选大模型 " + run + "\",\"field\":\"" + FIELD + "\",\"summary\":\"s\",\"technicalApproach\":\"t\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\",\"team\":\"m\",\"budget\":100000}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = Officials.object(drafted).getString("id");
    Map<String, byte[]> originals = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    String[][] uploads = {{"application", "申报书 " + run + ".pdf"}, {"budget", "预算表.pdf"}, {"qualification", "资质证明 1.pdf"}};
    for (String[] upload : uploads) {
      byte[] pdf = Pdfs.of(upload[0] + " page one " + run, upload[0] + " page two");
      HttpResponse<String> stored = Pdfs.upload(client, user, "Password2026k", proposal, upload[0], upload[1], pdf);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
      JsonObject view = Officials.object(stored);
      assertThat(view.getString("sha256")).isEqualTo(sha256(pdf));
      assertThat(view.getString("url")).isEqualTo("/api/documents/" + view.getString("id"));
      originals.put(view.getString("id"), pdf);
      names.put(view.getString("id"), upload[1]);
    }
    assertThat(asUser(user, "Password2026k", "POST", "/api/applicant/proposals/" + proposal + "/submit", null).statusCode()).isEqualTo(200);

    // the office opens each document from the formal-check form: inline PDF, the stored original, its name kept
    JsonObject check = officials.awaitTasks(proposal, "userTask_formalCheck", 1).getJsonObject(0);
    String details = variable("office", check.getString("id"), "proposalDetailsMarkdown");
    assertThat(details).contains("申报材料 Documents", "申报书 Application document（必交 required）: ✔", "预算表 Budget sheet（必交 required）: ✔",
        "其他 Other: — ");
    Map<String, String> formLinks = links(details, check.getString("id"));
    assertThat(formLinks.keySet()).containsExactlyInAnyOrderElementsOf(originals.keySet());
    originals.forEach((id, pdf) -> {
      try {
        assertThat(details).contains(sha256(pdf));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    int downloads = 0;
    for (Map.Entry<String, String> link : formLinks.entrySet()) {
      HttpResponse<byte[]> opened = download(link.getValue(), "office");
      downloads++;
      assertThat(opened.statusCode()).isEqualTo(200);
      assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
      String disposition = opened.headers().firstValue("Content-Disposition").orElse("");
      assertThat(disposition).startsWith("inline;").contains("filename*=UTF-8''");
      assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
          .isEqualTo(names.get(link.getKey()));
      assertThat(opened.body()).as("the office reads the stored original").isEqualTo(originals.get(link.getKey()));
    }
    officials.complete("office", check, Officials.string("decision", "eligible"));

    // the call closes; the review is drawn from the field's pool of three: one expert recuses, two score
    officials.fireTimer(call, "demonstrationCall", "timerEvent_callCloses");
    for (JsonValue task : officials.awaitTasks(call, "userTask_answerInvitation", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    JsonArray declarations = officials.awaitTasks(call, "userTask_declareConflict", 3);
    String recused = declarations.getJsonObject(0).getString("assignee");
    String application = originals.keySet().iterator().next();
    assertThat(links(variable(recused, declarations.getJsonObject(0).getString("id"), "itemDetailsMarkdown"),
        declarations.getJsonObject(0).getString("id"))).as("the conflict declaration links the documents too").containsKey(application);
    officials.complete(recused, declarations.getJsonObject(0), "\"conflict\":{\"value\":true,\"type\":\"Boolean\"},"
        + Officials.string("conflictReason", "曾为申报单位顾问"));
    for (int i = 1; i < 3; i++) {
      officials.complete(declarations.getJsonObject(i).getString("assignee"), declarations.getJsonObject(i),
          "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    JsonObject scoring = officials.awaitTasks(call, "userTask_scoreItem", 2).getJsonObject(0);
    String expert = scoring.getString("assignee");
    String reviewId = variable("admin", scoring.getString("id"), "reviewRequestId");
    Map<String, String> scoringLinks = links(variable(expert, scoring.getString("id"), "itemDetailsMarkdown"), scoring.getString("id"));
    assertThat(scoringLinks.keySet()).containsExactlyInAnyOrderElementsOf(originals.keySet());

    // the seated expert's copy is stamped with the expert, the review and the time; the stored original is unchanged
    HttpResponse<byte[]> copy = download(scoringLinks.get(application), expert);
    downloads++;
    assertThat(copy.statusCode()).isEqualTo(200);
    assertThat(copy.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(copy.body()).isNotEqualTo(originals.get(application));
    assertThat(copy.headers().firstValue("X-AIPO-Original-SHA256")).hasValue(sha256(originals.get(application)));
    String stamped = Pdfs.text(copy.body());
    String latinName = EXPERT_NAMES.get(EXPERTS.indexOf(expert)).substring(2);
    assertThat(stamped).contains("application page one " + run, "application page two").contains(expert, latinName, reviewId, "Beijing time");
    assertThat(stamped.split(java.util.regex.Pattern.quote(expert), -1).length - 1).as("every page stamped").isGreaterThanOrEqualTo(2);

    // with the Tasklist login of a browser (no Basic): the same link opens
    WebClient tasklist = newClient();
    assertThat(tasklist.loginToWebapp("tasklist", expert, "demo").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> bySession = tasklist.bytes(scoringLinks.get(application));
    downloads++;
    assertThat(bySession.statusCode()).as("the Tasklist session opens the document").isEqualTo(200);
    assertThat(bySession.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(tasklist.send("POST", "/api/applicant/proposals/" + proposal + "/submit", null, null).statusCode())
        .as("the Tasklist session changes nothing in /api").isIn(401, 403);

    // leadership, auditors and the applicant itself read the original
    for (String reader : List.of("leader", "auditor")) {
      HttpResponse<byte[]> read = download("/api/documents/" + application, reader);
      downloads++;
      assertThat(read.statusCode()).as(reader).isEqualTo(200);
      assertThat(read.body()).isEqualTo(originals.get(application));
    }
    HttpResponse<byte[]> own = client.bytes("/api/documents/" + application, "Authorization", WebClient.basic(user, "Password2026k"));
    downloads++;
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(originals.get(application));

    // an expert of another review (seated, no conflict there)
    officials.expertsOfTheField(OTHER_FIELD, OTHER_EXPERTS, List.of("Other A", "Other B", "Other C"));
    HttpResponse<String> other = as("secretary", "POST", "/api/reviews", "{\"title\":\"另一评审 " + run + "\",\"field\":\"" + OTHER_FIELD
        + "\",\"panelSize\":3,\"reserves\":0,\"criteria\":[{\"code\":\"value\",\"name\":\"应用价值\",\"weight\":100}],"
        + "\"items\":[{\"reference\":\"O-" + run + "\",\"title\":\"另一事项\",\"applicantOrganisation\":\"某公司\"}]}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    String otherReview = Officials.object(other).getString("id");
    for (JsonValue task : officials.awaitTasks(otherReview, "userTask_answerInvitation", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    for (JsonValue task : officials.awaitTasks(otherReview, "userTask_declareConflict", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    String otherExpert = officials.awaitTasks(otherReview, "userTask_scoreItem", 3).getJsonObject(0).getString("assignee");

    // refused: as if the document did not exist (404, no file name), and nothing recorded
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("the recused expert", WebClient.basic(recused, "demo"));
    refused.put("another applicant", WebClient.basic("applicant2", "demo"));
    refused.put("an expert of another review", WebClient.basic(otherExpert, "demo"));
    refused.put("the secretariat", WebClient.basic("secretary", "demo"));
    refused.put("a nominating unit", WebClient.basic("nominator", "demo"));
    List<String> notRefused = new ArrayList<>();
    for (Map.Entry<String, String> who : refused.entrySet()) {
      for (String path : List.of("/api/documents/" + application, scoringLinks.get(application), "/api/documents?proposalId=" + proposal)) {
        HttpResponse<String> answer = client.send("GET", path, null, null, "Authorization", who.getValue());
        if (answer.statusCode() != 404 || answer.body().contains(names.get(application)) || answer.body().contains("%PDF")) {
          notRefused.add(who.getKey() + " " + path + ": " + answer.statusCode());
        }
      }
    }
    assertThat(notRefused).isEmpty();
    assertThat(download("/api/documents/00000000-0000-0000-0000-000000000000", "office").statusCode()).isEqualTo(404);
    assertThat(client.send("GET", "/api/documents/" + application, null, null).statusCode()).as("anonymous").isEqualTo(401);

    // the documents list, with the originals' SHA-256, for a seated expert
    JsonArray listed = (JsonArray) WebClient.json(client.send("GET", "/api/documents?proposalId=" + proposal, null, null,
        "Authorization", WebClient.basic(expert, "demo")));
    assertThat(listed).hasSize(3);
    assertThat(listed.toString()).contains(sha256(originals.get(application)), "申报书 Application document");

    // every download is a reading in the audit: who, which document, which task, when
    JsonArray readings = (JsonArray) WebClient.json(as("office", "GET", "/api/documents/reads?proposalId=" + proposal, null));
    assertThat(readings).as(readings.toString()).hasSize(downloads);
    List<String> officeReads = readings.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("reader").equals("office"))
        .map(r -> r.getString("documentId") + " " + r.getString("taskId")).toList();
    assertThat(officeReads).containsExactlyInAnyOrderElementsOf(originals.keySet().stream().map(id -> id + " " + check.getString("id")).toList());
    JsonObject expertRead = readings.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("reader").equals(expert)).findFirst().orElseThrow();
    assertThat(expertRead.getString("taskId")).isEqualTo(scoring.getString("id"));
    assertThat(expertRead.getString("reviewId")).isEqualTo(reviewId);
    assertThat(expertRead.getBoolean("watermarked")).isTrue();
    assertThat(expertRead.getString("fileName")).isEqualTo(names.get(application));
    assertThat(expertRead.getString("at")).isNotBlank();
    assertThat(readings.stream().map(r -> r.asJsonObject().getString("reader")).toList()).contains("leader", "auditor", user)
        .doesNotContain(recused, "applicant2", otherExpert, "secretary", "nominator");
    assertThat(as("auditor", "GET", "/api/documents/reads?proposalId=" + proposal, null).statusCode()).isEqualTo(200);
    assertThat(asUser(user, "Password2026k", "GET", "/api/documents/reads?proposalId=" + proposal, null).statusCode())
        .as("applicants do not see who read their documents").isEqualTo(403);
    assertThat(as(expert, "GET", "/api/documents/reads?proposalId=" + proposal, null).statusCode()).isEqualTo(403);
    assertThat(asUser(user, "Password2026k", "GET", "/api/applicant/proposals/" + proposal + "/timeline", null).body())
        .as("nor in their timeline").doesNotContain("document.read", expert);

    // in Tasklist, in Chinese: the expert opens the scoring task and the document link, which answers the PDF
    WebDriver browser = PortalIT.chromium();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get(url("/camunda/app/tasklist/").toString());
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("登录"));
      // the login form may be rendered again while it loads: typed until the fields hold the text (as TasklistIT does)
      for (String[] typed : new String[][] {{"input:not([type=password]):not([type=hidden])", expert}, {"input[type=password]", "demo"}}) {
        wait.until(d -> {
          WebElement input = d.findElement(By.cssSelector(typed[0]));
          if (!typed[1].equals(input.getAttribute("value"))) {
            input.clear();
            input.sendKeys(typed[1]);
          }
          return typed[1].equals(d.findElement(By.cssSelector(typed[0])).getAttribute("value"));
        });
      }
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      // the form goes away while it is looked at: a field gone stale is a field gone
      wait.until(d -> d.findElements(By.cssSelector("input[type=password]")).stream().noneMatch(WebElement::isDisplayed));
      browser.get(url("/camunda/app/tasklist/default/#/?task=" + scoring.getString("id")).toString());
      WebElement link = wait.until(d -> d.findElements(
          By.cssSelector("a[href*='/api/documents/" + application + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertThat(link.getText()).contains("申报书");
      String href = link.getAttribute("href");
      assertThat(href).contains("/api/documents/" + application + "?task=" + scoring.getString("id"));
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done({status: r.status,"
              + " type: r.headers.get('Content-Type'), disposition: r.headers.get('Content-Disposition'), head: new TextDecoder().decode(b.slice(0, 5))})))"
              + ".catch(e => done({status: -1, type: String(e)}));", href);
      assertThat(answer.get("status")).as("the link opens with the Tasklist login: " + answer).isEqualTo(200L);
      assertThat((String) answer.get("type")).startsWith("application/pdf");
      assertThat((String) answer.get("disposition")).startsWith("inline;");
      assertThat(answer.get("head")).isEqualTo("%PDF-");
      // and clicking it opens the document: a tab (or this one) at the link's address
      String before = browser.getWindowHandle();
      link.click();
      wait.until(d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains("/api/documents/"));
      for (String handle : browser.getWindowHandles()) {
        if (!handle.equals(before)) {
          browser.switchTo().window(handle);
        }
      }
      wait.until(d -> d.getCurrentUrl().contains("/api/documents/" + application));
    } finally {
      browser.quit();
    }
    JsonArray afterBrowser = (JsonArray) WebClient.json(as("office", "GET", "/api/documents/reads?proposalId=" + proposal, null));
    assertThat(afterBrowser.size()).as("the browser's readings recorded too").isGreaterThan(downloads);
  }
}
