package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Hundreds of bad requests, generated from the OpenAPI documents of Camunda's REST API (the
 * {@code camunda-engine-rest-openapi} jar) and of our own API ({@code /openapi} of the running server), sent
 * by users who may call the operation: every one must be answered with a 4xx and a message, never a 5xx
 * (nor a 2xx: each request is bad for a stated reason, so a success is a finding as well).
 *
 * <p>Every request is invalid before it could change anything (unknown ids, bodies that cannot be read,
 * values of the wrong type, required values missing), so the other tests' data stay as they were.
 */
class BadRequestCorpusIT extends ServerItBase {

  /** One bad request and why it is bad. */
  record Bad(String method, String path, String contentType, String body, String user, String why) {
  }

  /**
   * Operations of /engine-rest left out, because no request to them can be made bad and safe:
   * history cleanup schedules (or runs) the cleanup of every finished instance, whatever the body;
   * deleting task-worker metrics without a valid date deletes all of them; OPTIONS only lists links.
   */
  static final Set<String> ENGINE_SKIPPED = Set.of("POST /history/cleanup", "DELETE /metrics/task-worker");

  /**
   * Operations whose body has no required field at all (the OpenAPI marks every field nullable and
   * optional, and the engine fills in defaults), so a body of nulls is a valid request, not a bad one:
   * creating a task with nulls creates a task with a generated id. Their other bad cases stay.
   */
  static final Set<String> ENGINE_NULLS_ALLOWED = Set.of("POST /task/create");

  /**
   * Operations that the OpenAPI documents as succeeding for an id that does not exist, so an unknown id is
   * no bad request to them: removing a membership that is not there (204, no failure but 500 documented);
   * suspending or activating a job, job definition or process instance by id (documented: 204, or 400 for a
   * bad body only); statistics of a historic process definition (a query: 200 with nothing in it).
   */
  static final Set<String> ENGINE_UNKNOWN_ID_ALLOWED = Set.of("DELETE /group/{id}/members/{userId}",
      "DELETE /tenant/{id}/group-members/{groupId}", "DELETE /tenant/{id}/user-members/{userId}", "PUT /job/{id}/suspended",
      "PUT /job-definition/{id}/suspended", "PUT /process-instance/{id}/suspended", "GET /history/process-definition/{id}/statistics");

  /**
   * Query parameters that the OpenAPI of 7.24 documents but the server does not read (Camunda's
   * BatchQueryDto has no startedBefore/startedAfter): their values, bad or not, are ignored, as are any
   * other parameters the server does not know, so a bad value there is no bad request.
   */
  static final Set<String> ENGINE_PARAMETERS_NOT_READ = Set.of("GET /batch startedBefore", "GET /batch startedAfter",
      "GET /batch/count startedBefore", "GET /batch/count startedAfter");

  /**
   * Operations of our API left out: deploying the bundled models and logging out take no input at all,
   * so nothing about them can be malformed.
   */
  static final Set<String> API_SKIPPED = Set.of("POST /api/admin/models/bundled", "DELETE /api/session");

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

  private final Random random = new Random(9);

  @Test
  void everyMalformedOrUnknownIdRequestIsAnswered4xxWithAMessageAndOurApiWithACodeAndField() throws Exception {
    List<Bad> corpus = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      JsonObject camunda = Json.createReader(in).readObject();
      corpus.addAll(engineRestCases(camunda));
    }
    HttpResponse<String> ours = client.get("/openapi", "Accept", "application/json");
    assertThat(ours.statusCode()).as("our OpenAPI document").isEqualTo(200);
    corpus.addAll(apiCases(Json.createReader(new StringReader(ours.body())).readObject()));
    assertThat(corpus.size()).as("bad requests in the corpus").isGreaterThanOrEqualTo(300);

    List<String> offenders = new ArrayList<>();
    List<String> record = new ArrayList<>();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Bad bad : corpus) {
      HttpResponse<String> answer = client.send(bad.method(), bad.path(), bad.contentType(), bad.body(),
          "Authorization", WebClient.basic(bad.user(), "demo"));
      statuses.merge(bad.path().startsWith("/api") ? "api " + answer.statusCode() : "engine-rest " + answer.statusCode(), 1, Integer::sum);
      String answered = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
      String line = bad.method() + " " + bad.path() + " " + (bad.body() == null ? "" : bad.body().replace("\n", "\\n")) + " (" + bad.why() + ") -> "
          + answer.statusCode() + " " + answered.substring(0, Math.min(200, answered.length()));
      record.add(line);
      boolean clientError = answer.statusCode() >= 400 && answer.statusCode() < 500;
      boolean ourApi = bad.path().startsWith("/api");
      if (!clientError || !hasMessage(answer.body()) || (ourApi && !isProblem(answer))) {
        offenders.add(line);
      }
    }
    // every request and its answer, for reading
    Files.write(Path.of("target", "bad-request-corpus.txt"), record);
    System.out.println("BadRequestCorpusIT: " + corpus.size() + " bad requests, answers " + statuses);
    assertThat(offenders).as(offenders.size() + " of " + corpus.size() + " bad requests were not answered 4xx with a message:\n"
        + String.join("\n", offenders) + "\n").isEmpty();
  }

  /**
   * The documents of a proposal (issue 22): every bad upload is refused with problem+json naming the field and the file,
   * and nothing is stored; bad document parameters and a call's bad document kinds likewise.
   */
  @Test
  void badDocumentsAreRefusedByNameAndNothingIsStored() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    String callJson = "{\"title\":\"材料校验 " + run + "\",\"fields\":[\"robotics\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\""
        + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":1000000,\"awardCount\":1,\"documentKinds\":%s}";
    Map<String, String> badKinds = new LinkedHashMap<>();
    badKinds.put("[]", "documentKinds");
    badKinds.put("[{\"kind\":\"budget\",\"required\":false,\"maxMegabytes\":1,\"maxCount\":1}]", "documentKinds");
    badKinds.put("[{\"kind\":\"photo\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":1}]", "documentKinds.kind");
    badKinds.put("[{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":11,\"maxCount\":1}]", "documentKinds");
    badKinds.put("[{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":0}]", "documentKinds");
    badKinds.put("[{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":1},"
        + "{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":1}]", "documentKinds");
    badKinds.put("[{\"kind\":\"application\",\"required\":true}]", "documentKinds[0].maxCount");
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, String> bad : badKinds.entrySet()) {
      HttpResponse<String> refused = as("office", "POST", "/api/calls", String.format(callJson, bad.getKey()));
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("call documentKinds " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    HttpResponse<String> opened = as("office", "POST", "/api/calls", String.format(callJson,
        "[{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":1},"
        + "{\"kind\":\"budget\",\"required\":true,\"maxMegabytes\":1,\"maxCount\":1}]"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String call = problem(opened).getString("id");
    HttpResponse<String> drafted = as("applicant1", "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\",\"title\":\"材料校验 " + run
        + "\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\",\"team\":\"m\",\"budget\":100000}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = problem(drafted).getString("id");
    assertThat(Pdfs.upload(client, "applicant1", "demo", proposal, "application", "first.pdf", Pdfs.of("first")).statusCode()).isEqualTo(201);

    byte[] oversized = new byte[1024 * 1024 + 1];
    byte[] real = Pdfs.of("real");
    System.arraycopy(real, 0, oversized, 0, real.length);
    record Upload(String kind, String name, byte[] content, int status, String field, String code) {
    }
    List<Upload> uploads = List.of(
        new Upload("budget", "photo.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 400, "file", "attachment.not-pdf"),
        new Upload("budget", "text.pdf", "just text, renamed".getBytes(StandardCharsets.UTF_8), 400, "file", "attachment.not-pdf"),
        new Upload("budget", "locked.pdf", Pdfs.encrypted(), 400, "file", "attachment.encrypted"),
        new Upload("budget", "broken.pdf", Pdfs.broken(), 400, "file", "attachment.broken-pdf"),
        new Upload("budget", "empty.pdf", new byte[0], 400, "file", "attachment.empty"),
        new Upload("budget", "big.pdf", oversized, 413, "file", "attachment.too-large"),
        new Upload("qualification", "licence.pdf", real, 400, "kind", "attachment.kind-not-allowed"),
        new Upload("photo", "licence.pdf", real, 400, "kind", "document.kind-unknown"),
        new Upload(null, "nokind.pdf", real, 400, "kind", "attachment.kind-required"),
        new Upload("application", "second.pdf", real, 409, "kind", "attachment.too-many"));
    for (Upload upload : uploads) {
      HttpResponse<String> refused = client.upload("/api/applicant/proposals/" + proposal + "/attachments?name=" + upload.name()
          + (upload.kind() == null ? "" : "&kind=" + upload.kind()), "application/pdf", upload.content(), "Authorization", WebClient.basic("applicant1", "demo"));
      boolean named = upload.code().equals("attachment.kind-required") || upload.code().equals("document.kind-unknown") || refused.body().contains(upload.name());
      if (refused.statusCode() != upload.status() || !isProblem(refused) || !upload.field().equals(problem(refused).getString("field", null))
          || !upload.code().equals(problem(refused).getString("code")) || !named) {
        offenders.add("upload " + upload.kind() + " " + upload.name() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    JsonArray stored = (JsonArray) Json.createReader(new StringReader(as("applicant1", "GET", "/api/applicant/proposals/" + proposal + "/attachments",
        null).body())).read();
    assertThat(stored).as("nothing but the first document was stored").hasSize(1);
    HttpResponse<String> missing = as("applicant1", "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
    if (missing.statusCode() != 400 || !isProblem(missing) || !"documents.budget".equals(problem(missing).getString("field", null))) {
      offenders.add("submit without the budget sheet -> " + missing.statusCode() + " " + missing.body());
    }
    String document = stored.getJsonObject(0).getString("id");
    Map<String, String> badReads = new LinkedHashMap<>();
    badReads.put("/api/documents/" + document + "?task=" + "x".repeat(65), "task");
    badReads.put("/api/documents/" + document + "?task=a%20b", "task");
    badReads.put("/api/documents", "proposalId");
    badReads.put("/api/documents/reads", "proposalId");
    badReads.put("/api/transparency/proposals/" + proposal + "/report?format=docx", "format");
    badReads.put("/api/transparency/calls/" + UUID.randomUUID() + "/dossier?format=html", "format");
    // a round's or campaign's overview checks its parameters before it looks the id up
    badReads.put("/api/console/scenario-rounds/no-such-round/items?status=WON", "status");
    badReads.put("/api/console/scenario-rounds/no-such-round/items?sort=colour", "sort");
    badReads.put("/api/console/voucher-rounds/no-such-round/applications?status=PAID", "status");
    badReads.put("/api/console/voucher-rounds/no-such-round/applications?order=up", "order");
    badReads.put("/api/console/spot-check-campaigns/no-such-campaign/inspections?status=LOST", "status");
    badReads.put("/api/console/spot-check-campaigns/no-such-campaign/inspections?sort=colour", "sort");
    badReads.put("/api/console/spot-check-campaigns/no-such-campaign/results/export?format=ods", "format");
    badReads.put("/api/console/spot-check-campaigns/no-such-campaign/results/export?format=csv&sort=colour", "sort");
    for (Map.Entry<String, String> bad : badReads.entrySet()) {
      HttpResponse<String> refused = as("office", "GET", bad.getKey(), null);
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("GET " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    HttpResponse<String> badFormat = as("applicant1", "GET", "/api/applicant/proposals/" + proposal + "/report?format=xml", null);
    if (badFormat.statusCode() != 400 || !isProblem(badFormat) || !"format".equals(problem(badFormat).getString("field", null))) {
      offenders.add("GET the applicant's report as xml -> " + badFormat.statusCode() + " " + badFormat.body());
    }
    HttpResponse<String> unknown = as("applicant1", "DELETE", "/api/applicant/proposals/" + proposal + "/attachments/" + UUID.randomUUID(), null);
    if (unknown.statusCode() != 404 || !isProblem(unknown)) {
      offenders.add("DELETE an unknown attachment -> " + unknown.statusCode() + " " + unknown.body());
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * A voucher's redemption files (issue 23): every bad upload is refused with problem+json naming the field and the
   * file, nothing is stored, and a redemption without the contract and an invoice file is refused naming "files".
   */
  @Test
  void badVoucherFilesAreRefusedByNameAndNothingIsStored() throws Exception {
    String run = VoucherIT.run();
    HttpResponse<String> round = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"材料校验算力券 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1000000,\"validUntil\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(30).withNano(0)
        + "\",\"expertThreshold\":1000000,\"reminderDays\":10}");
    assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
    HttpResponse<String> supplier = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"校验智算 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"吴十\",\"shareholders\":[],\"contactEmail\":\"v@compute.example\"}");
    String supplierId = problem(supplier).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true}").statusCode()).isEqualTo(200);
    String user = "vb" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("材料校验企业 " + run,
        VoucherIT.randomCreditCode(), user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> applied = asUser(user, "secret12345", "POST", "/api/applicant/vouchers",
        VoucherIT.application(problem(round).getString("id"), supplierId, 100_000, "none"));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String voucher = problem(applied).getString("id");
    officials.completeOne("office", voucher, "userTask_reviewVoucher", Officials.string("approved", "true"));

    byte[] oversized = new byte[10 * 1024 * 1024 + 1];
    byte[] real = Pdfs.of("real");
    System.arraycopy(real, 0, oversized, 0, real.length);
    record Upload(String kind, String name, byte[] content, int status, String field, String code) {
    }
    List<Upload> uploads = List.of(
        new Upload("contract", "photo.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 400, "file", "attachment.not-pdf"),
        new Upload("invoice", "text.pdf", "just text, renamed".getBytes(StandardCharsets.UTF_8), 400, "file", "attachment.not-pdf"),
        new Upload("contract", "locked.pdf", Pdfs.encrypted(), 400, "file", "attachment.encrypted"),
        new Upload("usage", "broken.pdf", Pdfs.broken(), 400, "file", "attachment.broken-pdf"),
        new Upload("invoice", "empty.pdf", new byte[0], 400, "file", "attachment.empty"),
        new Upload("contract", "big.pdf", oversized, 413, "file", "attachment.too-large"),
        new Upload("receipt", "receipt.pdf", real, 400, "kind", "voucher.file-kind"),
        new Upload(null, "nokind.pdf", real, 400, "kind", "voucher.file-kind"));
    List<String> offenders = new ArrayList<>();
    for (Upload upload : uploads) {
      HttpResponse<String> refused = client.upload("/api/applicant/vouchers/" + voucher + "/files?name=" + upload.name()
          + (upload.kind() == null ? "" : "&kind=" + upload.kind()), "application/pdf", upload.content(), "Authorization", WebClient.basic(user, "secret12345"));
      boolean named = upload.field().equals("kind") || refused.body().contains(upload.name());
      if (refused.statusCode() != upload.status() || !isProblem(refused) || !upload.field().equals(problem(refused).getString("field", null))
          || !upload.code().equals(problem(refused).getString("code")) || !named) {
        offenders.add("voucher upload " + upload.kind() + " " + upload.name() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    HttpResponse<String> noName = client.upload("/api/applicant/vouchers/" + voucher + "/files?kind=contract", "application/pdf", real,
        "Authorization", WebClient.basic(user, "secret12345"));
    if (noName.statusCode() != 400 || !isProblem(noName) || !"name".equals(problem(noName).getString("field", null))) {
      offenders.add("voucher upload without a name -> " + noName.statusCode() + " " + noName.body());
    }
    assertThat((JsonArray) Json.createReader(new StringReader(asUser(user, "secret12345", "GET", "/api/applicant/vouchers/" + voucher + "/files",
        null).body())).read()).as("nothing was stored").isEmpty();
    HttpResponse<String> noFiles = asUser(user, "secret12345", "POST", "/api/applicant/vouchers/" + voucher + "/redemption",
        VoucherIT.redemption("HT-B-" + run, 100_000, "INV-B-" + run, 50_000, 50_000));
    if (noFiles.statusCode() != 400 || !isProblem(noFiles) || !"files".equals(problem(noFiles).getString("field", null))) {
      offenders.add("redemption without files -> " + noFiles.statusCode() + " " + noFiles.body());
    }
    Map<String, String> badReads = new LinkedHashMap<>();
    badReads.put("/api/voucher-files/" + UUID.randomUUID() + "?task=" + "x".repeat(65), "task");
    badReads.put("/api/voucher-files/reads", "voucherId");
    badReads.put("/api/voucher-files", "voucherId");
    for (Map.Entry<String, String> bad : badReads.entrySet()) {
      HttpResponse<String> refused = as("office", "GET", bad.getKey(), null);
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("GET " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * The supplier listing's correction loop (issue 23): the office's bad decisions and a supplier's bad corrections are
   * refused with problem+json naming the field, and change nothing.
   */
  /** The auditors' operations (issue 26): an unknown draw kind, an unknown draw and missing record filters, each named. */
  /**
   * Issue 27: a proposal's co-applicants, scenarios, exclusions and indicators, each bad value refused with 400
   * naming it, on the draft, the save and the submit; nothing changes.
   */
  @Test
  void badProposalParticularsAreRefusedNamingTheValue() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"申报要素校验 " + run + "\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":1000000,"
        + "\"awardCount\":1}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String call = problem(opened).getString("id");
    String base = "\"title\":\"申报要素 " + run + "\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\","
        + "\"expectedOutcomes\":\"o\",\"team\":\"m\",\"budget\":100000";
    String good = "{\"creditCode\":\"91310000MJ1JJJJJ5R\",\"name\":\"甲\"}";
    String reason = "\"reason\":\"理由\"";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("\"coApplicants\":[{\"creditCode\":\"91310000MJ1JJJJJ5\",\"name\":\"甲\"}]", "coApplicants[0].creditCode");
    cases.put("\"coApplicants\":[" + good + ",{\"creditCode\":\"91310000MJ1JJJJJ5A\",\"name\":\"乙\"}]", "coApplicants[1].creditCode");
    cases.put("\"coApplicants\":[" + good + "," + good + "]", "coApplicants[1].creditCode");
    cases.put("\"coApplicants\":[{\"creditCode\":\"91310000MJ1JJJJJ5R\"}]", "coApplicants[0].name");
    cases.put("\"coApplicants\":[null]", "coApplicants[0]");
    cases.put("\"scenarios\":[\"V99999-01\"]", "scenarios[0]");
    cases.put("\"scenarios\":[\" \"]", "scenarios[0]");
    cases.put("\"exclusions\":[{\"organisation\":\"某大学\"," + reason + "},{\"expertName\":\"张三\",\"organisation\":\"某大学\"}]", "exclusions[1].reason");
    cases.put("\"exclusions\":[{\"expertName\":\"张三\"," + reason + "}]", "exclusions[0].organisation");
    cases.put("\"exclusions\":[" + String.join(",", java.util.Collections.nCopies(4, "{\"organisation\":\"某大学\"," + reason + "}")) + "]", "exclusions");
    cases.put("\"indicators\":[{\"name\":\"时延\",\"unit\":\"ms\"}]", "indicators[0].target");
    cases.put("\"indicators\":[{\"name\":\"时延\",\"unit\":\"ms\",\"target\":1},{\"unit\":\"ms\",\"target\":1}]", "indicators[1].name");
    cases.put("\"indicators\":[{\"name\":\"时延\",\"target\":1}]", "indicators[0].unit");
    cases.put("\"indicators\":[{\"name\":\"时延\",\"unit\":\"ms\",\"baseline\":1e20,\"target\":1}]", "indicators[0].baseline");
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> refused = as("applicant1", "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\"," + base + "," + bad.getKey() + "}");
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("draft " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    // the applicant's own organisation is no co-applicant; a save is checked as the draft is; a submit needs an indicator
    HttpResponse<String> drafted = as("applicant1", "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\"," + base + "}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = problem(drafted).getString("id");
    String ownCode = ((JsonObject) WebClient.json(as("applicant1", "GET", "/api/applicant/organisation", null))).getString("creditCode", "");
    if (!ownCode.isEmpty()) {
      HttpResponse<String> self = as("applicant1", "PUT", "/api/applicant/proposals/" + proposal, "{" + base + ",\"coApplicants\":[{\"creditCode\":\""
          + ownCode + "\",\"name\":\"本单位\"}]}");
      if (self.statusCode() != 400 || !"coApplicants[0].creditCode".equals(problem(self).getString("field", null))) {
        offenders.add("own organisation as co-applicant -> " + self.statusCode() + " " + self.body());
      }
    }
    HttpResponse<String> saved = as("applicant1", "PUT", "/api/applicant/proposals/" + proposal, "{" + base + ",\"indicators\":[{\"name\":\"x\"}]}");
    if (saved.statusCode() != 400 || !"indicators[0].unit".equals(problem(saved).getString("field", null))) {
      offenders.add("save indicators[0] without unit -> " + saved.statusCode() + " " + saved.body());
    }
    Pdfs.attachRequired(client, "applicant1", "demo", proposal);
    HttpResponse<String> unmeasured = as("applicant1", "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
    if (unmeasured.statusCode() != 400 || !"indicators".equals(problem(unmeasured).getString("field", null))) {
      offenders.add("submit without an indicator -> " + unmeasured.statusCode() + " " + unmeasured.body());
    }
    assertThat(problem(as("applicant1", "GET", "/api/applicant/proposals/" + proposal, null)).getString("status")).isEqualTo("DRAFT");
    assertThat(offenders).isEmpty();
  }

  @Test
  void badAuditRequestsAreRefusedNamingTheField() throws Exception {
    Map<String, Object[]> cases = new LinkedHashMap<>();
    cases.put("POST /api/audit/draws/lottery/x/replay", new Object[] {400, "kind"});
    cases.put("POST /api/audit/draws/REVIEW/x/replay", new Object[] {400, "kind"});
    cases.put("POST /api/audit/draws/review/" + UUID.randomUUID() + "/replay", new Object[] {404, null});
    cases.put("POST /api/audit/draws/spot-check/" + UUID.randomUUID() + "/replay", new Object[] {404, null});
    cases.put("GET /api/audit/records", new Object[] {400, "subjectType"});
    cases.put("GET /api/audit/records?subjectType=review-request", new Object[] {400, "subjectId"});
    cases.put("GET /api/audit/records?subjectType=" + "t".repeat(65) + "&subjectId=x", new Object[] {400, "subjectType"});
    cases.put("GET /api/audit/verify?stream=" + "s".repeat(201), new Object[] {400, "stream"});
    cases.put("GET /api/audit/verify?stream=%20", new Object[] {400, "stream"});
    cases.put("GET /api/audit/failed-logins?max=0", new Object[] {400, "max"});
    cases.put("GET /api/audit/failed-logins?max=1001", new Object[] {400, "max"});
    cases.put("GET /api/audit/failed-logins?max=many", new Object[] {400, "max"});
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, Object[]> bad : cases.entrySet()) {
      String[] request = bad.getKey().split(" ", 2);
      HttpResponse<String> refused = as("auditor", request[0], request[1], null);
      Object field = bad.getValue()[1];
      if (refused.statusCode() != (int) bad.getValue()[0] || !isProblem(refused) || !hasMessage(refused.body())
          || (field != null && !field.equals(problem(refused).getString("field", null)))) {
        offenders.add(bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void badListingDecisionsAndCorrectionsAreRefusedNamingTheField() throws Exception {
    String run = VoucherIT.run();
    String staff = "lb" + run;
    HttpResponse<String> applied = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"补正校验 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"郑一\",\"shareholders\":[\"郑一\"],\"contactEmail\":\"c@compute.example\","
        + "\"user\":{\"userId\":\"" + staff + "\",\"password\":\"secret12345\",\"name\":\"郑一\"}}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String supplierId = problem(applied).getString("id");
    List<String> offenders = new ArrayList<>();
    Map<String, String> badDecisions = new LinkedHashMap<>();
    badDecisions.put("{}", "decision");
    badDecisions.put("{\"decision\":\"PERHAPS\"}", "decision");
    badDecisions.put("{\"decision\":\"RETURNED\"}", "note");
    badDecisions.put("{\"decision\":\"RETURNED\",\"note\":\"  \"}", "note");
    badDecisions.put("{\"decision\":\"RETURNED\",\"note\":\"" + "长".repeat(1001) + "\"}", "note");
    badDecisions.put("{\"decision\":\"LISTED\",\"listed\":false}", "listed");
    for (Map.Entry<String, String> bad : badDecisions.entrySet()) {
      HttpResponse<String> refused = as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", bad.getKey());
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("decision " + bad.getKey().substring(0, Math.min(60, bad.getKey().length())) + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    HttpResponse<String> returned = as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision",
        "{\"decision\":\"RETURNED\",\"note\":\"请更正联系邮箱\"}");
    assertThat(returned.statusCode()).as("none of the bad decisions decided: " + returned.body()).isEqualTo(200);

    String good = "{\"name\":\"补正校验 " + run + "\",\"legalRepresentative\":\"郑一\",\"shareholders\":[\"郑一\"],\"contactEmail\":\"c@compute.example\"}";
    Map<String, String> badCorrections = new LinkedHashMap<>();
    badCorrections.put(good.replace("\"name\":\"补正校验 " + run + "\"", "\"name\":\"  \""), "name");
    badCorrections.put(good.replace("\"name\":\"补正校验 " + run + "\"", "\"name\":\"" + "名".repeat(201) + "\""), "name");
    badCorrections.put(good.replace("\"legalRepresentative\":\"郑一\",", ""), "legalRepresentative");
    badCorrections.put(good.replace("c@compute.example", "no-at-sign"), "contactEmail");
    badCorrections.put(good.replace("\"contactEmail\":\"c@compute.example\"", "\"contactEmail\":null"), "contactEmail");
    for (Map.Entry<String, String> bad : badCorrections.entrySet()) {
      HttpResponse<String> refused = asUser(staff, "secret12345", "PUT", "/api/supplier/listing", bad.getKey());
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("correction " + bad.getKey().substring(0, Math.min(80, bad.getKey().length())) + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    assertThat(problem(asUser(staff, "secret12345", "GET", "/api/supplier/listing", null)).getString("status")).as("nothing was corrected")
        .isEqualTo("RETURNED");
    assertThat(offenders).isEmpty();
  }

  /**
   * The programme dashboard (issue 26): a bad year in the query or the path, and bad target lines, are refused with
   * problem+json naming {@code year} or the line's field; nothing is set.
   */
  @Test
  void badDashboardYearsAndTargetsAreRefusedNamingTheField() throws Exception {
    List<String> offenders = new ArrayList<>();
    Map<String, String> badReads = new LinkedHashMap<>();
    for (String year : List.of("20x6", "1999", "2101", "26", "%20", "2026.5")) {
      badReads.put("/api/dashboard?year=" + year, "office");
      badReads.put("/api/public/dashboard?year=" + year, null);
      badReads.put("/api/dashboard/targets/" + year, "office");
    }
    for (Map.Entry<String, String> bad : badReads.entrySet()) {
      HttpResponse<String> refused = bad.getValue() == null ? anonymous("GET", bad.getKey(), null) : as(bad.getValue(), "GET", bad.getKey(), null);
      if (refused.statusCode() != 400 || !isProblem(refused) || !"year".equals(problem(refused).getString("field", null))) {
        offenders.add("GET " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    Map<String, String> badTargets = new LinkedHashMap<>();
    badTargets.put("{}", "targets");
    badTargets.put("{\"targets\":null}", "targets");
    badTargets.put("{\"targets\":[{\"value\":1}]}", "targets[0].measure");
    badTargets.put("{\"targets\":[{\"measure\":\"fun\",\"value\":1}]}", "targets[0].measure");
    badTargets.put("{\"targets\":[{\"measure\":\"callsOpened\"}]}", "targets[0].value");
    badTargets.put("{\"targets\":[{\"measure\":\"callsOpened\",\"value\":-3}]}", "targets[0].value");
    badTargets.put("{\"targets\":[{\"measure\":\"callsOpened\",\"value\":2.5}]}", "targets[0].value");
    badTargets.put("{\"targets\":[{\"measure\":\"awardFunds\",\"value\":1.234}]}", "targets[0].value");
    badTargets.put("{\"targets\":[{\"measure\":\"callsOpened\",\"field\":\"knitting\",\"value\":1}]}", "targets[0].field");
    badTargets.put("{\"targets\":[{\"measure\":\"callsOpened\",\"value\":1},{\"measure\":\"callsOpened\",\"value\":1}]}", "targets[1]");
    for (Map.Entry<String, String> bad : badTargets.entrySet()) {
      HttpResponse<String> refused = as("office", "PUT", "/api/dashboard/targets/2097", bad.getKey());
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("PUT " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    // a value of the wrong JSON type is refused by the binder, naming the property it could not bind
    HttpResponse<String> wrongType = as("office", "PUT", "/api/dashboard/targets/2097", "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":\"lots\"}]}");
    if (wrongType.statusCode() != 400 || !isProblem(wrongType) || problem(wrongType).getString("field", null) == null) {
      offenders.add("PUT value \"lots\" -> " + wrongType.statusCode() + " " + wrongType.body());
    }
    HttpResponse<String> badPath = as("office", "PUT", "/api/dashboard/targets/twenty", "{\"targets\":[]}");
    if (badPath.statusCode() != 400 || !"year".equals(problem(badPath).getString("field", null))) {
      offenders.add("PUT /api/dashboard/targets/twenty -> " + badPath.statusCode() + " " + badPath.body());
    }
    assertThat(problem(as("office", "GET", "/api/dashboard/targets/2097", null)).getJsonArray("targets")).as("nothing was set").isEmpty();
    assertThat(offenders).isEmpty();
  }

  /**
   * The officials' console (issue 28): a bulk request without a kind, of a kind that needs an individual judgement, without
   * tasks or with too many, a reassignment without an assignee; an overview's bad filter, sort or order; an export's bad
   * format; a spreadsheet import that is no .xlsx: each refused with problem+json naming the field.
   */
  @Test
  void badConsoleRequestsAreRefusedNamingTheField() throws Exception {
    String call = officials.openCall("工作台校验 " + Long.toString(System.nanoTime(), 36), "robotics");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= 500; i++) {
      many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    Map<String, String> badBulk = new LinkedHashMap<>();
    badBulk.put("{\"taskIds\":[\"t\"]}", "kind");
    badBulk.put("{\"kind\":\"\",\"taskIds\":[\"t\"]}", "kind");
    badBulk.put("{\"kind\":\"approve-everything\",\"taskIds\":[\"t\"]}", "kind");
    badBulk.put("{\"kind\":\"score\",\"taskIds\":[\"t\"]}", "kind");
    badBulk.put("{\"kind\":\"approve-awards\",\"taskIds\":[\"t\"]}", "kind");
    badBulk.put("{\"kind\":\"claim\"}", "taskIds");
    badBulk.put("{\"kind\":\"claim\",\"taskIds\":[]}", "taskIds");
    badBulk.put("{\"kind\":\"claim\",\"taskIds\":[" + many + "]}", "taskIds");
    badBulk.put("{\"kind\":\"claim\",\"taskIds\":[\"t\"],\"comment\":\"" + "长".repeat(2001) + "\"}", "comment");
    badBulk.put("{\"kind\":\"assign\",\"taskIds\":[\"t\"]}", "assignee");
    List<String> offenders = new ArrayList<>();
    for (Map.Entry<String, String> bad : badBulk.entrySet()) {
      String user = bad.getValue().equals("assignee") ? "admin" : "office";
      HttpResponse<String> refused = as(user, "POST", "/api/console/bulk", bad.getKey());
      String field = refused.statusCode() == 400 && isProblem(refused) ? problem(refused).getString("field", null) : null;
      if (field == null || !field.startsWith(bad.getValue())) {
        offenders.add("POST /api/console/bulk " + bad.getKey().substring(0, Math.min(80, bad.getKey().length())) + " -> " + refused.statusCode()
            + " " + refused.body());
      }
    }
    Map<String, String> badReads = new LinkedHashMap<>();
    badReads.put("/api/console/calls/" + call + "/proposals?status=LOST", "status");
    badReads.put("/api/console/calls/" + call + "/proposals?formalCheck=maybe", "formalCheck");
    badReads.put("/api/console/calls/" + call + "/proposals?sort=colour", "sort");
    badReads.put("/api/console/calls/" + call + "/proposals?order=up", "order");
    badReads.put("/api/console/calls/" + call + "/proposals/export?format=pdf", "format");
    badReads.put("/api/console/calls/" + call + "/proposals/export?format=csv&sort=colour", "sort");
    badReads.put("/api/console/calls/" + call + "/ranking/export?format=docx", "format");
    badReads.put("/api/console/expert-workload/export?format=ods", "format");
    badReads.put("/api/console/voucher-rounds/no-such-round/ledger/export?format=ods", "format");
    for (Map.Entry<String, String> bad : badReads.entrySet()) {
      HttpResponse<String> refused = as("office", "GET", bad.getKey(), null);
      if (refused.statusCode() != 400 || !isProblem(refused) || !bad.getValue().equals(problem(refused).getString("field", null))) {
        offenders.add("GET " + bad.getKey() + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    for (String unknown : List.of("/api/console/scenario-rounds/no-such-round/items", "/api/console/voucher-rounds/no-such-round/applications",
        "/api/console/spot-check-campaigns/no-such-campaign/inspections", "/api/console/spot-check-campaigns/no-such-campaign/results/export",
        "/api/console/spot-check-campaigns/" + "x".repeat(80) + "/inspections")) {
      HttpResponse<String> refused = as("office", "GET", unknown, null);
      if (refused.statusCode() != 404 || !isProblem(refused) || !"id".equals(problem(refused).getString("field", null))) {
        offenders.add("GET " + unknown + " -> " + refused.statusCode() + " " + refused.body());
      }
    }
    HttpResponse<String> unknownCall = as("office", "GET", "/api/console/calls/no-such-call/proposals", null);
    if (unknownCall.statusCode() != 404 || !isProblem(unknownCall)) {
      offenders.add("GET an unknown call's overview -> " + unknownCall.statusCode() + " " + unknownCall.body());
    }
    for (byte[] notXlsx : List.of(new byte[] {'P', 'K', 3, 4, 0, 0}, "userId,name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      HttpResponse<String> refused = client.upload("/api/experts/import/xlsx?dryRun=true", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          notXlsx, "Authorization", WebClient.basic("secretary", "demo"));
      if (refused.statusCode() != 400 || !isProblem(refused) || !"file".equals(problem(refused).getString("field", null))) {
        offenders.add("POST /api/experts/import/xlsx (not an .xlsx) -> " + refused.statusCode() + " " + refused.body());
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static JsonObject problem(HttpResponse<String> answer) {
    return Json.createReader(new StringReader(answer.body())).readObject();
  }

  /**
   * Our API's refusals are RFC 9457 problem+json with a stable {@code code}, the {@code field} (null when no field
   * is at fault) and the message in Chinese and English.
   */
  static boolean isProblem(HttpResponse<String> answer) {
    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
      JsonObject messages = problem.getJsonObject("messages");
      return !problem.getString("code", "").isBlank() && problem.containsKey("field") && messages != null
          && !messages.getString("zh", "").isBlank() && !messages.getString("en", "").isBlank();
    } catch (RuntimeException notAProblem) {
      return false;
    }
  }

  /** A JSON object with a non-blank {@code message}: Camunda's ExceptionDto and our API's errors both have one. */
  static boolean hasMessage(String body) {
    try {
      JsonStructure json = Json.createReader(new StringReader(body)).read();
      if (json instanceof JsonObject object && object.get("message") instanceof JsonString message) {
        return !message.getString().isBlank();
      }
    } catch (RuntimeException notJson) {
      // no JSON: no message
    }
    return false;
  }

  // ---------------------------------------------------------------- /engine-rest

  List<Bad> engineRestCases(JsonObject doc) {
    List<Bad> cases = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!Set.of("get", "post", "put", "delete").contains(method)) {
          continue; // OPTIONS: the links of a resource, no input
        }
        String verb = method.toUpperCase();
        if (ENGINE_SKIPPED.contains(verb + " " + path)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        List<JsonObject> parameters = parameters(doc, item, operation);
        JsonObject bodySchema = jsonBodySchema(doc, operation);
        boolean hasPathIds = PATH_PARAMETER.matcher(path).find();
        String url = "/engine-rest" + path;
        String operationId = operation.getString("operationId", "");
        boolean query = operationId.startsWith("query") || operationId.startsWith("postQuery");

        if (hasPathIds && !ENGINE_UNKNOWN_ID_ALLOWED.contains(verb + " " + path)) {
          // ids that do not exist (random UUIDs; the engine's ids are not UUIDs of this generator)
          String unknown = withUnknownIds(url);
          String body = bodySchema != null ? "{}" : null;
          cases.add(new Bad(verb, unknown, body == null ? null : "application/json", body, "admin",
              "unknown id" + (body == null ? "" : ", empty body")));
        }
        if (bodySchema != null) {
          String target = hasPathIds ? withUnknownIds(url) : url;
          cases.add(new Bad(verb, target, "application/json", "{\"id\": \"x\", ", "admin", "malformed JSON"));
          if ("object".equals(type(doc, bodySchema)) || !properties(doc, bodySchema).isEmpty()) {
            cases.add(new Bad(verb, target, "application/json", "[1, 2, 3]", "admin", "an array where an object is expected"));
          } else if ("array".equals(type(doc, bodySchema))) {
            cases.add(new Bad(verb, target, "application/json", "{\"not\": \"an array\"}", "admin", "an object where an array is expected"));
          }
          int typed = 0;
          for (Map.Entry<String, JsonObject> property : typedFirst(doc, properties(doc, bodySchema)).entrySet()) {
            String wrong = wrongValue(doc, property.getValue());
            if (wrong == null || typed == 3) {
              continue;
            }
            typed++;
            cases.add(new Bad(verb, target, "application/json", "{\"" + property.getKey() + "\": " + wrong + "}", "admin",
                "wrong JSON type for " + property.getKey() + " (" + describe(doc, property.getValue()) + ")"));
          }
          Map<String, JsonObject> properties = properties(doc, bodySchema);
          if (!query && !properties.isEmpty() && !ENGINE_NULLS_ALLOWED.contains(verb + " " + path)
              && !ENGINE_UNKNOWN_ID_ALLOWED.contains(verb + " " + path)) {
            StringBuilder nulls = new StringBuilder("{");
            for (String name : properties.keySet()) {
              nulls.append(nulls.length() > 1 ? ", " : "").append('"').append(name).append("\": null");
            }
            cases.add(new Bad(verb, target, "application/json", nulls.append('}').toString(), "admin", "every field null"));
          }
          JsonObject sorting = properties.get("sorting");
          if (sorting != null) {
            cases.add(new Bad(verb, target, "application/json", "{\"sorting\": [{\"sortBy\": \"noSuchSortKey\", \"sortOrder\": \"asc\"}]}",
                "admin", "unknown sort key"));
          }
        }
        if (!hasPathIds && ("GET".equals(verb) || query)) {
          cases.addAll(queryParameterCases(doc, verb, url, parameters.stream()
              .filter(p -> !ENGINE_PARAMETERS_NOT_READ.contains(verb + " " + path + " " + p.getString("name", ""))).toList(), bodySchema));
        }
      }
    }
    return cases;
  }

  /** Bad values of the operation's query parameters, one at a time. */
  List<Bad> queryParameterCases(JsonObject doc, String verb, String url, List<JsonObject> parameters, JsonObject bodySchema) {
    List<Bad> cases = new ArrayList<>();
    String body = bodySchema == null ? null : "{}";
    String contentType = body == null ? null : "application/json";
    boolean date = false;
    boolean bool = false;
    boolean integer = false;
    for (JsonObject parameter : parameters) {
      if (!"query".equals(parameter.getString("in", ""))) {
        continue;
      }
      String name = parameter.getString("name");
      JsonObject schema = parameter.getJsonObject("schema");
      String type = schema == null ? "" : schema.getString("type", "");
      String format = schema == null ? "" : schema.getString("format", "");
      if (name.equals("firstResult") || name.equals("maxResults")) {
        cases.add(new Bad(verb, url + "?" + name + "=ten", contentType, body, "admin", name + " not a number"));
      } else if (name.equals("sortBy")) {
        cases.add(new Bad(verb, url + "?sortBy=noSuchSortKey&sortOrder=asc", contentType, body, "admin", "unknown sort key"));
        JsonArray keys = schema == null ? null : schema.getJsonArray("enum");
        if (keys != null && !keys.isEmpty()) {
          cases.add(new Bad(verb, url + "?sortBy=" + keys.getString(0) + "&sortOrder=sideways", contentType, body, "admin",
              "unknown sort order"));
        }
      } else if ("date-time".equals(format) && !date) {
        date = true;
        cases.add(new Bad(verb, url + "?" + name + "=yesterday-ish", contentType, body, "admin", name + " not a date"));
      } else if ("boolean".equals(type) && !bool) {
        bool = true;
        cases.add(new Bad(verb, url + "?" + name + "=perhaps", contentType, body, "admin", name + " not a boolean"));
      } else if ("integer".equals(type) && !integer) {
        integer = true;
        cases.add(new Bad(verb, url + "?" + name + "=many", contentType, body, "admin", name + " not a number"));
      }
    }
    return cases;
  }

  // ---------------------------------------------------------------- /api

  List<Bad> apiCases(JsonObject doc) {
    List<Bad> cases = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String documented : paths.keySet()) {
      String path = documented.startsWith("/api/") ? documented : "/api" + documented;
      JsonObject item = paths.getJsonObject(documented);
      for (String method : item.keySet()) {
        if (!Set.of("get", "post", "put", "delete").contains(method)) {
          continue;
        }
        String verb = method.toUpperCase();
        if (API_SKIPPED.contains(verb + " " + path)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        String user = apiUser(path);
        boolean hasPathIds = PATH_PARAMETER.matcher(path).find();
        String target = hasPathIds ? withUnknownIds(path) : path;
        JsonObject content = operation.containsKey("requestBody")
            ? operation.getJsonObject("requestBody").getJsonObject("content") : null;
        boolean json = content != null && content.containsKey("application/json");
        if (hasPathIds) {
          cases.add(new Bad(verb, target, json ? "application/json" : null, json ? "{}" : null, user,
              "unknown id" + (json ? ", empty body" : "")));
        }
        if (json) {
          cases.add(new Bad(verb, target, "application/json", "{\"title\": ", user, "malformed JSON"));
          cases.add(new Bad(verb, target, "application/json", "[1, 2, 3]", user, "an array where an object is expected"));
          cases.add(new Bad(verb, target, "application/json", "\"text\"", user, "a string where an object is expected"));
          cases.add(new Bad(verb, target, "text/plain", "hello", user, "not JSON at all"));
          if (!hasPathIds) {
            cases.add(new Bad(verb, target, "application/json", "{}", user, "required fields missing"));
          }
        } else if (content != null && content.containsKey("text/csv")) {
          cases.add(new Bad(verb, target, "text/csv", "nothing,we,know\n1,2,3\n", user, "CSV without the required columns"));
        } else if (content != null && content.containsKey("multipart/form-data")) {
          cases.add(new Bad(verb, target, "application/json", "{}", user, "JSON where a multipart form is expected"));
        }
      }
    }
    return cases;
  }

  /** A user with the role each part of our API needs (password demo), so that input, not login, is tested. */
  static String apiUser(String path) {
    if (path.startsWith("/api/applicant")) {
      return "applicant1";
    }
    if (path.startsWith("/api/reviews") || path.startsWith("/api/experts")) {
      return "secretary";
    }
    if (path.startsWith("/api/audit")) {
      return "auditor";
    }
    if (path.startsWith("/api/admin") || path.startsWith("/api/outbox")) {
      return "admin";
    }
    if (path.startsWith("/api/supplier/")) {
      return "supplier1";
    }
    if (path.startsWith("/api/supervision/inspections/") && (path.endsWith("/result") || path.endsWith("/follow-up"))) {
      // only a drawn inspector records results (the unknown ids make every one of these requests bad)
      return "inspector2";
    }
    return "office";
  }

  // ---------------------------------------------------------------- OpenAPI helpers

  String withUnknownIds(String path) {
    Matcher m = PATH_PARAMETER.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, new UUID(random.nextLong(), random.nextLong()).toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  static List<JsonObject> parameters(JsonObject doc, JsonObject item, JsonObject operation) {
    List<JsonObject> all = new ArrayList<>();
    for (JsonObject holder : List.of(item, operation)) {
      if (holder.containsKey("parameters")) {
        for (JsonValue p : holder.getJsonArray("parameters")) {
          all.add(resolve(doc, p.asJsonObject()));
        }
      }
    }
    return all;
  }

  static JsonObject jsonBodySchema(JsonObject doc, JsonObject operation) {
    if (!operation.containsKey("requestBody")) {
      return null;
    }
    JsonObject content = resolve(doc, operation.getJsonObject("requestBody")).getJsonObject("content");
    if (content == null || !content.containsKey("application/json")) {
      return null;
    }
    JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
    return schema == null ? Json.createObjectBuilder().build() : resolve(doc, schema);
  }

  static JsonObject resolve(JsonObject doc, JsonObject node) {
    JsonObject current = node;
    while (current.containsKey("$ref")) {
      String[] parts = current.getString("$ref").substring(2).split("/");
      JsonObject target = doc;
      for (String part : parts) {
        target = target.getJsonObject(part);
      }
      current = target;
    }
    return current;
  }

  /** Properties of an object schema, those of allOf parts included. */
  static Map<String, JsonObject> properties(JsonObject doc, JsonObject schema) {
    Map<String, JsonObject> all = new LinkedHashMap<>();
    JsonObject resolved = resolve(doc, schema);
    if (resolved.containsKey("allOf")) {
      for (JsonValue part : resolved.getJsonArray("allOf")) {
        all.putAll(properties(doc, part.asJsonObject()));
      }
    }
    if (resolved.containsKey("properties")) {
      JsonObject properties = resolved.getJsonObject("properties");
      for (String name : properties.keySet()) {
        all.put(name, properties.getJsonObject(name));
      }
    }
    return all;
  }

  static String type(JsonObject doc, JsonObject schema) {
    JsonObject resolved = resolve(doc, schema);
    if (resolved.containsKey("type")) {
      return resolved.getString("type");
    }
    return resolved.containsKey("properties") || resolved.containsKey("allOf") ? "object" : "";
  }

  /** Properties whose type is not a plain string first: their wrong values are the most telling. */
  static Map<String, JsonObject> typedFirst(JsonObject doc, Map<String, JsonObject> properties) {
    Map<String, JsonObject> ordered = new LinkedHashMap<>();
    properties.forEach((name, schema) -> {
      if (!"string".equals(type(doc, schema)) && !type(doc, schema).isEmpty()) {
        ordered.put(name, schema);
      }
    });
    properties.forEach((name, schema) -> {
      if ("string".equals(type(doc, schema)) && resolve(doc, schema).containsKey("format")) {
        ordered.put(name, schema);
      }
    });
    properties.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** A JSON value of the wrong type for this schema, or null when its type is not declared (anything goes). */
  static String wrongValue(JsonObject doc, JsonObject schema) {
    JsonObject resolved = resolve(doc, schema);
    return switch (type(doc, schema)) {
      case "integer", "number" -> "\"not a number\"";
      case "boolean" -> "\"not a boolean\"";
      case "array" -> "\"not an array\"";
      case "object" -> resolved.containsKey("additionalProperties") || resolved.containsKey("properties") || resolved.containsKey("allOf")
          || schema.containsKey("$ref") ? "\"not an object\"" : null;
      case "string" -> "date-time".equals(resolved.getString("format", "")) ? "\"not a date\"" : "{\"not\": \"a string\"}";
      default -> null;
    };
  }

  static String describe(JsonObject doc, JsonObject schema) {
    JsonObject resolved = resolve(doc, schema);
    return type(doc, schema) + (resolved.containsKey("format") ? " " + resolved.getString("format") : "");
  }
}
