package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.aipo.platform.FormValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an applicant or an official writes is shown as text in every Tasklist form (issue 22, ADR 0008), seen as a
 * reviewer sees it: Camunda Tasklist renders each form of processes/forms with its own form-js in headless
 * Chromium. Every form is deployed once more (ids prefixed) with a probe process that opens one task per form;
 * one instance holds a plain text and one a hostile text ({@code <img src=x onerror=alert(1)>}, a
 * {@code javascript:} link, emphasis, a heading, a bare address) for every name the forms show. For each form,
 * the hostile task's form has exactly the elements of the plain one (no image, link, script or emphasis that
 * the values introduced) and shows the hostile text literally. The {@code …Markdown} values, built on purpose by
 * our code, are the same in both. Then the issue's own case end to end: a proposal titled
 * {@code <img src=x onerror=alert(1)>} with a link in its text, in the office's formal-check form.
 */
class TasklistFormsIT extends ServerItBase {

  static final String HOSTILE = "<img src=x onerror=alert(1)> [点我](javascript:alert(1)) **粗体** _斜体_ # 标题 <script>alert(2)</script> "
      + "www.evil.example a@evil.example `code`";
  static final String PLAIN = "示例文本 plain text";
  static final String BUILT = "**生成的 built** markdown";
  private static final Path SHOTS = Path.of("target", "tasklist-forms-screenshots");
  /** Elements that a value must never bring into a form (form-js's own "powered by" link aside). */
  private static final String FOREIGN = "img, a, script, iframe, object, embed, video, audio, picture, source";

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

  @Test
  void everyFormShowsHostileValuesAsText() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, String> forms = new TreeMap<>(); // form id → form
    try (Stream<Path> files = Files.list(Path.of("processes", "forms"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        String form = Files.readString(file);
        forms.put(formId(form), form);
      }
    }
    assertThat(forms).hasSizeGreaterThan(15);
    Set<String> shown = new TreeSet<>();
    forms.values().forEach(form -> shown.addAll(FormValues.shownNames(form)));
    assertThat(shown).contains("proposalTitle", "itemTitle", "projectTitle", "callTitle", "reviewTitle", "applicantOrganisation", "roundTheme",
        "c1Label", "proposalDetailsMarkdown");

    // the forms once more under ids of their own, and a process with one task per form
    String boundary = "forms" + run;
    StringBuilder body = new StringBuilder();
    part(body, boundary, "deployment-name", null, "tasklist-forms-probe");
    forms.forEach((id, form) -> part(body, boundary, "form" + id, id + ".form", form.replaceFirst("\"id\"\\s*:\\s*\"" + id + "\"",
        "\"id\": \"" + probe(id) + "\"")));
    part(body, boundary, "bpmn", "probe.bpmn", probeProcess(forms.keySet()));
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> deployed = client.upload("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
        body.toString().getBytes(StandardCharsets.UTF_8), "Authorization", WebClient.basic("admin", "demo"));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String deployment = ((JsonObject) WebClient.json(deployed)).getString("id");
    try {
      probeEveryForm(forms, shown, run);
    } finally {
      // the probe's tasks, instances and forms go again (no other test finds them in the office's lists)
      HttpResponse<String> deleted = as("admin", "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }
  }

  private void probeEveryForm(Map<String, String> forms, Set<String> shown, String run) throws Exception {
    Map<String, String> plainTasks = start(shown, PLAIN, "plain-" + run);
    Map<String, String> hostileTasks = start(shown, HOSTILE, "hostile-" + run);
    assertThat(hostileTasks.keySet()).isEqualTo(forms.keySet());

    logIn("office");
    Map<String, String> problems = new LinkedHashMap<>();
    for (String id : forms.keySet()) {
      boolean showsText = FormValues.shownNames(forms.get(id)).stream().anyMatch(n -> !n.endsWith(FormValues.MARKDOWN_SUFFIX));
      JsonObject plain = render(plainTasks.get(id), showsText ? PLAIN : null);
      JsonObject hostile = render(hostileTasks.get(id), showsText ? HOSTILE : null);
      shot(id);
      if (hostile.getInt("foreign") != 0) {
        problems.put(id, hostile.getInt("foreign") + " image, link or script element(s): " + hostile.getString("html"));
      } else if (!hostile.getJsonObject("tags").equals(plain.getJsonObject("tags"))) {
        problems.put(id, "elements " + hostile.getJsonObject("tags") + " instead of " + plain.getJsonObject("tags") + ": " + hostile.getString("html"));
      } else if (showsText && !hostile.getString("text").contains(HOSTILE)) {
        problems.put(id, "does not show the text as typed: " + hostile.getString("text"));
      } else if (forms.get(id).contains("Markdown}}") && !hostile.getString("text").contains("生成的 built markdown")) {
        problems.put(id, "does not show the markdown built on purpose: " + hostile.getString("text"));
      }
    }
    assertThat(problems).as("forms whose values became markup").isEmpty();
  }

  @Test
  void aProposalTitledWithMarkupIsTextInTheFormalCheck() throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    String callTitle = "转义征集 " + run;
    String call = officials.openCall(callTitle, "robotics");
    String title = "<img src=x onerror=alert(1)> " + run;
    String summary = "[点我](javascript:alert(1)) <a href=\"https://evil.example\">链接</a>";
    HttpResponse<String> drafted = client.send("POST", "/api/applicant/proposals", "application/json", Json.createObjectBuilder()
        .add("callId", call).add("title", title).add("field", "robotics").add("summary", summary).add("technicalApproach", "![x](https://evil.example/x.png)")
        .add("expectedOutcomes", "**o**").add("team", "m")
        .add("indicators", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "**i**").add("unit", "项").add("target", 1))).add("budget", 100000).build().toString(), "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = ((JsonObject) WebClient.json(drafted)).getString("id");
    // the call's required documents (issue 22), one named with markup too
    for (String kind : new String[] {"application", "budget"}) {
      HttpResponse<String> uploaded = Pdfs.upload(client, "applicant1", "demo", proposal, kind, "<img src=x onerror=alert(1)> " + kind + ".pdf",
          Pdfs.of(kind + " " + run));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }
    assertThat(client.send("POST", "/api/applicant/proposals/" + proposal + "/submit", null, null, "Authorization",
        WebClient.basic("applicant1", "demo")).statusCode()).isEqualTo(200);
    JsonArray tasks = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/task?taskDefinitionKey=userTask_formalCheck&processVariables=proposalId_eq_"
            + proposal, null)), found -> found.size() == 1);
    logIn("office");
    JsonObject form = render(tasks.getJsonObject(0).getString("id"), title);
    shot("formal-check-" + run);
    assertThat(form.getInt("foreign")).as("no image or link in the form: " + form.getString("html")).isZero();
    assertThat(form.getInt("documentLinks")).as("the two documents' links, and no other: " + form.getString("html")).isEqualTo(2);
    assertThat(form.getString("text")).contains(title, "[点我](javascript:alert(1))", "<a href=\"https://evil.example\">链接</a>",
        "![x](https://evil.example/x.png)");
    // what Tasklist fills the form with is the escaped text; the variable itself, which the task list shows as a filter
    // variable (as text), keeps the title as typed
    String task = tasks.getJsonObject(0).getString("id");
    JsonObject formVariables = (JsonObject) WebClient.json(as("office", "GET", "/engine-rest/task/" + task + "/form-variables", null));
    assertThat(formVariables.getJsonObject("proposalTitle").getString("value")).isEqualTo("&lt;img src=x onerror=alert\\(1\\)&gt; " + run);
    assertThat(formVariables.getJsonObject("proposalDetailsMarkdown").getString("value")).contains("\\[点我\\]\\(javascript\\:alert\\(1\\)\\)");
    assertThat(((JsonObject) WebClient.json(as("office", "GET", "/engine-rest/task/" + task + "/variables/proposalTitle", null)))
        .getString("value")).isEqualTo(title);
  }

  // --- the probe deployment

  private static String formId(String form) {
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(form);
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private static String probe(String formId) {
    return "probe" + Character.toUpperCase(formId.charAt(0)) + formId.substring(1);
  }

  private static void part(StringBuilder body, String boundary, String name, String fileName, String content) {
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
    }
    body.append("\r\n\r\n").append(content).append("\r\n");
  }

  /** start → fork → one task per form (the house rules' way: named, documented, due, for the office) → join → end. */
  private static String probeProcess(Set<String> formIds) {
    StringBuilder elements = new StringBuilder();
    for (String id : formIds) {
      String name = probe(id);
      elements.append("<bpmn:userTask id=\"userTask_").append(name).append("\" name=\"").append(id).append("\" camunda:candidateGroups=\"programme-office\" ")
          .append("camunda:formRef=\"").append(name).append("\" camunda:formRefBinding=\"deployment\" camunda:dueDate=\"2099-01-01T00:00:00\">")
          .append("<bpmn:documentation>表单转义探针 Form escaping probe</bpmn:documentation></bpmn:userTask>\n")
          .append("<bpmn:sequenceFlow id=\"flow_to").append(name.substring(5)).append("\" sourceRef=\"gateway_fork\" targetRef=\"userTask_").append(name).append("\"/>\n")
          .append("<bpmn:sequenceFlow id=\"flow_from").append(name.substring(5)).append("\" sourceRef=\"userTask_").append(name).append("\" targetRef=\"gateway_join\"/>\n");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="definitions_tasklistFormsProbe" targetNamespace="https://aipo.org/test">
          <bpmn:process id="tasklistFormsProbe" name="表单转义探针 Form escaping probe" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="startEvent_started" name="开始 Start"/>
            <bpmn:parallelGateway id="gateway_fork" name="每个表单 Every form"/>
            <bpmn:parallelGateway id="gateway_join" name="看完 Seen"/>
            <bpmn:endEvent id="endEvent_done" name="结束 Done"/>
            <bpmn:sequenceFlow id="flow_toFork" sourceRef="startEvent_started" targetRef="gateway_fork"/>
            <bpmn:sequenceFlow id="flow_toEnd" sourceRef="gateway_join" targetRef="endEvent_done"/>
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(elements);
  }

  /** Starts the probe with this value for every name a form shows (markdown built on purpose for …Markdown); form id → task id. */
  private Map<String, String> start(Set<String> shown, String value, String businessKey) throws Exception {
    JsonObjectBuilder variables = Json.createObjectBuilder();
    for (String name : shown) {
      variables.add(name, Json.createObjectBuilder().add("type", "String").add("value", name.endsWith(FormValues.MARKDOWN_SUFFIX) ? BUILT : value));
    }
    for (int i = 1; i <= 6; i++) { // the scoring form shows a criterion only while it has a code
      variables.add("c" + i + "Code", Json.createObjectBuilder().add("type", "String").add("value", "criterion" + i));
    }
    HttpResponse<String> started = as("admin", "POST", "/engine-rest/process-definition/key/tasklistFormsProbe/start", Json.createObjectBuilder()
        .add("businessKey", businessKey).add("variables", variables).build().toString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = ((JsonObject) WebClient.json(started)).getString("id");
    Map<String, String> tasks = new TreeMap<>();
    for (JsonValue task : (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/task?processInstanceId=" + instance + "&maxResults=100", null))) {
      tasks.put(task.asJsonObject().getString("name"), task.asJsonObject().getString("id"));
    }
    return tasks;
  }

  // --- the browser

  /**
   * Opens the task in Tasklist (a fresh page each time) and reads its form as form-js rendered it, once it shows the
   * text {@code shows} (or has settled without it): the count of each element, the elements no value may bring,
   * the text and the markup.
   */
  private JsonObject render(String taskId, String shows) {
    browser.get("about:blank");
    browser.get(url("/camunda/app/tasklist/default/").toString() + "#/?task=" + taskId);
    String script = """
        const form = document.querySelector('.fjs-form');
        if (!form) return null;
        // the links our code puts to a proposal's documents (issue 22), never a value's
        const documentLink = e => e.tagName === 'A' && (e.getAttribute('href') || '').startsWith('/api/documents/') && (e.getAttribute('href') || '').includes('?task=');
        const tags = {};
        form.querySelectorAll('*').forEach(e => tags[e.tagName.toLowerCase()] = (tags[e.tagName.toLowerCase()] || 0) + 1);
        return JSON.stringify({tags: tags, foreign: Array.from(form.querySelectorAll(arguments[0])).filter(e => !e.closest('.fjs-powered-by') && !documentLink(e)).length,
            documentLinks: Array.from(form.querySelectorAll('a')).filter(documentLink).length, text: form.innerText, html: form.innerHTML});
        """;
    String[] read = new String[1];
    long[] firstSeen = new long[1];
    try {
      wait.ignoring(StaleElementReferenceException.class).until(d -> {
        Object result = ((JavascriptExecutor) d).executeScript(script, FOREIGN);
        if (result == null) {
          return false;
        }
        if (firstSeen[0] == 0) {
          firstSeen[0] = System.currentTimeMillis();
        }
        // the same twice in a row: form-js has finished rendering; with the text shown, or (the text having become
        // markup) after a few seconds, for the assertions to say what the form shows instead
        boolean settled = result.toString().equals(read[0]);
        read[0] = result.toString();
        return settled && (shows == null || result.toString().contains(jsonText(shows)) || System.currentTimeMillis() - firstSeen[0] > 5000);
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("task " + taskId + ": no form showing " + shows + " in Tasklist: " + read[0] + " / "
          + browser.findElement(By.tagName("body")).getText(), e);
    }
    return Json.createReader(new java.io.StringReader(read[0])).readObject();
  }

  /** The text as it stands inside a JSON string (quotes and backslashes escaped, < as is). */
  private static String jsonText(String text) {
    String quoted = Json.createValue(text).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** Logs in through Tasklist's login page (as TasklistIT does) and waits until the page has left it. */
  private void logIn(String user) throws Exception {
    for (int attempt = 1; ; attempt++) {
      browser.manage().deleteAllCookies();
      browser.get(url("/camunda/app/tasklist/").toString());
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains("登录"));
      type(By.cssSelector("input:not([type=password]):not([type=hidden])"), user);
      type(By.cssSelector("input[type=password]"), "demo");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
            .until(d -> d.findElements(By.cssSelector("input[type=password]")).stream().noneMatch(WebElement::isDisplayed));
        return;
      } catch (org.openqa.selenium.TimeoutException stillOnTheForm) {
        shot("login-" + user + "-" + attempt);
        if (attempt == 2) {
          throw new AssertionError(user + " is still on Tasklist's login page", stillOnTheForm);
        }
      }
    }
  }

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
}
