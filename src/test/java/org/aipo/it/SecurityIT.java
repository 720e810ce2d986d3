package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * What a government site must send and do (issue 29, 等保 2.0): the security headers on our pages and APIs (a
 * Content-Security-Policy without inline script, nosniff, no framing, a referrer policy, HSTS only over TLS, the pages'
 * Content-Language zh-CN), and failed logins slowing their source, not the account's owner: twelve wrong passwords
 * for {@code applicant1} from one address refuse that address (429 with Retry-After) on every door (portal, /api,
 * /engine-rest, the webapps' form), while the owner, from another address, logs in; each failure is recorded for the
 * administrator. The addresses are the ones a trusted proxy names in X-Forwarded-For (server.xml's remoteIp trusts this
 * machine), chosen at random so that no other test's address is refused.
 */
class SecurityIT extends ServerItBase {

  // HTTP/1.1 as browsers speak over plain http (the JDK's client would try an h2c upgrade: see WebClient)
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static String address() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(113, 114) + "." + random.nextInt(1, 255);
  }

  private static String otherAddress() {
    return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(java.time.Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> portalLogin(String from, String user, String password) throws Exception {
    return send("POST", "/api/session", "application/json", "{\"userId\":\"" + user + "\",\"password\":\"" + password + "\"}",
        "X-Forwarded-For", from, "Accept", "application/json");
  }

  @Test
  void pagesSendAPolicyWithoutInlineScriptAndSayTheyAreChinese() throws Exception {
    for (String page : List.of("/portal/", "/portal/app.js", "/dashboard/", "/outbox/", "/console/")) {
      HttpResponse<String> answer = send("GET", page, null, null);
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
      String scripts = directive(policy, "script-src");
      assertThat(scripts).as(page + " script-src").isEqualTo("script-src 'self'");
      assertThat(directive(policy, "frame-ancestors")).as(page).isEqualTo("frame-ancestors 'none'");
      assertThat(directive(policy, "object-src")).as(page).isEqualTo("object-src 'none'");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
      assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(page + " over plain HTTP").isEmpty();
      if (page.endsWith("/")) {
        assertThat(answer.headers().firstValue("Content-Language")).as(page).hasValue("zh-CN");
        assertThat(answer.body()).as(page).contains("lang=\"zh-CN\"").doesNotContainPattern("<script>[^<]");
      }
    }
  }

  @Test
  void theApiSendsNosniffNoFramingAndBothLanguages() throws Exception {
    for (String path : List.of("/api/public/dashboard", "/api/calls/unknown-call", "/engine-rest/engine")) {
      HttpResponse<String> answer = send("GET", path, null, null, "Accept", "application/json");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValue("frame-ancestors 'none'");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(answer.headers().firstValue("Content-Language")).as(path).hasValue("zh-CN, en");
    }
  }

  @Test
  void hstsOverTlsAlsoEndedAtATrustedProxy() throws Exception {
    WebClient tls = WebClient.overTls(Integer.getInteger("it.https.port"));
    HttpResponse<String> direct = tls.get("/portal/");
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    HttpResponse<String> proxied = send("GET", "/portal/", null, null, "X-Forwarded-Proto", "https", "X-Forwarded-For", otherAddress());
    assertThat(proxied.headers().firstValue("Strict-Transport-Security")).as("TLS ended at a trusted proxy").isPresent();
  }

  @Test
  void wrongPasswordsRefuseTheirSourceNotTheOwner() throws Exception {
    String attacker = address();
    int refusedAt = 0;
    for (int attempt = 1; attempt <= 12; attempt++) {
      HttpResponse<String> answer = portalLogin(attacker, "applicant1", "wrong-" + attempt);
      if (answer.statusCode() == 429) {
        refusedAt = attempt;
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        JsonObject problem = (JsonObject) WebClient.json(answer);
        assertThat(problem.getString("code")).isEqualTo("auth.throttled");
        assertThat(problem.getJsonObject("messages").getString("zh")).contains("登录失败次数过多");
        break;
      }
      assertThat(answer.statusCode()).as("attempt " + attempt).isEqualTo(401);
    }
    assertThat(refusedAt).as("the source is refused after its tenth failure").isEqualTo(11);

    // the owner, from elsewhere, is not locked out: portal, /api with Basic, the webapps' form
    String owner = otherAddress();
    assertThat(portalLogin(owner, "applicant1", "demo").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/applicant/organisation", null, null, "X-Forwarded-For", owner, "Authorization",
        WebClient.basic("applicant1", "demo")).statusCode()).isEqualTo(200);

    // the refused source is refused on every door, even with the right password
    assertThat(portalLogin(attacker, "applicant1", "demo").statusCode()).isEqualTo(429);
    assertThat(send("GET", "/api/applicant/organisation", null, null, "X-Forwarded-For", attacker, "Authorization",
        WebClient.basic("applicant1", "demo")).statusCode()).isEqualTo(429);
    assertThat(send("GET", "/engine-rest/task/count", null, null, "X-Forwarded-For", attacker, "Authorization",
        WebClient.basic("office", "demo")).statusCode()).isEqualTo(429);
    assertThat(webappLogin(attacker, "office", "demo").statusCode()).isEqualTo(429);

    // recorded for the administrator (and the auditor): the user id typed, the source, the door
    HttpResponse<String> records = as("admin", "GET", "/api/audit/failed-logins?max=1000", null);
    assertThat(records.statusCode()).isEqualTo(200);
    List<JsonObject> mine = ((JsonArray) WebClient.json(records)).getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("actor").equals("source:" + attacker)).toList();
    assertThat(mine).hasSize(10).allSatisfy(r -> {
      assertThat(r.getString("action")).isEqualTo("login.failed");
      assertThat(r.getString("subjectId")).isEqualTo("applicant1");
      assertThat(r.getString("detail")).startsWith("portal from " + attacker);
    });
    assertThat(mine.get(0).getString("detail")).as("newest first: the tenth failure refused the source").contains("refused logins for");
    assertThat(as("applicant1", "GET", "/api/audit/failed-logins", null).statusCode()).isEqualTo(403);
  }

  @Test
  void theWebappsFormAndBasicAuthCountAgainstTheSourceToo() throws Exception {
    String attacker = address();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(webappLogin(attacker, "office", "wrong-" + attempt).statusCode()).as("webapp attempt " + attempt).isEqualTo(401);
    }
    for (int attempt = 6; attempt <= 10; attempt++) {
      assertThat(send("GET", "/engine-rest/task/count", null, null, "X-Forwarded-For", attacker, "Authorization",
          WebClient.basic("office", "wrong-" + attempt)).statusCode()).as("Basic attempt " + attempt).isEqualTo(401);
    }
    assertThat(webappLogin(attacker, "office", "demo").statusCode()).isEqualTo(429);
    String owner = otherAddress();
    assertThat(webappLogin(owner, "office", "demo").statusCode()).as("the official logs in from their own desk").isEqualTo(200);
    HttpResponse<String> records = as("auditor", "GET", "/api/audit/failed-logins?max=1000", null);
    assertThat(((JsonArray) WebClient.json(records)).getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("actor").equals("source:" + attacker)).map(r -> r.getString("detail").split(" ")[0]))
        .containsOnly("webapp", "engine-rest").hasSize(10);
  }

  /** The webapps' login form as Tasklist posts it, from the given address (a session and CSRF cookie first). */
  private HttpResponse<String> webappLogin(String from, String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager()).build();
    browser.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).header("X-Forwarded-For", from).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist")).timeout(java.time.Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json").header("X-XSRF-TOKEN", token)
        .header("X-Forwarded-For", from).POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String directive(String policy, String name) {
    for (String part : policy.split(";")) {
      if (part.trim().startsWith(name + " ") || part.trim().equals(name)) {
        return part.trim();
      }
    }
    return "";
  }
}
