package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.json.JsonArray;

/**
 * What the tests on extra Liberty nodes share ({@link ClusterIT}, {@link RestoreIT}): databases of their own in the
 * test PostgreSQL ({@code it.pg.port}), a node's database settings, and an applicant's drafts and submissions.
 */
final class ClusterSupport {

  private ClusterSupport() {
  }

  static String pgUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + System.getProperty("it.pg.port") + "/" + database;
  }

  /** The database as its owner (aipo) reads it: the test's window on rows and locks. */
  static Connection connect(String database) throws Exception {
    return DriverManager.getConnection(pgUrl(database), "aipo", "aipo");
  }

  /** A new, empty database owned by aipo (dropped first if a previous run left it). */
  static void createDatabase(String database) throws Exception {
    try (Connection admin = DriverManager.getConnection(pgUrl("postgres"), "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
      statement.execute("create database " + database + " owner aipo encoding 'UTF8'");
    }
  }

  /** A node's bootstrap settings for this database of the test PostgreSQL. */
  static Properties nodeDatabase(String database) {
    Properties db = new Properties();
    db.setProperty("db.kind", "postgresql");
    db.setProperty("db.host", "127.0.0.1");
    db.setProperty("db.port", System.getProperty("it.pg.port"));
    db.setProperty("db.name", database);
    db.setProperty("db.user", "aipo");
    db.setProperty("db.password", "aipo");
    return db;
  }

  static String demoCall(ClusterNode node) throws Exception {
    JsonArray calls = (JsonArray) WebClient.json(node.client.send("GET", "/api/applicant/calls", null, null, "Authorization",
        WebClient.basic("applicant1", "demo")));
    return calls.getJsonObject(0).getString("id");
  }

  static HttpResponse<String> asApplicant(ClusterNode node, String method, String path, String json) throws Exception {
    return node.client.send(method, path, json == null ? null : "application/json", json, "Authorization", WebClient.basic("applicant1", "demo"));
  }

  /** A draft with its required documents; {@code complete} false leaves out the team, so that submitting it is refused. */
  static String draft(ClusterNode node, String call, String title, boolean complete) throws Exception {
    return draftWithFiles(node, call, title, complete).id();
  }

  /** A draft and the SHA-256 of the documents uploaded to it, by kind. */
  record Draft(String id, Map<String, String> sha256ByKind) {
  }

  static Draft draftWithFiles(ClusterNode node, String call, String title, boolean complete) throws Exception {
    HttpResponse<String> drafted = asApplicant(node, "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\",\"title\":\"" + title
        + "\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\","
        + (complete ? "\"team\":\"m\"," : "") + "\"budget\":100000}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String id = Officials.object(drafted).getString("id");
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String kind : new String[] {"application", "budget"}) {
      byte[] pdf = Pdfs.of(kind + " of " + id + " " + title.hashCode());
      HttpResponse<String> stored = Pdfs.upload(node.client, "applicant1", "demo", id, kind, kind + ".pdf", pdf);
      assertThat(stored.statusCode()).as(kind + ": " + stored.body()).isEqualTo(201);
      hashes.put(kind, sha256(pdf));
      assertThat(Officials.object(stored).getString("sha256")).as("the SHA-256 the server computed").isEqualTo(hashes.get(kind));
    }
    return new Draft(id, hashes);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many formal-check processes this proposal has (running or ended), as the given node sees it. */
  static int formalChecks(ClusterNode node, String proposal) throws Exception {
    return Officials.object(node.officials.as("admin", "GET", "/engine-rest/history/process-instance/count?processDefinitionKey="
        + "proposalFormalCheck&processInstanceBusinessKey=" + proposal, null)).getInt("count");
  }

  static String status(ClusterNode node, String proposal) throws Exception {
    return Officials.object(asApplicant(node, "GET", "/api/applicant/proposals/" + proposal, null)).getString("status");
  }

  /** Runs a script of the project (bash) with these environment variables; its output, or a failed assertion. */
  static String run(Map<String, String> environment, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    return output;
  }
}
