package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  /**
   * One request of the corpus and why it is bad. A strict one is bad for a stated reason: it must be answered 4xx. A
   * probe (strict false) sends a value that may be legal for its field (a negative priority, a double's NaN, a lenient
   * date): any answer but a 5xx will do. Accept is the media type asked for.
   */
  record Bad(String operation, String method, String path, String contentType, String body, String user, String why, boolean strict,
      String accept) {
  }

  /** The requests of one operation, as they are generated. */
  static final class Cases {
    final String operation;
    final String user;
    final List<Bad> all = new ArrayList<>();

    Cases(String operation, String user) {
      this.operation = operation;
      this.user = user;
    }

    void bad(String method, String path, String contentType, String body, String why) {
      all.add(new Bad(operation, method, path, contentType, body, user, why, true, "application/json"));
    }

    void probe(String method, String path, String contentType, String body, String why) {
      all.add(new Bad(operation, method, path, contentType, body, user, why, false, "application/json"));
    }

    void accepting(String method, String path, String contentType, String body, String accept) {
      all.add(new Bad(operation, method, path, contentType, body, user, "asks for " + accept + ", which the operation does not give", true, accept));
    }
  }

  /** The least number of strict bad requests for every operation of both documents (issue 29). */
  static final int PER_OPERATION = 20;

  /**
   * Ids that no resource has and that the engine, the database or the URL parser may stumble over: spaces, an encoded
   * slash, dot segments, a very long one, Chinese and other unicode, NUL, a number out of every range, SQL and
   * markup characters, a broken UTF-8 sequence, control characters, a right-to-left override. Percent-encoded as
   * they go into a path segment.
   */
  static final List<String> ODD_IDS = List.of("a%20b", "x".repeat(300), "%E6%A0%87%E8%AF%86-%C3%BC", "-1", "9223372036854775808",
      "%27%3B--", "a%2Fb", "%00", "%2E%2E", "..%2F..%2Fengine", "a%00b", "%3Cscript%3E", "a%3Bb", "%25", "%C3%28", "null", "%20", "a%0Ab",
      "%09", "%E2%80%AE", "%7B%7D", "00000000-0000-0000-0000-000000000000");

  /**
   * What Liberty's web container refuses in a URI before any application sees it (an encoded slash, NUL, bytes that
   * are not UTF-8): 400 with Liberty's own message (CWWWC0005I, SRVE0295E or its error page), not Camunda's or ours.
   */
  static final List<String> FRONT_DOOR = List.of("%2F", "%00", "%C3%28", "%09", "%0A", "%2E%2E");

  /**
   * Media types no operation answers with (each answers JSON, or a file of its own type), for operations that take so little input (none, or a count with two
   * filters) that fewer than {@link #PER_OPERATION} bad requests can be made of it otherwise: each asks for a
   * representation the operation does not give (406), and is bad for no other reason.
   */
  static final List<String> UNACCEPTABLE = List.of("application/x-no-such-type", "audio/ogg", "audio/wav", "audio/mpeg", "video/mp4",
      "font/woff2", "image/svg+xml", "application/zip", "application/msword", "image/webp", "text/calendar", "application/x-tar",
      "image/gif", "image/jpeg", "text/vcard", "application/rtf", "message/rfc822", "application/java-archive", "application/wasm",
      "model/gltf+json", "application/x-7z-compressed");

  /** Tops the operation's bad requests up to {@link #PER_OPERATION} with unacceptable media types, the body given. */
  static void topUp(Cases c, String verb, String target, String contentType, String body) {
    long strict = c.all.stream().filter(Bad::strict).count();
    for (int i = 0; strict < PER_OPERATION && i < UNACCEPTABLE.size(); i++, strict++) {
      c.accepting(verb, target, contentType, body, UNACCEPTABLE.get(i));
    }
  }

  /** How many odd ids the first path parameter gets: at least six, and as many as the operation's other cases lack of 20. */
  static int fewIds(Cases c) {
    long strict = c.all.stream().filter(Bad::strict).count();
    return (int) Math.min(ODD_IDS.size(), Math.max(6, PER_OPERATION - strict));
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
   * no bad request to them (removing a membership that is not there is one too, but only of a group or tenant
   * that exists: an unknown group or tenant is 404, {@code UnknownIdCheck}); suspending or activating a job, job definition or process instance by id (documented: 204, or 400 for a
   * bad body only); statistics of a historic process definition (a query: 200 with nothing in it).
   */
  static final Set<String> ENGINE_UNKNOWN_ID_ALLOWED = Set.of("PUT /job/{id}/suspended",
      "PUT /job-definition/{id}/suspended", "PUT /process-instance/{id}/suspended", "GET /history/process-definition/{id}/statistics");

  /**
   * Query parameters that the OpenAPI of 7.24 documents but the server does not read (Camunda's
   * BatchQueryDto has no startedBefore/startedAfter/withFailures/withoutFailures): their values, bad or not, are ignored, as are any
   * other parameters the server does not know, so a bad value there is no bad request.
   */
  static final Set<String> ENGINE_PARAMETERS_NOT_READ = Set.of("GET /batch startedBefore", "GET /batch startedAfter",
      "GET /batch/count startedBefore", "GET /batch/count startedAfter", "GET /batch withFailures", "GET /batch withoutFailures",
      "GET /batch/count withFailures", "GET /batch/count withoutFailures");

  /**
   * Operations of our API left out: deploying the bundled models and logging out take no input at all,
   * so nothing about them can be malformed.
   */
  static final Set<String> API_SKIPPED = Set.of("POST /api/admin/models/bundled", "DELETE /api/session");

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

  private final Random random = new Random(9);

  @Test
  void everyMalformedOrUnknownIdRequestIsAnswered4xxWithAMessageAndOurApiWithACodeAndField() throws Exception {
    long started = System.nanoTime();
    List<Bad> corpus = new ArrayList<>();
    Map<String, Integer> operations = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      JsonObject camunda = Json.createReader(in).readObject();
      corpus.addAll(engineRestCases(camunda, operations));
    }
    HttpResponse<String> ours = client.get("/openapi", "Accept", "application/json");
    assertThat(ours.statusCode()).as("our OpenAPI document").isEqualTo(200);
    corpus.addAll(apiCases(Json.createReader(new StringReader(ours.body())).readObject(), operations));
    for (Bad bad : corpus) {
      if (bad.strict()) {
        operations.merge(bad.operation(), 1, Integer::sum);
      }
    }
    List<String> short20 = operations.entrySet().stream().filter(e -> e.getValue() < PER_OPERATION)
        .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();

    // one client for all, HTTP/1.1 (h2c hangs under load), eight operations at a time (the server waits on I/O too)
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    // the requests of one operation one after the other (an upload limit per user is not tripped)
    Map<String, List<Integer>> byOperation = new LinkedHashMap<>();
    for (int i = 0; i < corpus.size(); i++) {
      byOperation.computeIfAbsent(corpus.get(i).operation(), o -> new ArrayList<>()).add(i);
    }
    List<Future<List<HttpResponse<String>>>> sent = new ArrayList<>();
    for (List<Integer> indices : byOperation.values()) {
      sent.add(senders.submit(() -> {
        List<HttpResponse<String>> out = new ArrayList<>();
        for (int i : indices) {
          out.add(send(http, corpus.get(i)));
        }
        return out;
      }));
    }
    Map<Integer, HttpResponse<String>> answers = new java.util.HashMap<>();
    try {
      int k = 0;
      for (List<Integer> indices : byOperation.values()) {
        List<HttpResponse<String>> out = sent.get(k++).get(120, TimeUnit.SECONDS);
        for (int j = 0; j < indices.size(); j++) {
          answers.put(indices.get(j), out.get(j));
        }
      }
    } finally {
      senders.shutdownNow();
    }
    List<String> offenders = new ArrayList<>();
    List<String> record = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    {
      for (int i = 0; i < corpus.size(); i++) {
        Bad bad = corpus.get(i);
        HttpResponse<String> answer = answers.get(i);
        boolean ourApi = bad.path().startsWith("/api");
        int status = answer.statusCode();
        statuses.merge((ourApi ? "api " : "engine-rest ") + status + (bad.strict() ? "" : " (probe)")
            + (status == 400 && FRONT_DOOR.stream().anyMatch(bad.path()::contains) && !hasMessage(answer.body()) ? " (Liberty)" : ""), 1, Integer::sum);
        String answered = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        String line = bad.method() + " " + bad.path() + (bad.accept().equals("application/json") ? "" : " Accept: " + bad.accept()) + " "
            + (bad.body() == null ? "" : bad.body().replace("\n", "\\n")) + " (" + bad.why() + (bad.strict() ? "" : "; a probe") + ") -> "
            + status + " " + answered.substring(0, Math.min(200, answered.length()));
        record.add(line);
        boolean clientError = status >= 400 && status < 500;
        boolean frontDoor = status == 400 && FRONT_DOOR.stream().anyMatch(bad.path()::contains) && !hasMessage(answer.body());
        boolean fine = frontDoor || (bad.strict() ? clientError && hasMessage(answer.body()) && (!ourApi || isProblem(answer))
            : status < 500 && (!clientError || hasMessage(answer.body()) && (!ourApi || isProblem(answer))));
        if (!fine) {
          offenders.add(line);
        }
      }
    }
    // every request and its answer, for reading
    Files.write(Path.of("target", "bad-request-corpus.txt"), record);
    System.out.println("BadRequestCorpusIT: " + corpus.size() + " requests (" + corpus.stream().filter(Bad::strict).count() + " bad, the rest probes) to "
        + operations.size() + " operations in " + (System.nanoTime() - started) / 1_000_000_000 + " s; answers " + statuses
        + "; operations short of " + PER_OPERATION + ": " + short20);
    assertThat(offenders).as(offenders.size() + " of " + corpus.size() + " bad requests were not answered 4xx with a message:\n"
        + String.join("\n", offenders) + "\n").isEmpty();
    assertThat(short20).as("operations with fewer than " + PER_OPERATION + " bad requests").isEmpty();
  }

  /** One request of the corpus, as its user with the right password. */
  private static HttpResponse<String> send(HttpClient http, Bad bad) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + bad.path().substring(1))).timeout(Duration.ofSeconds(30))
        .header("Accept", bad.accept()).header("Authorization", WebClient.basic(bad.user(), "demo"))
        .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(bad.body()));
    if (bad.contentType() != null) {
      request.header("Content-Type", bad.contentType());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  List<Bad> engineRestCases(JsonObject doc, Map<String, Integer> operations) {
    List<Bad> cases = new ArrayList<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!Set.of("get", "post", "put", "delete").contains(method)) {
          continue; // OPTIONS: the links of a resource, no input
        }
        String verb = method.toUpperCase();
        String key = verb + " " + path;
        if (ENGINE_SKIPPED.contains(key)) {
          continue;
        }
        operations.putIfAbsent("/engine-rest " + key, 0);
        Cases c = new Cases("/engine-rest " + key, "admin");
        JsonObject operation = item.getJsonObject(method);
        List<JsonObject> parameters = parameters(doc, item, operation);
        JsonObject bodySchema = jsonBodySchema(doc, operation);
        boolean hasPathIds = PATH_PARAMETER.matcher(path).find();
        String url = "/engine-rest" + path;
        String operationId = operation.getString("operationId", "");
        boolean query = operationId.startsWith("query") || operationId.startsWith("postQuery") || operationId.contains("Count")
            && "POST".equals(verb) && path.endsWith("/count");
        boolean unknownIdAllowed = ENGINE_UNKNOWN_ID_ALLOWED.contains(key);
        // a change that an unknown path id does not stop: only values that cannot be read at all are sent to it
        boolean unreadableOnly = !query && !"GET".equals(verb) && (!hasPathIds || unknownIdAllowed || ENGINE_NULLS_ALLOWED.contains(key));
        String emptyBody = bodySchema != null ? "{}" : null;
        String emptyType = emptyBody == null ? null : "application/json";
        String target = hasPathIds ? withUnknownIds(url) : url;

        if (bodySchema != null) {
          bodyCases(doc, c, verb, target, bodySchema, unreadableOnly, query,
              !query && !ENGINE_NULLS_ALLOWED.contains(key) && !unknownIdAllowed);
        } else if (operation.containsKey("requestBody")) {
          c.bad(verb, target, "application/json", "{}", "JSON where " + resolve(doc, operation.getJsonObject("requestBody"))
              .getJsonObject("content").keySet() + " is expected");
          c.bad(verb, target, "text/plain", "hello", "text where " + resolve(doc, operation.getJsonObject("requestBody"))
              .getJsonObject("content").keySet() + " is expected");
        }
        if ("GET".equals(verb) || query || hasPathIds && !unknownIdAllowed) {
          queryParameterCases(c, verb, hasPathIds ? target : url, parameters.stream()
              .filter(p -> !ENGINE_PARAMETERS_NOT_READ.contains(key + " " + p.getString("name", ""))).toList(), emptyType, emptyBody);
        }
        if (hasPathIds && !unknownIdAllowed) {
          for (String odd : oddIdPaths(url, fewIds(c))) {
            c.bad(verb, odd, emptyType, emptyBody, "unknown or malformed id" + (emptyBody == null ? "" : ", empty body"));
          }
        }
        if (!unreadableOnly || hasPathIds && !unknownIdAllowed) {
          topUp(c, verb, target, emptyType, emptyBody);
        } else if (bodySchema != null) {
          topUp(c, verb, target, "application/json", "{\"id\": "); // a body that cannot be read as well: nothing can change
        } else if (operation.containsKey("requestBody")) {
          topUp(c, verb, target, "text/plain", "hello"); // a body of a type it does not take as well
        }
        cases.addAll(c.all);
      }
    }
    return cases;
  }

  /**
   * The path with each path parameter in turn replaced by odd ids (the others unknown UUIDs), plus one all unknown:
   * the first parameter gets every odd id, or the first {@code few} when the operation has bad bodies to send as well.
   */
  List<String> oddIdPaths(String path, int few) {
    List<String> out = new ArrayList<>();
    out.add(withUnknownIds(path));
    Matcher m = PATH_PARAMETER.matcher(path);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < spans.size(); i++) {
      for (String odd : i == 0 ? ODD_IDS.subList(0, few) : ODD_IDS.subList(0, 3)) {
        String replaced = path.substring(0, spans.get(i)[0]) + "{odd}" + path.substring(spans.get(i)[1]);
        out.add(withUnknownIds(replaced.replace("{odd}", "\u0001")).replace("\u0001", odd));
      }
    }
    return out;
  }

  /**
   * Bad bodies for an operation that takes JSON: malformed, the wrong shape, the wrong content type, every field with a
   * value of the wrong type, every number out of range (and a negative one where that cannot change anything), bad
   * dates, unknown enum values and sort keys, every field null. To a change that an unknown id does not stop
   * ({@code unreadableOnly}) only values that cannot be read are sent.
   */
  void bodyCases(JsonObject doc, Cases c, String verb, String target, JsonObject bodySchema, boolean unreadableOnly, boolean query,
      boolean nullsAreBad) {
    String json = "application/json";
    for (String malformed : List.of("{\"id\": \"x\", ", "{'single': 'quotes'}")) {
      c.bad(verb, target, json, malformed, "malformed JSON");
    }
    boolean array = "array".equals(type(doc, bodySchema));
    c.bad(verb, target, json, array ? "{\"not\": \"an array\"}" : "[1, 2, 3]", array ? "an object where an array is expected"
        : "an array where an object is expected");
    c.bad(verb, target, json, "\"text\"", "a string where " + (array ? "an array" : "an object") + " is expected");
    c.bad(verb, target, json, "42", "a number where " + (array ? "an array" : "an object") + " is expected");
    c.bad(verb, target, "text/plain", "hello", "text/plain where JSON is expected");
    c.bad(verb, target, "application/xml", "<a/>", "XML where JSON is expected");
    Map<String, JsonObject> properties = array ? Map.of() : properties(doc, bodySchema);
    for (Map.Entry<String, JsonObject> property : properties.entrySet()) {
      String name = property.getKey();
      JsonObject schema = resolve(doc, property.getValue());
      String type = type(doc, property.getValue());
      String format = schema.getString("format", "");
      String wrong = wrongValue(doc, property.getValue());
      if (wrong != null) {
        c.bad(verb, target, json, "{\"" + name + "\": " + wrong + "}", "wrong JSON type for " + name + " (" + describe(doc, property.getValue()) + ")");
      }

      if ("integer".equals(type)) {
        for (String tooBig : List.of("9223372036854775808", "1e309", "\"NaN\"")) {
          c.bad(verb, target, json, "{\"" + name + "\": " + tooBig + "}", name + " out of range of a whole number");
        }
        if ("int32".equals(format)) {
          c.bad(verb, target, json, "{\"" + name + "\": 2147483648}", name + " out of range of int32");
        }
        if (!unreadableOnly) {
          c.probe(verb, target, json, "{\"" + name + "\": -1}", name + " negative");
        }
      } else if ("number".equals(type) && !unreadableOnly) {
        for (String extreme : List.of("-1", "1e309")) {
          c.probe(verb, target, json, "{\"" + name + "\": " + extreme + "}", name + " negative, infinite or not a number");
        }
      } else if ("date-time".equals(format)) {
        c.bad(verb, target, json, "{\"" + name + "\": \"2026-13-45T25:61:00.000+0100\"}", name + " a date that does not exist");
      } else if (schema.containsKey("enum") && !unreadableOnly) {
        c.probe(verb, target, json, "{\"" + name + "\": \"noSuchValue\"}", name + " not one of " + schema.getJsonArray("enum"));
      }
    }
    // NUL in a text field (PostgreSQL cannot store or compare it): refused before the body is bound, on both APIs
    properties.entrySet().stream().filter(p -> "string".equals(type(doc, p.getValue())) && !resolve(doc, p.getValue()).containsKey("enum")
        && resolve(doc, p.getValue()).getString("format", "").isEmpty()).findFirst()
        .ifPresent(p -> c.bad(verb, target, json, "{\"" + p.getKey() + "\": \"a\\u0000b\"}", p.getKey() + " holding NUL"));
    if (nullsAreBad && !properties.isEmpty()) {
      StringBuilder nulls = new StringBuilder("{");
      for (String name : properties.keySet()) {
        nulls.append(nulls.length() > 1 ? ", " : "").append('"').append(name).append("\": null");
      }
      c.bad(verb, target, json, nulls.append('}').toString(), "every field null");
    }
    if (properties.containsKey("sorting")) {
      c.bad(verb, target, json, "{\"sorting\": [{\"sortBy\": \"noSuchSortKey\", \"sortOrder\": \"asc\"}]}", "unknown sort key");
      c.bad(verb, target, json, "{\"sorting\": [{\"sortBy\": \"noSuchSortKey\", \"sortOrder\": \"sideways\"}]}", "unknown sort key and order");
      c.bad(verb, target, json, "{\"sorting\": \"not a list\"}", "sorting not a list");
    }
  }

  /** Bad values of the operation's query parameters, one at a time; every number out of range, every date and boolean bad. */
  void queryParameterCases(Cases c, String verb, String url, List<JsonObject> parameters, String contentType, String body) {
    String sep = url.contains("?") ? "&" : "?";
    boolean string = false;
    for (JsonObject parameter : parameters) {
      if (!"query".equals(parameter.getString("in", ""))) {
        continue;
      }
      String name = parameter.getString("name");
      JsonObject schema = parameter.getJsonObject("schema");
      String type = schema == null ? "" : schema.getString("type", "");
      String format = schema == null ? "" : schema.getString("format", "");
      String at = url + sep + name + "=";
      boolean paging = name.equals("firstResult") || name.equals("maxResults");
      if ("integer".equals(type)) {
        for (String value : List.of("ten", "9223372036854775808", "1.5")) {
          c.bad(verb, at + value, contentType, body, name + " not a whole number in range: " + value);
        }
        if (paging || "int32".equals(format)) {
          c.bad(verb, at + "2147483648", contentType, body, name + " beyond int32");
        }
        if (paging) {
          c.bad(verb, at + "-1", contentType, body, name + " negative");
        } else {
          c.probe(verb, at + "-1", contentType, body, name + " negative");
        }
      } else if ("number".equals(type)) {
        c.bad(verb, at + "ten", contentType, body, name + " not a number");
        for (String value : List.of("NaN", "1e309", "-1")) {
          c.probe(verb, at + value, contentType, body, name + " " + value);
        }
      } else if ("boolean".equals(type)) {
        c.bad(verb, at + "perhaps", contentType, body, name + " not a boolean");
      } else if ("date-time".equals(format)) {
        c.bad(verb, at + "yesterday-ish", contentType, body, name + " not a date");
        c.probe(verb, at + "2026-13-45T25:61:00.000%2B0100", contentType, body, name + " a date that does not exist");
      } else if (name.equals("sortBy")) {
        c.bad(verb, at + "noSuchSortKey&sortOrder=asc", contentType, body, "unknown sort key");
        JsonArray keys = schema == null ? null : schema.getJsonArray("enum");
        if (keys != null && !keys.isEmpty()) {
          c.bad(verb, at + keys.getString(0) + "&sortOrder=sideways", contentType, body, "unknown sort order");
        }
      } else if (schema != null && schema.containsKey("enum")) {
        c.probe(verb, at + "noSuchValue", contentType, body, name + " not one of " + schema.getJsonArray("enum"));
      } else if ("string".equals(type) && !string) {
        string = true; // NUL (refused: PostgreSQL cannot compare it) and broken UTF-8 in text the database compares
        c.bad(verb, at + "a%00b", contentType, body, name + " with NUL");
        c.probe(verb, at + "%C3%28", contentType, body, name + " broken UTF-8");
      }
    }
  }

  // ---------------------------------------------------------------- /api

  List<Bad> apiCases(JsonObject doc, Map<String, Integer> operations) {
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
        String key = verb + " " + path;
        if (API_SKIPPED.contains(key)) {
          continue;
        }
        operations.putIfAbsent(key, 0);
        JsonObject operation = item.getJsonObject(method);
        Cases c = new Cases(key, apiUser(path));
        boolean hasPathIds = PATH_PARAMETER.matcher(path).find();
        String target = hasPathIds ? withUnknownIds(path) : path;
        JsonObject content = operation.containsKey("requestBody")
            ? resolve(doc, operation.getJsonObject("requestBody")).getJsonObject("content") : null;
        JsonObject bodySchema = jsonBodySchema(doc, operation);
        String emptyBody = bodySchema != null ? "{}" : null;
        String emptyType = emptyBody == null ? null : "application/json";
        boolean required = bodySchema != null && resolve(doc, bodySchema).containsKey("required") && !resolve(doc, bodySchema).getJsonArray("required").isEmpty();
        // a change that no unknown path id stops is sent no more than what cannot be read, or a body lacking what it requires
        boolean safe = "GET".equals(verb) || hasPathIds || required;
        if (bodySchema != null) {
          // a change without a path id gets one field at a time: the body lacks the others it requires, unless it requires none
          bodyCases(doc, c, verb, target, bodySchema, !hasPathIds && !required && !"GET".equals(verb), false, false);
          if (!hasPathIds) {
            c.bad(verb, target, "application/json", "{}", "required fields missing");
          }
        } else if (content != null && content.containsKey("text/csv")) {
          c.bad(verb, target, "text/csv", "nothing,we,know\n1,2,3\n", "CSV without the required columns");
          c.bad(verb, target, "text/csv", "", "an empty CSV");
          c.bad(verb, target, "application/json", "{}", "JSON where CSV is expected");
        } else if (content != null) {
          c.bad(verb, target, "application/json", "{}", "JSON where " + content.keySet() + " is expected");
          c.bad(verb, target, "text/plain", "hello", "text where " + content.keySet() + " is expected");
        }
        if (safe) {
          queryParameterCases(c, verb, target, parameters(doc, item, operation), emptyType, emptyBody);
        }
        if (hasPathIds) {
          for (String odd : oddIdPaths(path, fewIds(c))) {
            c.bad(verb, odd, emptyType, emptyBody, "unknown or malformed id" + (emptyBody == null ? "" : ", empty body"));
          }
        }
        if (safe) {
          topUp(c, verb, target, emptyType, emptyBody);
        } else if (bodySchema != null) {
          topUp(c, verb, target, "application/json", "{\"title\": "); // a body that cannot be read as well: nothing can change
        } else if (content != null) {
          topUp(c, verb, target, "text/plain", "hello"); // a body of a type it does not take as well
        }
        cases.addAll(c.all);
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
