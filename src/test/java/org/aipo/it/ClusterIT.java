package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.aipo.it.ClusterSupport.asApplicant;
import static org.aipo.it.ClusterSupport.connect;
import static org.aipo.it.ClusterSupport.createDatabase;
import static org.aipo.it.ClusterSupport.demoCall;
import static org.aipo.it.ClusterSupport.draft;
import static org.aipo.it.ClusterSupport.formalChecks;
import static org.aipo.it.ClusterSupport.nodeDatabase;
import static org.aipo.it.ClusterSupport.status;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Liberty nodes on one PostgreSQL database, as production scales (docs/operations.md): work submitted
 * to either node is seen by the other; a timer due while both run fires exactly once; the jobs a node holds
 * when it is killed are run by the other once their locks expire; a Tasklist session lives on its node
 * alone; and a kill -9 during a stream of submissions loses no acknowledged submission and keeps no refused
 * one; a restart of PostgreSQL during submissions is refused cleanly (503, never a hang or a 500), and the
 * server recovers by itself. Runs in the PostgreSQL pass of the suite only (failsafe execution "postgresql").
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "liberty-pg")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String DATABASE = "aipo_cluster";
  private static ClusterNode a;
  private static ClusterNode b;

  /** The cluster's database, as its owner would read it (the test's window on locks and rows). */
  private static Connection database() throws Exception {
    return connect(DATABASE);
  }

  @BeforeAll
  static void startTwoNodesOnOneDatabase() throws Exception {
    createDatabase(DATABASE);
    Properties db = nodeDatabase(DATABASE);
    a = new ClusterNode("node-a", 9182, 9545, db);
    b = new ClusterNode("node-b", 9183, 9546, db);
    // the first node alone creates the schema and deploys the models; the second joins a ready database
    a.start();
    b.start();
  }

  @AfterAll
  static void stopBoth() throws Exception {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        try {
          node.stop();
        } catch (Exception ignored) {
          // already stopped or killed
        }
      }
    }
  }

  @Test
  @Order(1)
  void workSubmittedToEitherNodeIsSeenOnTheOther() throws Exception {
    String call = demoCall(a);
    String proposal = draft(a, call, "集群申报 " + System.nanoTime(), true);
    assertThat(asApplicant(a, "POST", "/api/applicant/proposals/" + proposal + "/submit", null).statusCode()).isEqualTo(200);

    // node B reads the proposal and its formal check, and the office completes it there
    assertThat(status(b, proposal)).isEqualTo("SUBMITTED");
    b.officials.completeOne("office", proposal, "userTask_formalCheck", Officials.string("decision", "eligible"));
    // node A sees the decision taken on B
    await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(status(a, proposal)).isEqualTo("ELIGIBLE"));
    assertThat(formalChecks(a, proposal)).isEqualTo(1);
  }

  private static List<String> startPlatformChecks(int count, String confirmWithin) throws Exception {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ClusterNode node = i % 2 == 0 ? a : b;
      HttpResponse<String> started = node.officials.as("admin", "POST", "/engine-rest/process-definition/key/platformCheck/start",
          "{\"variables\":{" + Officials.string("confirmWithin", confirmWithin) + "}}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      instances.add(Officials.object(started).getString("id"));
    }
    return instances;
  }

  /** Waits until every instance has ended; returns the successful job-log entries (host per job) of the timer. */
  private static Map<String, List<String>> awaitTimersFired(List<String> instances, Duration within) throws Exception {
    Set<String> ended = new HashSet<>(); // filled on the test's thread
    await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).pollInSameThread().untilAsserted(() -> {
      for (String instance : instances) {
        if (!ended.contains(instance)) {
          JsonObject history = Officials.object(b.officials.as("admin", "GET", "/engine-rest/history/process-instance/" + instance, null));
          if ("COMPLETED".equals(history.getString("state", ""))) {
            ended.add(instance);
          }
        }
      }
      assertThat(ended).as("every instance passed its timer").hasSize(instances.size());
    });
    Map<String, List<String>> hostsByInstance = new HashMap<>();
    for (String instance : instances) {
      JsonArray log = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/job-log?processInstanceId=" + instance
          + "&successLog=true", null));
      List<String> hosts = new ArrayList<>();
      for (JsonValue entry : log) {
        hosts.add(entry.asJsonObject().getString("hostname"));
      }
      hostsByInstance.put(instance, hosts);
      JsonArray timer = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/activity-instance?processInstanceId="
          + instance + "&activityId=boundaryTimer_confirmationOverdue", null));
      assertThat(timer).as("the timer of " + instance + " fired once").hasSize(1);
      JsonArray audit = (JsonArray) WebClient.json(b.officials.as("admin", "GET", "/engine-rest/history/activity-instance?processInstanceId="
          + instance + "&activityId=serviceTask_recordOverdue", null));
      assertThat(audit).as("the overdue step of " + instance + " ran once").hasSize(1);
    }
    return hostsByInstance;
  }

  @Test
  @Order(2)
  void fiftyMessagesWrittenWhileTheMailServerIsDownAreSentOnceByTheTwoNodes() throws Exception {
    // the mail server (GreenMail on it.smtp.port, where both nodes send) is down while 50 reminders are written
    List<String> instances = startPlatformChecks(50, "PT5H");
    Set<String> tasks = new HashSet<>();
    for (String instance : instances) {
      JsonArray open = (JsonArray) WebClient.json(a.officials.as("admin", "GET", "/engine-rest/task?processInstanceId=" + instance, null));
      tasks.add(open.getJsonObject(0).getString("id"));
    }
    java.util.function.Predicate<String> ours = key -> key.startsWith("reminder:") && tasks.contains(key.split(":")[1]) && key.endsWith(":office");
    await().alias("50 reminders tried while the mail server is down").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          try (Connection db = database(); Statement query = db.createStatement();
              ResultSet rows = query.executeQuery("select event_key, attempts, status from aipo_outbox where event_key like 'reminder:%'")) {
            int waiting = 0;
            while (rows.next()) {
              if (ours.test(rows.getString(1)) && rows.getInt(2) >= 1 && "PENDING".equals(rows.getString(3))) {
                waiting++;
              }
            }
            return waiting == 50;
          }
        });
    com.icegreen.greenmail.util.GreenMail smtp = MailIT.newMailServer();
    try {
      await().alias("50 reminders delivered").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> java.util.Arrays.stream(smtp.getReceivedMessages()).map(MailIT::event).filter(ours).count() >= 50);
      Thread.sleep(4000); // a second copy from the other node would arrive within its next polls
      List<String> delivered = java.util.Arrays.stream(smtp.getReceivedMessages()).map(MailIT::event).filter(ours).toList();
      assertThat(delivered).hasSize(50).doesNotHaveDuplicates();
      try (Connection db = database(); Statement query = db.createStatement();
          ResultSet rows = query.executeQuery("select event_key, status, claimed_by from aipo_outbox where event_key like 'reminder:%'")) {
        Set<String> senders = new HashSet<>();
        int sent = 0;
        while (rows.next()) {
          if (ours.test(rows.getString(1))) {
            assertThat(rows.getString(2)).as(rows.getString(1)).isEqualTo("SENT");
            senders.add(rows.getString(3));
            sent++;
          }
        }
        assertThat(sent).isEqualTo(50);
        assertThat(senders).isSubsetOf("node-a", "node-b", null);
      }
    } finally {
      smtp.stop();
    }
  }

  @Test
  @Order(3)
  void aTimerDueWhileBothRunFiresExactlyOnce() throws Exception {
    List<String> instances = startPlatformChecks(16, "PT3S");
    Map<String, List<String>> hosts = awaitTimersFired(instances, Duration.ofSeconds(90));
    hosts.forEach((instance, ran) -> assertThat(ran).as("one successful run of the timer job of " + instance).hasSize(1));
    Set<String> nodes = new HashSet<>();
    hosts.values().forEach(nodes::addAll);
    assertThat(nodes).as("the nodes that ran timers").isSubsetOf("node-a", "node-b");
  }

  @Test
  @Order(4)
  void theJobsOfAKilledNodeRunOnTheOtherOnceTheirLocksExpire() throws Exception {
    List<String> instances = startPlatformChecks(8, "PT4S");
    Map<String, String> lockedByA = new HashMap<>();
    try (Connection hold = database(); Connection look = database()) {
      // hold the instances' execution rows: a node that takes a due timer blocks on them, job lock in hand
      hold.setAutoCommit(false);
      try (PreparedStatement lock = hold.prepareStatement("select id_ from act_ru_execution where proc_inst_id_ = any (?) for update")) {
        lock.setArray(1, hold.createArrayOf("varchar", instances.toArray()));
        lock.executeQuery().close();
      }
      // on the test's thread: the connection is the test's
      await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300)).pollInSameThread().untilAsserted(() -> {
        lockedByA.clear();
        int locked = 0;
        try (PreparedStatement jobs = look.prepareStatement("select id_, lock_owner_ from act_ru_job where process_instance_id_ = any (?)")) {
          jobs.setArray(1, look.createArrayOf("varchar", instances.toArray()));
          try (ResultSet rows = jobs.executeQuery()) {
            while (rows.next()) {
              if (rows.getString(2) != null) {
                locked++;
                if ("node-a".equals(rows.getString(2))) {
                  lockedByA.put(rows.getString(1), rows.getString(2));
                }
              }
            }
          }
        }
        assertThat(locked).as("both nodes took the due timers").isEqualTo(instances.size());
      });
      assertThat(lockedByA).as("node A holds some of the jobs when it is killed").isNotEmpty();
      a.kill();
      hold.rollback();
    }
    Instant killed = Instant.now();
    // B finishes its own jobs at once, and A's after their 15 s locks expire
    Map<String, List<String>> hosts = awaitTimersFired(instances, Duration.ofSeconds(90));
    hosts.forEach((instance, ran) -> assertThat(ran).as("the timer of " + instance + " committed once, by node B").containsExactly("node-b"));
    System.out.printf("[cluster] %d of %d due timers were locked by node A when it was killed; all %d ran on node B within %d s%n",
        lockedByA.size(), instances.size(), instances.size(), Duration.between(killed, Instant.now()).toSeconds());
    a.start();
  }

  @Test
  @Order(5)
  void aTasklistSessionNeedsOnlyItsOwnNode() throws Exception {
    // over TLS, as production: the session cookie is HttpOnly and Secure
    WebClient tasklist = WebClient.overTls(a.httpsPort);
    HttpResponse<String> login = tasklist.loginToWebapp("tasklist", "office", "demo");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> session = tasklist.send("POST", "/api/session", "application/json", "{\"userId\":\"applicant1\",\"password\":\"demo\"}");
    String cookie = session.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    assertThat(cookie).as("the session cookie behind TLS").containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure");
    tasklist = WebClient.overTls(a.httpsPort);
    assertThat(tasklist.loginToWebapp("tasklist", "office", "demo").statusCode()).isEqualTo(200);
    b.stop();
    HttpResponse<String> tasks = tasklist.webappApi("GET", "/camunda/api/engine/engine/default/task?maxResults=5", null);
    assertThat(tasks.statusCode()).as("Tasklist on A with B stopped: " + tasks.body()).isEqualTo(200);
    assertThat(WebClient.json(tasks)).isInstanceOf(JsonArray.class);
  }

  @Test
  @Order(6)
  void aKillDuringAStreamOfSubmissionsLosesNoAcknowledgedOneAndKeepsNoRefusedOne() throws Exception {
    String call = demoCall(a);
    List<String> drafts = new ArrayList<>();
    Set<String> incomplete = new HashSet<>();
    for (int i = 0; i < 48; i++) {
      boolean complete = i % 6 != 5;
      String id = draft(a, call, "流式申报 " + i, complete);
      drafts.add(id);
      if (!complete) {
        incomplete.add(id);
      }
    }
    Map<String, String> outcome = new ConcurrentHashMap<>();
    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (String id : drafts) {
      clients.submit(() -> {
        try {
          HttpResponse<String> answer = asApplicant(a, "POST", "/api/applicant/proposals/" + id + "/submit", null);
          outcome.put(id, answer.statusCode() == 200 ? "acknowledged" : answer.statusCode() < 500 ? "refused" : "failed " + answer.statusCode());
          if (answer.statusCode() == 200) {
            acknowledged.incrementAndGet();
          }
        } catch (IOException | InterruptedException noAnswer) {
          outcome.put(id, "no answer");
        } catch (Exception e) {
          outcome.put(id, "error " + e);
        }
        return null;
      });
    }
    await().alias("12 submissions acknowledged before the kill").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.get() >= 12);
    a.kill();
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    a.start();

    List<String> problems = new ArrayList<>();
    int retried = 0;
    for (String id : drafts) {
      String seen = outcome.getOrDefault(id, "no answer");
      if (seen.equals("no answer") || seen.startsWith("failed")) {
        // the client retries what got no answer: safe, at most one formal check
        HttpResponse<String> retry = asApplicant(a, "POST", "/api/applicant/proposals/" + id + "/submit", null);
        seen = retry.statusCode() == 200 ? "acknowledged" : "refused";
        retried++;
      }
      boolean shouldExist = !incomplete.contains(id);
      if (seen.equals("acknowledged") != shouldExist) {
        problems.add(id + ": " + seen + (shouldExist ? " though complete" : " though incomplete"));
      }
      int checks = formalChecks(a, id);
      String status = status(a, id);
      if (seen.equals("acknowledged") && (checks != 1 || status.equals("DRAFT"))) {
        problems.add(id + ": acknowledged, but " + checks + " formal checks, status " + status);
      }
      if (seen.equals("refused") && (checks != 0 || !status.equals("DRAFT"))) {
        problems.add(id + ": refused, but " + checks + " formal checks, status " + status);
      }
    }
    System.out.printf("[cluster] kill -9 during %d submissions: %d acknowledged before the kill, %d refused (incomplete), %d without "
        + "an answer and retried; problems: %s%n", drafts.size(), acknowledged.get(), outcome.values().stream().filter("refused"::equals).count(),
        retried, problems);
    assertThat(problems).as("submissions after a kill -9 (" + retried + " retried)").isEmpty();
    assertThat(acknowledged.get()).as("some were acknowledged before the kill").isGreaterThanOrEqualTo(12);
  }
  private static void postgres(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", java.nio.file.Path.of(".ci", "postgres.sh").toAbsolutePath().toString(), command)
        .redirectErrorStream(true);
    // the test's PostgreSQL (its folder comes from AIPO_PG_DIR in the environment, as for the build's reset)
    builder.environment().put("AIPO_PG_PORT", System.getProperty("it.pg.port"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("postgres.sh " + command + ": " + output).isZero();
  }

  @Test
  @Order(7)
  void aDatabaseRestartDuringSubmissionsIsRefusedCleanlyAndLosesNothing() throws Exception {
    String call = demoCall(a);
    List<String> drafts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      drafts.add(draft(a, call, "重启期间申报 " + i, true));
    }
    Map<String, String> outcome = new ConcurrentHashMap<>();
    Map<String, Long> millis = new ConcurrentHashMap<>();
    AtomicInteger acknowledged = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    for (String id : drafts) {
      clients.submit(() -> {
        long started = System.nanoTime();
        try {
          HttpResponse<String> answer = asApplicant(a, "POST", "/api/applicant/proposals/" + id + "/submit", null);
          outcome.put(id, answer.statusCode() == 200 ? "acknowledged"
              : answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent() ? "unavailable"
              : "status " + answer.statusCode() + " " + answer.body());
          if (answer.statusCode() == 200) {
            acknowledged.incrementAndGet();
          }
        } catch (Exception noAnswer) {
          outcome.put(id, "no answer: " + noAnswer);
        }
        millis.put(id, (System.nanoTime() - started) / 1_000_000);
        Thread.sleep(150); // not a poll: spreads the submissions over the outage
        return null;
      });
    }
    await().alias("5 submissions acknowledged before the database stops").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.get() >= 5);
    postgres("stop");
    Thread.sleep(2000); // not a poll: readiness is read 2 s into the outage
    int readyWhileDown = a.client.get("/health/ready").statusCode();
    // down for longer than the pool's connectionTimeout (10 s): a request waits that long for the database
    // (a shorter outage is absorbed: the request goes through once the database is back), then gets 503
    Thread.sleep(12_000); // not a poll: the outage's length
    postgres("start");
    clients.shutdown();
    assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

    long unavailable = outcome.values().stream().filter("unavailable"::equals).count();
    List<String> unclean = outcome.entrySet().stream().filter(e -> !e.getValue().equals("acknowledged") && !e.getValue().equals("unavailable"))
        .map(e -> e.getKey() + ": " + e.getValue()).toList();
    long slowest = millis.values().stream().mapToLong(Long::longValue).max().orElse(0);
    // the server recovers by itself: what was refused goes through when sent again, exactly once
    List<String> problems = new ArrayList<>();
    for (String id : drafts) {
      if (!outcome.get(id).equals("acknowledged")) {
        // sent again once a second until it goes through (20 s, and what the answers take meanwhile)
        AtomicReference<HttpResponse<String>> retry = new AtomicReference<>();
        try {
          await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
              .until(() -> {
                retry.set(asApplicant(a, "POST", "/api/applicant/proposals/" + id + "/submit", null));
                return retry.get().statusCode() == 200;
              });
        } catch (ConditionTimeoutException stillRefused) {
          problems.add(id + ": retry answered " + retry.get().statusCode());
        }
      }
      int checks = formalChecks(a, id);
      if (checks != 1) {
        problems.add(id + ": " + outcome.get(id) + ", then " + checks + " formal checks");
      }
    }
    System.out.printf("[cluster] database restart during %d submissions: %d acknowledged, %d refused with 503, others %s; "
        + "slowest answer %d ms; /health/ready while down %d%n", drafts.size(), acknowledged.get(), unavailable, unclean, slowest, readyWhileDown);
    assertThat(unavailable).as("submissions refused with 503 while the database was down").isPositive();
    assertThat(unclean).as("answers other than 200 or 503 with Retry-After").isEmpty();
    assertThat(slowest).as("no request hangs while the database is down (ms)").isLessThan(30_000);
    assertThat(readyWhileDown).as("/health/ready while the database is down").isEqualTo(503);
    assertThat(problems).as("every submission exactly once after the restart").isEmpty();
  }
}
