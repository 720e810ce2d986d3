package org.aipo.it;

import static org.aipo.it.ClusterSupport.asApplicant;
import static org.aipo.it.ClusterSupport.connect;
import static org.aipo.it.ClusterSupport.createDatabase;
import static org.aipo.it.ClusterSupport.demoCall;
import static org.aipo.it.ClusterSupport.draftWithFiles;
import static org.aipo.it.ClusterSupport.formalChecks;
import static org.aipo.it.ClusterSupport.nodeDatabase;
import static org.aipo.it.ClusterSupport.run;
import static org.aipo.it.ClusterSupport.sha256;
import static org.aipo.it.ClusterSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 29: the documented backup and restore of a PostgreSQL installation (src/ops/backup-postgres.sh,
 * src/ops/restore-postgres.sh; docs/operations.md "Backup and restore"), run as an operator would. Node A runs on a
 * fresh database with its own attachment directory; instances wait in user tasks and on a timer; a stream of
 * applicants' submissions (each with two PDFs) runs while the backup script runs. Node A stops; the backup is
 * restored into a new database and a new directory; node B starts on them. Every submission acknowledged before the
 * backup started is there with both files (downloaded, SHA-256 equal to what was uploaded), every submitted
 * proposal in the restored database has its files, a waiting task completes on B, and the timer, due after the
 * restore, fires on B. Runs in the PostgreSQL pass only (one node at a time).
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "liberty-pg")
class RestoreIT {

  private static final String ORIGINAL = "aipo_restore_a";
  private static final String RESTORED = "aipo_restore_b";
  private static final Path WORK = Path.of("target", "restore-it").toAbsolutePath();

  private ClusterNode a;
  private ClusterNode b;

  @AfterEach
  void stopNodes() {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        try {
          node.stop();
        } catch (Exception ignored) {
          // already stopped
        }
      }
    }
  }

  private static Properties node(String database, Path storage) {
    Properties settings = nodeDatabase(database);
    settings.setProperty("aipo.storage.dir", storage.toString());
    return settings;
  }

  private static Map<String, String> scriptEnvironment(String database, Path storage) {
    return Map.of("PGHOST", "127.0.0.1", "PGPORT", System.getProperty("it.pg.port"), "PGUSER", "aipo", "PGPASSWORD", "aipo",
        "AIPO_DB_NAME", database, "AIPO_STORAGE_DIR", storage.toString());
  }

  private static String startPlatformCheck(ClusterNode node, String confirmWithin) throws Exception {
    HttpResponse<String> started = node.officials.as("admin", "POST", "/engine-rest/process-definition/key/platformCheck/start",
        "{\"variables\":{" + Officials.string("confirmWithin", confirmWithin) + "}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return Officials.object(started).getString("id");
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> old = Files.walk(root)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aBackupTakenDuringSubmissionsRestoresIntoAFreshDatabaseWhereEverythingResumes() throws Exception {
    Instant began = Instant.now();
    deleteTree(WORK);
    Path storageA = WORK.resolve("storage-a");
    Path storageB = WORK.resolve("storage-b");
    Path backup = WORK.resolve("backup");
    createDatabase(ORIGINAL);
    a = new ClusterNode("restore-a", 9384, 9784, node(ORIGINAL, storageA));
    Instant aStarting = Instant.now();
    a.start();
    // the timer's delay, counted from just before the backup: well past the stop of A and the restore (10-20 s), and
    // about when B is ready (B, on a database that has its schema, starts in about half the time A took; A took
    // 94 s, B 46 s in a run on the busy 2-core machine)
    long aStartSeconds = Duration.between(aStarting, Instant.now()).toSeconds();
    Duration timerDelay = Duration.ofSeconds(Math.max(45, aStartSeconds / 2 + 20));

    // what must resume after the restore: a platform check waiting for its confirmation, and one whose timer comes due later
    String waiting = startPlatformCheck(a, "P2D");
    String call = demoCall(a);
    List<ClusterSupport.Draft> drafts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      drafts.add(draftWithFiles(a, call, "备份期间申报 " + i, true));
    }

    // the stream: two applicants' clients submitting one after another; the backup starts once 6 are acknowledged
    Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> refused = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    for (ClusterSupport.Draft draft : drafts) {
      clients.submit(() -> {
        try {
          HttpResponse<String> answer = asApplicant(a, "POST", "/api/applicant/proposals/" + draft.id() + "/submit", null);
          if (answer.statusCode() == 200) {
            acknowledged.put(draft.id(), Instant.now());
          } else {
            refused.put(draft.id(), answer.statusCode() + " " + answer.body());
          }
          Thread.sleep(150); // not a poll: spreads the stream over the backup
        } catch (Exception e) {
          refused.put(draft.id(), e.toString());
        }
        return null;
      });
    }
    await().alias("6 submissions acknowledged before the backup").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.size() >= 6);
    String timer = startPlatformCheck(a, timerDelay.toString());
    Instant backupStarted = Instant.now();
    Set<String> beforeBackup = Set.copyOf(acknowledged.keySet());
    String backupOutput = run(scriptEnvironment(ORIGINAL, storageA), "bash", Path.of("src", "ops", "backup-postgres.sh").toAbsolutePath().toString(),
        backup.toString());
    Instant backupEnded = Instant.now();
    clients.shutdown();
    assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    long duringBackup = acknowledged.values().stream().filter(t -> t.isAfter(backupStarted) && t.isBefore(backupEnded)).count();
    assertThat(refused).as("submissions refused on node A").isEmpty();
    a.stop();

    // restore into a new, empty database and a new directory, then start node B on them
    createDatabase(RESTORED);
    Instant restoreStarted = Instant.now();
    run(scriptEnvironment(RESTORED, storageB), "bash", Path.of("src", "ops", "restore-postgres.sh").toAbsolutePath().toString(), backup.toString());
    Instant restored = Instant.now();
    try (Connection db = connect(RESTORED);
        PreparedStatement job = db.prepareStatement("select count(*) from act_ru_job where process_instance_id_ = ? and type_ = 'timer'")) {
      job.setString(1, timer);
      try (ResultSet row = job.executeQuery()) {
        assertThat(row.next() && row.getInt(1) == 1).as("the timer's job is in the restored database").isTrue();
      }
    }
    b = new ClusterNode("restore-b", 9385, 9785, node(RESTORED, storageB));
    Instant bStarting = Instant.now();
    b.start();
    Instant bReady = Instant.now();
    // when the timer is due, as its creation was logged on A (the job itself may already have run if B was slow)
    JsonArray timerCreated = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/job-log?processInstanceId=" + timer
        + "&creationLog=true", null));
    assertThat(timerCreated).as("the timer's creation in the restored history").hasSize(1);
    Instant timerDue = java.time.OffsetDateTime.parse(timerCreated.getJsonObject(0).getString("jobDueDate"),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    assertThat(timerDue).as("the timer comes due after the restore").isAfter(restored);

    // every submission acknowledged before the backup started is there, with its files, byte for byte
    List<String> problems = new ArrayList<>();
    int present = 0;
    for (ClusterSupport.Draft draft : drafts) {
      String status = status(b, draft.id());
      boolean mustBeThere = beforeBackup.contains(draft.id());
      if (mustBeThere && (status.equals("DRAFT") || formalChecks(b, draft.id()) != 1)) {
        problems.add(draft.id() + ": acknowledged before the backup, restored as " + status + " with " + formalChecks(b, draft.id()) + " formal checks");
      }
      if (status.equals("DRAFT")) {
        continue;
      }
      present++;
      // whatever the dump holds as submitted has its files (the tar was taken after the dump)
      JsonArray files = (JsonArray) WebClient.json(asApplicant(b, "GET", "/api/applicant/proposals/" + draft.id() + "/attachments", null));
      if (files.size() != draft.sha256ByKind().size()) {
        problems.add(draft.id() + ": " + files.size() + " attachments");
      }
      for (JsonValue value : files) {
        JsonObject file = value.asJsonObject();
        String expected = draft.sha256ByKind().get(file.getString("kind"));
        HttpResponse<byte[]> pdf = b.client.bytes(file.getString("url"), "Authorization", WebClient.basic("applicant1", "demo"));
        if (pdf.statusCode() != 200) {
          problems.add(draft.id() + "/" + file.getString("kind") + ": download answered " + pdf.statusCode());
        } else if (!sha256(pdf.body()).equals(expected) || !file.getString("sha256").equals(expected)) {
          problems.add(draft.id() + "/" + file.getString("kind") + ": SHA-256 " + sha256(pdf.body()) + " (recorded " + file.getString("sha256")
              + "), uploaded " + expected);
        }
      }
    }
    assertThat(problems).as("submissions after the restore").isEmpty();

    // the waiting work resumes: a formal check and the platform confirmation complete on B
    String proposal = beforeBackup.iterator().next();
    b.officials.completeOne("office", proposal, "userTask_formalCheck", Officials.string("decision", "eligible"));
    await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(status(b, proposal)).isEqualTo("ELIGIBLE"));
    JsonArray confirm = b.officials.tasksOfInstance(waiting, "userTask_confirmPlatformCheck");
    assertThat(confirm).as("the confirmation waiting at the backup").hasSize(1);
    b.officials.complete("office", confirm.getJsonObject(0), "\"confirmed\":{\"value\":true,\"type\":\"Boolean\"}");
    assertThat(Officials.object(b.officials.as("admin", "GET", "/engine-rest/history/process-instance/" + waiting, null)).getString("state"))
        .isEqualTo("COMPLETED");

    // the timer, due after the restore, fires on B
    await().alias("the timer fires on node B").atMost(timerDelay.plusSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(Officials.object(b.officials.as("admin", "GET", "/engine-rest/history/process-instance/" + timer, null))
            .getString("state")).isEqualTo("COMPLETED"));
    JsonArray fired = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/activity-instance?processInstanceId=" + timer
        + "&activityId=serviceTask_recordOverdue", null));
    assertThat(fired).as("the overdue step after the timer").hasSize(1);
    JsonArray log = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/job-log?processInstanceId=" + timer
        + "&successLog=true", null));
    assertThat(log).as("the timer job ran once").hasSize(1);
    assertThat(log.getJsonObject(0).getString("hostname")).as("the node that ran the timer").isEqualTo("restore-b");

    System.out.printf("[restore] %d submissions, %d acknowledged before the backup started, %d during the backup (%d ms), %d present after the "
        + "restore (all with equal SHA-256); restore %d ms; node A ready in %d s, node B in %d s; timer due %d s after the restore, %d s after B was ready; test %d s%n%s%n",
        drafts.size(), beforeBackup.size(), duringBackup, Duration.between(backupStarted, backupEnded).toMillis(), present,
        Duration.between(restoreStarted, restored).toMillis(), aStartSeconds, Duration.between(bStarting, bReady).toSeconds(),
        Duration.between(restored, timerDue).toSeconds(), Duration.between(bReady, timerDue).toSeconds(), Duration.between(began, Instant.now()).toSeconds(), backupOutput.strip());
  }
}
