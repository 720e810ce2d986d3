package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Applicant organisations at /api/applicant and the portal's session at /api/session: an organisation registers
 * with its first user and sees only itself, bad registrations are refused naming the field and store nothing,
 * the session is for applicants and a change needs the portal's header, and over TLS the session cookie is
 * HttpOnly and SameSite.
 */
class ApplicantApiIT extends ServerItBase {

  @Test
  void anOrganisationRegistersWithItsFirstUserAndSeesOnlyItself() throws Exception {
    String codeA = Applicants.creditCode("91310115MA1K4ABC1");
    String codeB = Applicants.creditCode("12100000400012345");
    HttpResponse<String> a = client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("示例智造 <script>alert(1)</script>", codeA, "acme-wang", "Secret2026ab", "wang@acme.example"));
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    assertThat(((JsonObject) WebClient.json(a)).getString("name")).isEqualTo("示例智造 <script>alert(1)</script>");
    assertThat(client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("清华某研究院", codeB, "thu-li", "Secret2026cd", "li@thu.example")).statusCode()).isEqualTo(201);

    HttpResponse<String> ownAsA = client.send("GET", "/api/applicant/organisation", null, null,
        "Authorization", WebClient.basic("acme-wang", "Secret2026ab"));
    assertThat(ownAsA.statusCode()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(ownAsA)).getString("creditCode")).isEqualTo(codeA);
    assertThat(ownAsA.body()).doesNotContain(codeB);
    HttpResponse<String> added = client.send("POST", "/api/applicant/users", "application/json",
        "{\"userId\":\"acme-zhao\",\"password\":\"Another2026x\",\"name\":\"赵\"}", "Authorization", WebClient.basic("acme-wang", "Secret2026ab"));
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(((JsonObject) WebClient.json(client.send("GET", "/api/applicant/organisation", null, null,
        "Authorization", WebClient.basic("acme-zhao", "Another2026x")))).getString("creditCode")).isEqualTo(codeA);
    assertThat(newClient().loginToWebapp("tasklist", "acme-wang", "Secret2026ab").statusCode())
        .as("applicants never reach Tasklist").isEqualTo(403);
    assertThat(client.send("GET", "/api/applicant/organisation", null, null).statusCode()).isEqualTo(401);
    assertThat(client.send("GET", "/api/applicant/organisation", null, null, "Authorization", WebClient.basic("office", "demo")).statusCode())
        .as("officials have no applicant organisation").isEqualTo(403);
  }

  @Test
  void badRegistrationsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
    String code = Applicants.creditCode("91440300MA5F0TQK4");
    String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
    Object[][] cases = {
        {Applicants.registration("Org", wrongCheck, "bad-1", "Secret2026ab", "a@b.example"), 400, "creditCode"},
        {Applicants.registration("Org", "123", "bad-2", "Secret2026ab", "a@b.example"), 400, "creditCode"},
        {Applicants.registration("Org", code, "bad-3", "short1", "a@b.example"), 400, "user.password"},
        {Applicants.registration("Org", code, "bad-4", "Secret2026ab", "not-an-email"), 400, "contact.email"},
        {Applicants.registration("", code, "bad-5", "Secret2026ab", "a@b.example"), 400, "name"},
        {Applicants.registration("Org", code, "office", "Secret2026ab", "a@b.example"), 409, "user.userId"},
        {"{\"name\": ", 400, null},
    };
    for (Object[] bad : cases) {
      HttpResponse<String> response = client.send("POST", "/api/applicant/organisations", "application/json", (String) bad[0]);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(bad[1]);
      assertThat(response.body()).doesNotContain("at org.");
      if (bad[2] != null) {
        assertThat(((JsonObject) WebClient.json(response)).getString("field")).as(response.body()).isEqualTo(bad[2]);
      }
    }
    assertThat(client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("Org", code, "good-1", "Secret2026ab", "a@b.example")).statusCode()).as("nothing was half-stored").isEqualTo(201);
    HttpResponse<String> twice = client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("Org again", code, "good-2", "Secret2026ab", "a@b.example"));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(((JsonObject) WebClient.json(twice)).getString("field")).isEqualTo("creditCode");
    assertThat(client.get("/engine-rest/user/count?id=good-2", "Authorization", WebClient.basic("admin", "demo")).body())
        .as("the refused registration created no user").contains("\"count\":0");
  }

  @Test
  void thePortalSessionIsForApplicantsAndChangesNeedThePortalHeader() throws Exception {
    HttpResponse<String> official = client.send("POST", "/api/session", "application/json", "{\"userId\":\"office\",\"password\":\"demo\"}");
    assertThat(official.statusCode()).as("officials work in Tasklist").isEqualTo(403);
    assertThat(((JsonObject) WebClient.json(official)).getString("field")).isEqualTo("userId");
    // (a wrong password for a real user would lock it for a while: the engine throttles failed logins)
    HttpResponse<String> wrong = client.send("POST", "/api/session", "application/json", "{\"userId\":\"nobody-here\",\"password\":\"nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(client.send("POST", "/api/session", "application/json", "{\"userId\":\"applicant1\",\"password\":\"demo\"}").statusCode())
        .isEqualTo(200);
    assertThat(client.send("GET", "/api/applicant/organisation", null, null).statusCode()).as("a read with the session").isEqualTo(200);
    assertThat(client.send("GET", "/api/applicant/calls", null, null).body()).as("the demo call").contains("Demo call");
    HttpResponse<String> forged = client.send("POST", "/api/applicant/proposals", "application/json", "{\"title\":\"forged\"}");
    assertThat(forged.statusCode()).as("a change by cookie alone (CSRF)").isEqualTo(403);
    assertThat(forged.body()).contains("X-AIPO-Portal");
    HttpResponse<String> refusedWithHeader = client.send("POST", "/api/calls", "application/json", "{}", "X-AIPO-Portal", "1");
    assertThat(refusedWithHeader.statusCode()).as("an applicant's session opens no call").isEqualTo(403);
    assertThat(client.send("GET", "/api/session", null, null).body()).contains("\"userId\":\"applicant1\"");
    assertThat(client.send("DELETE", "/api/session", null, null).statusCode()).isEqualTo(204);
    assertThat(client.send("GET", "/api/session", null, null).body()).as("logged out").contains("\"userId\":null");
    HttpResponse<String> after = client.send("GET", "/api/applicant/organisation", null, null, "X-AIPO-Portal", "1");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate")).as("the portal shows its own login, not the browser's").isEmpty();
  }

  @Test
  void theTlsPortAnswersWithItsGeneratedCertificateAndTheSessionCookieIsHttpOnly() throws Exception {
    WebClient tls = WebClient.overTls(Integer.getInteger("it.https.port"));
    assertThat(tls.get("/health/ready").statusCode()).as("https with the certificate Liberty generated at first start").isEqualTo(200);
    HttpResponse<String> login = tls.send("POST", "/api/session", "application/json", "{\"userId\":\"applicant2\",\"password\":\"demo\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    assertThat(session).as("the session cookie").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(tls.send("GET", "/api/applicant/organisation", null, null).statusCode()).as("the session works over TLS").isEqualTo(200);
  }
}
