package org.aipo.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The benchmark of issue 10 ({@code mvn -Pbench verify}): our server and the plain Camunda peer
 * (src/bench/peer) one after the other on the same PostgreSQL, JDK, heap and BPMN (src/bench/processes),
 * each under the same open-model load (requests sent at a fixed rate whatever the answers, latency counted
 * from the moment a request was due). Writes the tables into docs/benchmarks.md between its markers.
 * Not a test: nothing here runs in the default build.
 */
public final class Benchmark {

  static final String BEGIN = "<!-- bench:begin (written by mvn -Pbench verify; edits between the markers are overwritten) -->";
  static final String END = "<!-- bench:end -->";

  final Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
  final Path wlp = root.resolve("target/liberty/wlp");
  final String ourServer = System.getProperty("bench.server", "programmeOfficeBench");
  final int ourPort = Integer.getInteger("bench.http.port", 9190);
  final int peerPort = Integer.getInteger("bench.peer.port", 9290);
  final int pgPort = Integer.getInteger("bench.pg.port", 55433);
  final String heap = System.getProperty("bench.heap", "768m");
  final Duration soak = Duration.parse(System.getProperty("bench.soak", "PT30M"));
  final Duration step = Duration.parse(System.getProperty("bench.step", "PT20S"));
  final Duration warmUp = Duration.parse(System.getProperty("bench.warmUp", "PT40S"));
  final int openTasks = Integer.getInteger("bench.tasks", 100_000);
  final int timers = Integer.getInteger("bench.timers", 200);
  final int startsForCommits = Integer.getInteger("bench.commitStarts", 300);
  final int queries = Integer.getInteger("bench.queries", 100);
  final boolean jfr = Boolean.getBoolean("bench.jfr");
  /** Our server only: one start and the start-rate ladder, printed, docs untouched (to compare one change). */
  final boolean quick = Boolean.getBoolean("bench.quick");
  /** Our server only: seed the open tasks and measure the task queries (section 3); docs untouched, the database kept. */
  final boolean queriesOnly = Boolean.getBoolean("bench.queriesOnly");
  final List<Integer> rates = parse(System.getProperty("bench.rates", "50,100,150,200,250,300,400,500"));
  final List<Integer> submissionRates = parse(System.getProperty("bench.submissionRates", "25,50,75,100,150,200"));

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, Object> results = new LinkedHashMap<>();
  final StringBuilder log = new StringBuilder();

  public static void main(String[] args) throws Exception {
    new Benchmark().run();
  }

  static List<Integer> parse(String list) {
    List<Integer> values = new ArrayList<>();
    for (String v : list.split(",")) {
      values.add(Integer.parseInt(v.trim()));
    }
    return values;
  }

  void say(String line) {
    String stamped = "[bench " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "] " + line;
    System.out.println(stamped);
    log.append(stamped).append('\n');
  }

  // ---------------------------------------------------------------- servers

  /** A server under test: started and stopped from here, one at a time. */
  abstract class Target {
    final String name;
    final int port;
    final String basic;
    Process process;

    Target(String name, int port, String user, String password) {
      this.name = name;
      this.port = port;
      this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    abstract void launch() throws Exception;

    abstract long pid() throws Exception;

    abstract void halt() throws Exception;

    abstract String readyPath();

    /** Starts the server; the time from launch to its first ready answer. */
    Duration start() throws Exception {
      Instant launched = Instant.now();
      launch();
      Instant deadline = launched.plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)) {
        try {
          HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri(readyPath())).header("Authorization", basic)
              .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (ready.statusCode() == 200) {
            return Duration.between(launched, Instant.now());
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException(name + " not ready within 4 minutes");
    }

    long rssKb() throws Exception {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("no VmRSS for " + name);
    }

    String startPath(String key) {
      return "/engine-rest/process-definition/key/" + key + "/start";
    }
  }

  final class Ours extends Target {
    Ours() {
      super("AI Programme Office", ourPort, "admin", "demo");
    }

    Path dir() {
      return wlp.resolve("usr/servers/" + ourServer);
    }

    void configure() throws IOException {
      Properties bootstrap = new Properties();
      bootstrap.setProperty("http.port", Integer.toString(ourPort));
      bootstrap.setProperty("https.port", Integer.toString(ourPort + 363));
      bootstrap.setProperty("http.host", "localhost");
      bootstrap.setProperty("db.kind", "postgresql");
      bootstrap.setProperty("db.host", "127.0.0.1");
      bootstrap.setProperty("db.port", Integer.toString(pgPort));
      bootstrap.setProperty("db.name", "bench_ours");
      bootstrap.setProperty("db.user", "aipo");
      bootstrap.setProperty("db.password", "aipo");
      // the demo users and call the load uses (admin, office, applicant1); the peer has its bench user
      bootstrap.setProperty("aipo.demo.anyDatabase", "true");
      try (var out = Files.newBufferedWriter(dir().resolve("bootstrap.properties"), StandardCharsets.UTF_8)) {
        bootstrap.store(out, "benchmark server (src/test/java/org/aipo/bench/Benchmark.java)");
      }
      String options = Files.readString(dir().resolve("jvm.options")).replaceAll("(?m)^-Xmx.*$", "-Xmx" + heap)
          .replaceAll("(?m)^-XX:StartFlightRecording.*\\n?", "");
      if (jfr) {
        // a CPU profile of the whole run (where the time goes), read with: jfr print --events jdk.ExecutionSample
        options = options + "\n-XX:StartFlightRecording=filename=" + root.resolve("target/bench/ours.jfr") + ",settings=profile,dumponexit=true\n";
      }
      Files.writeString(dir().resolve("jvm.options"), options.contains("-Xmx") ? options : options + "\n-Xmx" + heap + "\n");
    }

    @Override
    void launch() throws Exception {
      Process start = new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", ourServer).redirectErrorStream(true)
          .redirectOutput(root.resolve("target/bench/ours-start.out").toFile()).start();
      if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
        throw new IllegalStateException("server start " + ourServer + " failed; see target/bench/ours-start.out");
      }
    }

    @Override
    long pid() throws Exception {
      return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + ourServer + ".pid")).trim());
    }

    @Override
    void halt() throws Exception {
      new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", ourServer).redirectErrorStream(true)
          .redirectOutput(root.resolve("target/bench/ours-stop.out").toFile()).start().waitFor(3, TimeUnit.MINUTES);
    }

    @Override
    String readyPath() {
      return "/health/ready";
    }
  }

  final class Peer extends Target {
    Peer() {
      super("plain Camunda 7.24 on Spring Boot (peer)", peerPort, "bench", "bench");
    }

    @Override
    void launch() throws Exception {
      process = new ProcessBuilder("java", "-Xmx" + heap, "-jar", root.resolve("src/bench/peer/target/camunda-peer.jar").toString(),
          "--spring.profiles.active=pg", "--server.port=" + peerPort,
          "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/bench_peer", "--spring.datasource.username=aipo",
          "--spring.datasource.password=aipo", "--peer.processes-dir=" + root.resolve("src/bench/processes"))
          .redirectErrorStream(true).redirectOutput(root.resolve("target/bench/peer.out").toFile()).start();
    }

    @Override
    long pid() {
      return process.pid();
    }

    @Override
    void halt() throws Exception {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    @Override
    String readyPath() {
      return "/engine-rest/process-definition/key/benchProposal";
    }
  }

  // ---------------------------------------------------------------- database

  Connection database(String name) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + name, "postgres", "");
  }

  void freshDatabases() throws Exception {
    try (Connection c = database("postgres"); Statement s = c.createStatement()) {
      for (String name : List.of("bench_ours", "bench_peer")) {
        s.execute("drop database if exists " + name + " with (force)");
        s.execute("create database " + name + " owner aipo");
      }
    }
  }

  long commits(String databaseName) throws Exception {
    try (Connection c = database(databaseName); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
      r.next();
      return r.getLong(1);
    }
  }

  // ---------------------------------------------------------------- requests

  HttpRequest.Builder request(Target target, String path) {
    return HttpRequest.newBuilder(target.uri(path)).header("Authorization", target.basic).timeout(Duration.ofSeconds(30));
  }

  /** A request on its own; once more when a kept-alive connection turns out to be closed (after an overload). */
  HttpResponse<String> send(HttpRequest request) throws Exception {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException closed) {
      Thread.sleep(1000);
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  HttpRequest start(Target target, String key, String businessKey, String variables) {
    return request(target, target.startPath(key)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"" + businessKey + "\",\"variables\":{" + variables + "}}")).build();
  }

  static JsonValue json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readValue();
    }
  }

  /** Deploys the bench models on our server (the peer deploys them itself from the same folder at start). */
  void deployBenchModels(Target target) throws Exception {
    String boundary = "----bench" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-models\r\n");
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n");
    try (var files = Files.list(root.resolve("src/bench/processes"))) {
      for (Path file : files.sorted().toList()) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file.getFileName())
            .append("\"; filename=\"").append(file.getFileName()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .append(Files.readString(file)).append("\r\n");
      }
    }
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> deployed = send(request(target, "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    if (deployed.statusCode() != 200) {
      throw new IllegalStateException("bench models not deployed on " + target.name + ": " + deployed.statusCode() + " " + deployed.body());
    }
  }

  // ---------------------------------------------------------------- open-model load

  /** What one run at a fixed arrival rate gave. */
  record Load(int offered, double achieved, long ok, long errors, double p50, double p99, double max, String firstError) {
    boolean sustained() {
      return errors == 0 && achieved >= 0.95 * offered && p99 <= 1000;
    }
  }

  /**
   * Sends requests at {@code rate} per second for {@code length} whatever the answers (open model); each
   * latency counts from the moment its request was due, so a server that falls behind is charged for the
   * queue. More than {@code maxInFlight} requests outstanding count as errors (not sent).
   */
  Load openLoad(int rate, Duration length, Function<Long, java.util.concurrent.CompletableFuture<Integer>> operation) throws Exception {
    int maxInFlight = 512;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long begin = System.nanoTime();
    long total = length.toSeconds() * rate;
    double interval = 1e9 / rate;
    List<java.util.concurrent.CompletableFuture<Integer>> pending = Collections.synchronizedList(new ArrayList<>());
    for (long i = 0; i < total; i++) {
      long due = begin + (long) (i * interval);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= maxInFlight) {
        errors.incrementAndGet();
        failures.add("more than " + maxInFlight + " requests outstanding");
        continue;
      }
      inFlight.incrementAndGet();
      java.util.concurrent.CompletableFuture<Integer> call = operation.apply(i).whenComplete((status, failure) -> {
        long took = System.nanoTime() - due;
        inFlight.decrementAndGet();
        if (failure == null && status >= 200 && status < 300) {
          ok.incrementAndGet();
          latencies.add(took);
        } else {
          errors.incrementAndGet();
          if (failures.size() < 5) {
            failures.add(failure != null ? failure.toString() : "HTTP " + status);
          }
        }
      });
      pending.add(call);
    }
    for (var call : List.copyOf(pending)) {
      try {
        call.get(60, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // counted above
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Load(rate, ok.get() / Math.max(seconds, length.toSeconds()), ok.get(), errors.get(), percentile(sorted, 50),
        percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, failures.peek());
  }

  static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }

  java.util.concurrent.CompletableFuture<Integer> async(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }

  /** The rate ladder: each rate for {@code step}, stopping after the first two rates the server could not sustain. */
  List<Load> ladder(String label, List<Integer> ladderRates, Function<Long, java.util.concurrent.CompletableFuture<Integer>> operation)
      throws Exception {
    List<Load> loads = new ArrayList<>();
    int missed = 0;
    for (int rate : ladderRates) {
      Load load = openLoad(rate, step, operation);
      loads.add(load);
      say(String.format(Locale.ROOT, "%s at %d/s: %.1f/s ok, %d errors, p50 %.1f ms, p99 %.1f ms%s", label, rate, load.achieved(),
          load.errors(), load.p50(), load.p99(), load.firstError() == null ? "" : " (" + load.firstError() + ")"));
      if (!load.sustained() && ++missed == 2) {
        break;
      }
      Thread.sleep(3000);
    }
    Thread.sleep(15_000); // the queue of an overloaded server drains before the next measurement
    return loads;
  }

  static Load peak(List<Load> loads) {
    return loads.stream().filter(Load::sustained).reduce((a, b) -> b.achieved() > a.achieved() ? b : a).orElse(null);
  }

  // ---------------------------------------------------------------- the measurements

  record Startup(List<Duration> times, List<Long> rssKb) {
  }

  Startup startups(Target target, int runs) throws Exception {
    List<Duration> times = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Duration took = target.start();
      Thread.sleep(20_000);
      long kb = target.rssKb();
      times.add(took);
      rss.add(kb);
      say(target.name + " warm start " + (run + 1) + ": " + took.toMillis() + " ms to ready, idle RSS " + kb / 1024 + " MiB");
      target.halt();
      Thread.sleep(3000);
    }
    return new Startup(times, rss);
  }

  double commitsPerStart(Target target, String databaseName) throws Exception {
    long before = commits(databaseName);
    for (int i = 0; i < startsForCommits; i++) {
      HttpResponse<String> started = send(start(target, "benchProposal", "commits-" + i + "-" + System.nanoTime(), ""));
      if (started.statusCode() != 200) {
        throw new IllegalStateException("start refused: " + started.statusCode() + " " + started.body());
      }
    }
    Thread.sleep(2000);
    double perStart = (commits(databaseName) - before) / (double) startsForCommits;
    say(String.format(Locale.ROOT, "%s: %.2f database commits per start", target.name, perStart));
    return perStart;
  }

  /** Fire time minus due time of a burst of timers all due at the same moment. */
  List<Double> timerLateness(Target target) throws Exception {
    OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(30).withNano(0);
    String prefix = "timer-" + System.nanoTime();
    for (int i = 0; i < timers; i++) {
      HttpResponse<String> started = send(start(target, "benchTimer", prefix + "-" + i,
          "\"due\":{\"value\":\"" + due + "\",\"type\":\"String\"}"));
      if (started.statusCode() != 200) {
        throw new IllegalStateException("timer start refused: " + started.statusCode() + " " + started.body());
      }
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    JsonArray fired = Json.createArrayBuilder().build();
    while (Instant.now().isBefore(deadline)) {
      fired = (JsonArray) json(send(request(target, "/engine-rest/history/activity-instance?activityId=timerEvent_due&finished=true"
          + "&processDefinitionKey=benchTimer&maxResults=100000").GET().build()));
      if (fired.size() >= timers) {
        break;
      }
      Thread.sleep(2000);
    }
    Instant dueInstant = due.toInstant();
    List<Double> lateness = new ArrayList<>();
    for (JsonValue v : fired) {
      String end = v.asJsonObject().getString("endTime");
      lateness.add((double) Duration.between(dueInstant, OffsetDateTime.parse(end, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
          .toInstant()).toMillis());
    }
    Collections.sort(lateness);
    say(target.name + ": " + lateness.size() + " of " + timers + " timers fired; lateness p50 " + pct(lateness, 50) + " ms, p95 "
        + pct(lateness, 95) + " ms, max " + (lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1)) + " ms");
    return lateness;
  }

  static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)));
  }

  /** Seeds open tasks through the engine itself: instances of a multi-instance user task, 5,000 tasks each. */
  void seedTasks(Target target) throws Exception {
    int perInstance = 5000;
    for (int done = 0; done < openTasks; done += perInstance) {
      int count = Math.min(perInstance, openTasks - done);
      HttpResponse<String> seeded = http.send(request(target, target.startPath("benchTaskSeed")).timeout(Duration.ofMinutes(5))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"businessKey\":\"seed-" + done + "\",\"variables\":{\"count\":{\"value\":" + count + ",\"type\":\"Integer\"}}}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (seeded.statusCode() != 200) {
        throw new IllegalStateException("seed refused: " + seeded.statusCode() + " " + seeded.body());
      }
    }
  }

  /** p50/p95 of a query sent {@code queries} times one after the other as an official (authorizations apply), after ten unmeasured ones. */
  double[] query(Target target, String user, String path, String postBody) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < queries + 10; i++) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(target.uri(path)).header("Authorization", basic).timeout(Duration.ofSeconds(30));
      if (path.contains("/filter/") && path.contains("/list")) {
        // as Tasklist asks for a filter's page: HAL, whose answer also carries the filter's count
        builder.header("Accept", "application/hal+json");
      }
      HttpRequest request = postBody == null ? builder.GET().build()
          : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(postBody)).build();
      long begin = System.nanoTime();
      HttpResponse<String> answer;
      try {
        answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.net.http.HttpTimeoutException tooSlow) {
        say(path + ": no answer within 30 s; the series stops (reported as timed out)");
        // PostgreSQL goes on with the abandoned statement for minutes; it would load everything measured after it
        try (Connection c = database("postgres"); Statement s = c.createStatement();
            var cancelled = s.executeQuery("select count(pg_cancel_backend(pid)) from pg_stat_activity where datname = 'bench_ours'"
                + " and state = 'active' and now() - query_start > interval '25 seconds'")) {
          cancelled.next();
          say("cancelled " + cancelled.getInt(1) + " statement(s) still running in PostgreSQL");
        }
        return new double[] {-1, -1};
      }
      long took = System.nanoTime() - begin;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
      }
      if (i >= 10) {
        times.add(took);
      }
    }
    Collections.sort(times);
    return new double[] {percentile(times, 50), percentile(times, 95)};
  }

  // ---------------------------------------------------------------- the run

  void run() throws Exception {
    Files.createDirectories(root.resolve("target/bench"));
    Instant began = Instant.now();
    freshDatabases();
    Ours ours = new Ours();
    ours.configure();
    Peer peer = new Peer();
    Map<Target, Map<String, Object>> byTarget = new LinkedHashMap<>();
    if (quick || queriesOnly) {
      ours.start();
      deployBenchModels(ours);
      if (queriesOnly) {
        taskQueries(ours, new LinkedHashMap<>());
      } else {
        Function<Long, java.util.concurrent.CompletableFuture<Integer>> starts = benchProposalStarts(ours, "quick-");
        openLoad(100, warmUp, starts);
        Load best = peak(ladder("quick: " + ours.name + " starts", rates, starts));
        say("quick: highest sustained " + (best == null ? "none" : String.format(Locale.ROOT, "%.1f/s", best.achieved())));
      }
      ours.halt();
      return;
    }
    for (Target target : List.of(peer, ours)) {
      Map<String, Object> r = new LinkedHashMap<>();
      byTarget.put(target, r);
      say("== " + target.name);
      // first start: schema, demo data, models (not measured)
      target.start();
      if (target == ours) {
        deployBenchModels(ours);
      }
      target.halt();
      Thread.sleep(3000);
      r.put("startup", startups(target, 3));
      target.start();
      Function<Long, java.util.concurrent.CompletableFuture<Integer>> starts = benchProposalStarts(target, "run-");
      say(target.name + ": warm-up " + warmUp.toSeconds() + " s at 100/s");
      openLoad(100, warmUp, starts);
      r.put("starts", ladder(target.name + " starts", rates, starts));
      r.put("commits", commitsPerStart(target, target == ours ? "bench_ours" : "bench_peer"));
      if (target == ours) {
        r.put("submissions", ladder("submissions", submissionRates, submission(ours)));
      }
      r.put("timers", timerLateness(target));
      if (target == ours) {
        taskQueries(ours, r);
        Load best = peak(castLoads(r.get("starts")));
        int soakRate = best == null ? 25 : Math.max(10, (int) (best.achieved() / 2));
        r.put("soak", soakRun(ours, soakRate, starts));
      }
      target.halt();
      Thread.sleep(3000);
    }
    write(byTarget, peer, ours, Duration.between(began, Instant.now()));
    say("done in " + Duration.between(began, Instant.now()).toMinutes() + " min; docs/benchmarks.md updated");
  }

  /** Seeds the open tasks, then measures Tasklist's queries over them as the office (section 3). */
  void taskQueries(Ours ours, Map<String, Object> r) throws Exception {
    say("seeding " + openTasks + " open tasks");
    Instant seeding = Instant.now();
    seedTasks(ours);
    say("seeded in " + Duration.between(seeding, Instant.now()).toSeconds() + " s");
    // what autovacuum does after that many new rows, done at once so that the queries are measured on current statistics
    try (Connection c = database("bench_ours"); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    r.put("taskList", query(ours, "office", "/engine-rest/task?candidateGroup=programme-office&sortBy=created&sortOrder=desc"
        + "&firstResult=0&maxResults=15", null));
    r.put("taskCount", query(ours, "office", "/engine-rest/task/count?candidateGroup=programme-office", null));
    String filter = firstTaskFilter(ours);
    if (filter != null) {
      r.put("filterList", query(ours, "office", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
          "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"));
      r.put("filterCount", query(ours, "office", "/engine-rest/filter/" + filter + "/count", "{}"));
    }
    for (String key : List.of("taskList", "taskCount", "filterList", "filterCount")) {
      if (r.get(key) instanceof double[] q) {
        say(String.format(Locale.ROOT, "%s with %d open tasks: p50 %.1f ms, p95 %.1f ms", key, openTasks, q[0], q[1]));
      }
    }
  }

  /** Starts of the peer's model, each with its own business key under one prefix per run. */
  Function<Long, java.util.concurrent.CompletableFuture<Integer>> benchProposalStarts(Target target, String prefix) {
    String run = prefix + System.nanoTime();
    AtomicLong counter = new AtomicLong();
    return i -> async(start(target, "benchProposal", run + "-" + counter.incrementAndGet(), "\"title\":{\"value\":\"x\",\"type\":\"String\"}"));
  }

  @SuppressWarnings("unchecked")
  static List<Load> castLoads(Object loads) {
    return (List<Load>) loads;
  }

  String firstTaskFilter(Target target) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8));
    JsonArray filters = (JsonArray) json(send(HttpRequest.newBuilder(target.uri("/engine-rest/filter?resourceType=Task"))
        .header("Authorization", basic).GET().build()));
    return filters.isEmpty() ? null : filters.getJsonObject(0).getString("id");
  }

  /** A one-page PDF, uploaded as each required document of a benchmark's proposal. */
  static final byte[] BENCH_PDF = benchPdf();

  private static byte[] benchPdf() {
    try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      document.save(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An applicant's whole submission: the proposal stored as a draft, its two required PDFs, then submitted (its formal check starts). */
  Function<Long, java.util.concurrent.CompletableFuture<Integer>> submission(Ours ours) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("applicant1:demo".getBytes(StandardCharsets.UTF_8));
    JsonArray calls = (JsonArray) json(send(HttpRequest.newBuilder(ours.uri("/api/applicant/calls")).header("Authorization", basic).GET().build()));
    String call = calls.getJsonObject(0).getString("id");
    String field = calls.getJsonObject(0).getJsonArray("fields").getString(0);
    return i -> {
      String body = "{\"callId\":\"" + call + "\",\"title\":\"基准测试申报 " + i + "\",\"field\":\"" + field + "\",\"summary\":\"摘要\","
          + "\"technicalApproach\":\"大模型\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"成效\",\"team\":\"五人\",\"budget\":500000,\"coFunding\":100000}";
      return http.sendAsync(HttpRequest.newBuilder(ours.uri("/api/applicant/proposals")).header("Authorization", basic)
          .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString()).thenCompose(draft -> {
            if (draft.statusCode() != 201 && draft.statusCode() != 200) {
              return java.util.concurrent.CompletableFuture.completedFuture(draft.statusCode());
            }
            String id = ((JsonObject) json(draft)).getString("id");
            // the call asks for the application document and the budget sheet before a submission (issue 22)
            java.util.concurrent.CompletableFuture<HttpResponse<Void>> documents = java.util.concurrent.CompletableFuture.completedFuture(null);
            for (String kind : new String[] {"application", "budget"}) {
              documents = documents.thenCompose(previous -> http.sendAsync(HttpRequest.newBuilder(ours.uri("/api/applicant/proposals/" + id
                  + "/attachments?kind=" + kind + "&name=" + kind + ".pdf")).header("Authorization", basic).header("Content-Type", "application/pdf")
                  .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(BENCH_PDF)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            return documents.thenCompose(stored -> http.sendAsync(HttpRequest.newBuilder(ours.uri("/api/applicant/proposals/" + id + "/submit"))
                .header("Authorization", basic).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding())).thenApply(HttpResponse::statusCode);
          });
    };
  }

  record Soak(int rate, Duration length, List<long[]> samples, Load load) {
  }

  /** Half the peak start rate for {@code soak}; RSS sampled every 30 s. */
  Soak soakRun(Ours ours, int rate, Function<Long, java.util.concurrent.CompletableFuture<Integer>> starts) throws Exception {
    say("soak: " + rate + " starts/s for " + soak.toMinutes() + " min");
    List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
    long begin = System.nanoTime();
    Thread sampler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          samples.add(new long[] {(System.nanoTime() - begin) / 1_000_000_000L, ours.rssKb()});
          Thread.sleep(30_000);
        }
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        say("RSS sampling stopped: " + e);
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    Load load = openLoad(rate, soak, starts);
    sampler.interrupt();
    samples.add(new long[] {(System.nanoTime() - begin) / 1_000_000_000L, ours.rssKb()});
    say(String.format(Locale.ROOT, "soak: %.1f/s ok, %d errors, p99 %.1f ms; RSS %s MiB", load.achieved(), load.errors(), load.p99(),
        samples.stream().map(s -> Long.toString(s[1] / 1024)).toList()));
    return new Soak(rate, soak, List.copyOf(samples), load);
  }

  // ---------------------------------------------------------------- the report

  static String ms(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static <T extends Comparable<T>> T median(List<T> values) {
    List<T> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String verdict(boolean met) {
    return met ? "**met**" : "**missed**";
  }

  void write(Map<Target, Map<String, Object>> byTarget, Peer peer, Ours ours, Duration took) throws IOException {
    Map<String, Object> p = byTarget.get(peer);
    Map<String, Object> o = byTarget.get(ours);
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n\n## Beside the plain Camunda peer (issue 10), ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
        .append("\n\nCommand: `bash .ci/postgres.sh start && mvn -Pbench verify` (").append(took.toMinutes())
        .append(" min; settings: rates ").append(rates).append("/s for ").append(step.toSeconds()).append(" s each after ")
        .append(warmUp.toSeconds()).append(" s of warm-up at 100/s, soak ").append(soak.toMinutes()).append(" min, ").append(openTasks)
        .append(" open tasks, ").append(queries).append(" queries each, ").append(timers).append(" timers). Both servers on PostgreSQL ")
        .append("(`.ci/postgres.sh`, 127.0.0.1:").append(pgPort).append(", a fresh database each), JDK ").append(System.getProperty("java.version"))
        .append(", heap `-Xmx").append(heap).append("` for both, ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores; the same models (`src/bench/processes`); admin users with Basic auth (`admin` on ours, `bench` on the peer, both in ")
        .append("`camunda-admin`). Open model: requests are sent at the rate whatever the answers; latency counts from when a request was due. ")
        .append("A rate is *sustained* with no errors, at least 95 % of it achieved and p99 ≤ 1 s.\n\n");

    Load peerPeak = peak(castLoads(p.get("starts")));
    Load ourPeak = peak(castLoads(o.get("starts")));
    md.append("### 1. Process starts on `/engine-rest` (Basic auth)\n\n| offered /s | peer achieved | peer p50 / p99 ms | peer errors | ours achieved | ours p50 / p99 ms | ours errors |\n|---|---|---|---|---|---|---|\n");
    List<Load> pl = castLoads(p.get("starts"));
    List<Load> ol = castLoads(o.get("starts"));
    for (int rate : rates) {
      Load a = pl.stream().filter(l -> l.offered() == rate).findFirst().orElse(null);
      Load b = ol.stream().filter(l -> l.offered() == rate).findFirst().orElse(null);
      if (a == null && b == null) {
        continue;
      }
      md.append("| ").append(rate).append(" | ").append(cell(a)).append(" | ").append(cell(b)).append(" |\n");
    }
    double ratio = peerPeak == null || ourPeak == null ? Double.NaN : ourPeak.achieved() / peerPeak.achieved();
    md.append(String.format(Locale.ROOT, "%nHighest sustained: peer %s, ours %s → **%.2f×** (target ≥ 2×: %s). Database commits per start: peer %.2f, ours %.2f.%n%n",
        peerPeak == null ? "none" : String.format(Locale.ROOT, "%.1f/s", peerPeak.achieved()),
        ourPeak == null ? "none" : String.format(Locale.ROOT, "%.1f/s", ourPeak.achieved()), ratio, verdict(ratio >= 2),
        (Double) p.get("commits"), (Double) o.get("commits")));

    List<Load> sl = castLoads(o.get("submissions"));
    Load subPeak = peak(sl);
    md.append("### 2. Applicant submission end to end (ours: draft + submit, two requests, proposal rows + process start + auth)\n\n")
        .append("| offered /s | achieved | p50 / p99 ms | errors |\n|---|---|---|---|\n");
    for (Load l : sl) {
      md.append(String.format(Locale.ROOT, "| %d | %.1f | %.0f / %.0f | %d |%n", l.offered(), l.achieved(), l.p50(), l.p99(), l.errors()));
    }
    double subRatio = subPeak == null || peerPeak == null ? Double.NaN : subPeak.achieved() / peerPeak.achieved();
    md.append(String.format(Locale.ROOT, "%nHighest sustained: %s submissions/s = **%.2f×** the peer's bare start (target ≥ 1.0×: %s).%n%n",
        subPeak == null ? "none" : String.format(Locale.ROOT, "%.1f", subPeak.achieved()), subRatio, verdict(subRatio >= 1.0)));

    md.append("### 3. Task queries with ").append(openTasks).append(" open tasks (as `office`, authorizations on; 100 sequential requests)\n\n")
        .append("| query | p50 ms | p95 ms | target p95 < 150 ms |\n|---|---|---|---|\n");
    for (String[] q : new String[][] {{"taskList", "`GET /engine-rest/task?candidateGroup=programme-office&sortBy=created&sortOrder=desc&maxResults=15`"},
        {"taskCount", "`GET /engine-rest/task/count?candidateGroup=programme-office`"},
        {"filterList", "Tasklist's filter query `POST /engine-rest/filter/{id}/list?maxResults=15` as Tasklist sends it (HAL, with the count; the office's first filter)"},
        {"filterCount", "`POST /engine-rest/filter/{id}/count`"}}) {
      if (o.get(q[0]) instanceof double[] v) {
        md.append(v[1] < 0 ? "| " + q[1] + " | no answer within 30 s | – | " + verdict(false) + " |\n"
            : String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", q[1], v[0], v[1], verdict(v[1] < 150)));
      }
    }
    Startup ps = (Startup) p.get("startup");
    Startup os = (Startup) o.get("startup");
    Duration ourStart = median(os.times());
    long ourRss = median(os.rssKb());
    md.append("\n### 4. Start-up and memory\n\n| | peer | ours | target (ours) |\n|---|---|---|---|\n")
        .append("| warm start to ready, 3 runs (ours: `/health/ready`; peer: first authenticated 200) | ")
        .append(ps.times().stream().map(Benchmark::ms).toList()).append(" | ").append(os.times().stream().map(Benchmark::ms).toList())
        .append(" median ").append(ms(ourStart)).append(" | ≤ 7 s: ").append(verdict(ourStart.toMillis() <= 7000)).append(" |\n")
        .append("| idle RSS 20 s after ready (MiB) | ").append(ps.rssKb().stream().map(k -> k / 1024).toList()).append(" | ")
        .append(os.rssKb().stream().map(k -> k / 1024).toList()).append(" median ").append(ourRss / 1024).append(" | ≤ 450 MiB: ")
        .append(verdict(ourRss / 1024 <= 450)).append(" |\n");
    Soak soakResult = (Soak) o.get("soak");
    List<long[]> samples = soakResult.samples();
    long first = samples.get(Math.min(2, samples.size() - 1))[1];
    long last = samples.get(samples.size() - 1)[1];
    long max = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
    md.append(String.format(Locale.ROOT, "| soak: %d starts/s (half the peak) for %d min | – | %.1f/s ok, %d errors, p99 %.0f ms; RSS at 1 min %d MiB, at the end %d MiB, max %d MiB | no growth: %s |%n",
        soakResult.rate(), soakResult.length().toMinutes(), soakResult.load().achieved(), soakResult.load().errors(), soakResult.load().p99(),
        first / 1024, last / 1024, max / 1024,
        // the server has to carry the load too: a soak that failed requests says nothing about steady memory
        soakResult.load().errors() > 0 ? "**missed** (requests failed)" : verdict(last <= first * 1.05)));
    md.append("\nRSS samples during the soak (s: MiB): ").append(samples.stream().map(s -> s[0] + ": " + s[1] / 1024).toList()).append("\n");

    @SuppressWarnings("unchecked")
    List<Double> pt = (List<Double>) p.get("timers");
    @SuppressWarnings("unchecked")
    List<Double> ot = (List<Double>) o.get("timers");
    md.append("\n### 5. Timer lateness (").append(timers).append(" timers due at the same second; fire time = end of the timer's activity in history)\n\n")
        .append("| | fired | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| peer | %d | %.0f | %.0f | %.0f |%n", pt.size(), pct(pt, 50), pct(pt, 95), pct(pt, 100)))
        .append(String.format(Locale.ROOT, "| ours | %d | %.0f | %.0f | %.0f |%n", ot.size(), pct(ot, 50), pct(ot, 95), pct(ot, 100)));
    md.append("\n<details><summary>Run log</summary>\n\n```\n").append(log).append("```\n</details>\n\n").append(END);

    Path doc = root.resolve("docs/benchmarks.md");
    String text = Files.readString(doc);
    int from = text.indexOf(BEGIN);
    int to = text.indexOf(END);
    String updated = from >= 0 && to > from ? text.substring(0, from) + md + text.substring(to + END.length()) : text + "\n" + md + "\n";
    Files.writeString(doc, updated);
  }

  static String cell(Load l) {
    if (l == null) {
      return "– | – | –";
    }
    return String.format(Locale.ROOT, "%.1f | %.0f / %.0f | %d", l.achieved(), l.p50(), l.p99(), l.errors());
  }
}
