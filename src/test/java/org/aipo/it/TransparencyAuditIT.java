package org.aipo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.transparency.TransparencyProbe;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 26, inside the server: the audit hash chain reports an edited, a deleted and a deleted last record to an
 * auditor over HTTP, and every recorded draw replays to the stored result until its pool snapshot is altered. The
 * test changes rows with SQL on the application's own data source (TransparencyProbe) and puts each back, so the
 * database verifies again afterwards (other tests may call verify): its records have a stream of their own.
 */
@ExtendWith(ArquillianExtension.class)
class TransparencyAuditIT {

  @Deployment
  static WebArchive deployment() {
    return ServerItBase.applicationWarWith(TransparencyAuditIT.class, TransparencyProbe.class);
  }

  TransparencyProbe probe;
  AuditLog auditLog;
  String run;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void lookUp() {
    probe = CDI.current().select(TransparencyProbe.class).get();
    auditLog = CDI.current().select(AuditLog.class).get();
    run = UUID.randomUUID().toString();
  }

  /** A request to this server as a demo user (password demo), over HTTP as a client would send it. */
  HttpResponse<String> as(String user, String method, String path) throws Exception {
    String port = ConfigProvider.getConfig().getValue("http.port", String.class);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonObject object(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    return Json.createReader(new StringReader(answer.body())).readObject();
  }

  JsonObject verify(String stream) throws Exception {
    return object(as("auditor", "GET", "/api/audit/verify?stream=" + stream));
  }

  void assertBreak(String stream, String kind, long seq) throws Exception {
    JsonObject verdict = verify(stream);
    assertFalse(verdict.getBoolean("verified"), verdict.toString());
    JsonObject first = verdict.getJsonObject("firstBreak");
    assertEquals(stream, first.getString("stream"), verdict.toString());
    assertEquals(kind, first.getString("kind"), verdict.toString());
    assertEquals(seq, first.getJsonNumber("seq").longValue(), verdict.toString());
    assertFalse(first.getJsonObject("message").getString("zh").isBlank());
    assertFalse(first.getJsonObject("message").getString("en").isBlank());
    // the whole database's verdict names this stream among the broken ones
    JsonObject all = object(as("auditor", "GET", "/api/audit/verify"));
    assertTrue(all.getJsonArray("breaks").getValuesAs(JsonObject.class).stream().anyMatch(b -> b.getString("stream").equals(stream)), all.toString());
  }

  @Test
  void anEditedADeletedAndADeletedLastRecordAreEachReportedAndTheRepairedChainVerifies() throws Exception {
    String subject = "audit-chain-it";
    String stream = subject + ":" + run;
    List<AuditRecord> written = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      written.add(auditLog.record("auditor-it", "step-" + i, subject, run, "第 " + i + " 步 step " + i));
    }
    JsonObject clean = verify(stream);
    assertTrue(clean.getBoolean("verified"), clean.toString());
    assertEquals(4, clean.getJsonNumber("records").longValue());
    // the records as an auditor reads them: numbered, each linked to the one before
    JsonArray records = Json.createReader(new StringReader(as("auditor", "GET", "/api/audit/records?subjectType=" + subject + "&subjectId=" + run)
        .body())).readArray();
    assertEquals(4, records.size());
    assertEquals(records.getJsonObject(0).getString("hash"), records.getJsonObject(1).getString("prevHash"));
    assertEquals(3, records.getJsonObject(2).getJsonNumber("seq").longValue());

    String detail = probe.editDetail(written.get(1).getId(), "改过的 edited");
    assertBreak(stream, "EDITED", 2);
    probe.editDetail(written.get(1).getId(), detail);
    assertTrue(verify(stream).getBoolean("verified"));

    Object[] third = probe.delete(written.get(2).getId());
    assertBreak(stream, "DELETED", 3);
    probe.reinsert(third);
    assertTrue(verify(stream).getBoolean("verified"));

    Object[] last = probe.delete(written.get(3).getId());
    assertBreak(stream, "MISSING_TAIL", 4);
    probe.reinsert(last);

    // repaired, and every stream the application wrote so far verifies (demo data and the other tests' records)
    JsonObject all = object(as("auditor", "GET", "/api/audit/verify"));
    assertTrue(all.getBoolean("verified"), all.toString());
    assertTrue(all.getJsonNumber("records").longValue() >= 4, all.toString());
    assertEquals(64, all.getString("headsDigest").length());
    // and the office may not verify (auditors and administrators only)
    assertEquals(403, as("office", "GET", "/api/audit/verify").statusCode());
  }

  @Test
  void everyRecordedDrawReplaysAndAnAlteredSnapshotIsAMismatchNamingTheExpert() throws Exception {
    JsonArray draws = Json.createReader(new StringReader(as("auditor", "GET", "/api/audit/draws").body())).readArray();
    if (draws.getValuesAs(JsonObject.class).stream().noneMatch(d -> d.getString("kind").equals("review"))) {
      probe.drawnReview(run);
      draws = Json.createReader(new StringReader(as("auditor", "GET", "/api/audit/draws").body())).readArray();
    }
    List<String> mismatches = new ArrayList<>();
    String review = null;
    for (JsonObject draw : draws.getValuesAs(JsonObject.class)) {
      assertNotNull(draw.getString("seed", null), draw.toString());
      JsonObject verdict = object(as("auditor", "POST", "/api/audit/draws/" + draw.getString("kind") + "/" + draw.getString("id") + "/replay"));
      if (!verdict.getBoolean("matches")) {
        mismatches.add(draw + " -> " + verdict);
      }
      if (draw.getString("kind").equals("review")) {
        review = draw.getString("id");
      }
    }
    assertTrue(mismatches.isEmpty(), draws.size() + " draws, mismatches: " + mismatches);
    assertNotNull(review);

    // the replay is on the record of the review, by the auditor
    JsonArray trail = Json.createReader(new StringReader(as("auditor", "GET", "/api/audit/records?subjectType=review-request&subjectId=" + review)
        .body())).readArray();
    assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(r -> r.getString("action").equals("review.draw-replayed")
        && r.getString("actor").equals("auditor") && r.getString("detail").equals("matches")), trail.toString());

    // one panel expert swapped for a stranger in the stored pool snapshot: the replay no longer matches and names that expert
    JsonObject before = object(as("auditor", "POST", "/api/audit/draws/review/" + review + "/replay"));
    String expert = ((JsonString) before.getJsonObject("review").getJsonArray("panel").get(0)).getString();
    String snapshot = probe.replaceInSnapshot(review, expert, "stranger-" + run);
    try {
      JsonObject after = object(as("auditor", "POST", "/api/audit/draws/review/" + review + "/replay"));
      assertFalse(after.getBoolean("matches"), after.toString());
      assertTrue(after.getJsonArray("differences").getValuesAs(JsonString.class).stream().anyMatch(d -> d.getString().contains(expert)),
          after.toString());
      JsonValue recorded = Json.createReader(new StringReader(as("auditor", "GET", "/api/audit/records?subjectType=review-request&subjectId="
          + review).body())).readArray().getValuesAs(JsonObject.class).stream()
          .filter(r -> r.getString("action").equals("review.draw-replayed") && r.getString("detail").startsWith("MISMATCH")).findFirst().orElse(null);
      assertNotNull(recorded, "the mismatch is on the record");
    } finally {
      probe.setSnapshot(review, snapshot);
    }
    assertTrue(object(as("auditor", "POST", "/api/audit/draws/review/" + review + "/replay")).getBoolean("matches"));
  }
}
