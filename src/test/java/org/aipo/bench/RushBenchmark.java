package org.aipo.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * The deadline rush of issue 27 (ADR 0021), part of {@code mvn -Pbench verify}: {@code bench.rush.applicants} (300)
 * applicants, each registering, drafting, uploading two PDFs of {@code bench.rush.megabytes} (8) and submitting, their
 * starts spread evenly over {@code bench.rush.window} (PT5M), against one server with a 768 MB heap. Every answer is
 * recorded by status (2xx, or 413/429/503 — a 429 is retried after its Retry-After, at most 10 times; never 500), with
 * the p99 latency of uploads and submissions, the peak heap used (sampled with {@code jstat -gc} every 500 ms) and
 * afterwards that every acknowledged submission has its formal-check process and both files, each downloaded with the
 * SHA-256 that was sent.
 *
 * <p>The server: {@code bench.rush.url} (and {@code bench.rush.pid} for the heap) names one that is running; without it
 * the benchmark server of {@link Benchmark} is started on its PostgreSQL (fresh database) and stopped afterwards. The
 * table goes between the {@code rush-bench} markers in docs/benchmarks.md only when {@code bench.rush.write} is true
 * (the default for the full scale of 300 applicants, never for a small trial run).
 */
public final class RushBenchmark {

  static final String BEGIN = "<!-- rush-bench:begin -->";
  static final String END = "<!-- rush-bench:end -->";
  static final String PASSWORD = "Password2026r";
  static final byte[] MARK = "AIPO-RUSH-PAD-MARK-0000000000000".getBytes(StandardCharsets.US_ASCII);

  final int applicants = Integer.getInteger("bench.rush.applicants", 300);
  final int megabytes = Integer.getInteger("bench.rush.megabytes", 8);
  final Duration window = Duration.parse(System.getProperty("bench.rush.window", "PT5M"));
  final boolean verifyDownloads = Boolean.parseBoolean(System.getProperty("bench.rush.download", "true"));
  final boolean write = Boolean.parseBoolean(System.getProperty("bench.rush.write", Boolean.toString(applicants >= 300)));
  final Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
  final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  URI base;
  final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  final List<Long> uploadNanos = Collections.synchronizedList(new ArrayList<>());
  final List<Long> submitNanos = Collections.synchronizedList(new ArrayList<>());
  final AtomicLong peakHeapKb = new AtomicLong();
  byte[] template;
  int markAt;

  /** One applicant's outcome: its proposal, the checksums of its stored files, whether the submission was acknowledged. */
  record Outcome(String user, String proposal, Map<String, String> files, boolean submitted, String failure) {
  }

  public static void main(String[] args) throws Exception {
    new RushBenchmark().run();
  }

  void run() throws Exception {
    template = pdf(megabytes * 1024 * 1024 - 8 * 1024);
    markAt = indexOf(template, MARK);
    Benchmark bench = null;
    Benchmark.Ours ours = null;
    long pid;
    if (System.getProperty("bench.rush.url") != null) {
      base = URI.create(System.getProperty("bench.rush.url"));
      pid = Long.getLong("bench.rush.pid", -1L);
    } else {
      bench = new Benchmark();
      bench.freshDatabases();
      ours = bench.new Ours();
      ours.configure();
      ours.start();
      base = ours.uri("/");
      pid = ours.pid();
    }
    Process jstat = pid > 0 ? heapSampler(pid) : null;
    try {
      String call = openCall();
      say("rush: " + applicants + " applicants × 2 × " + megabytes + " MB within " + window + " against " + base + " (call " + call + ")");
      Instant began = Instant.now();
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(applicants, 200));
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < applicants; i++) {
        int index = i;
        Instant at = began.plus(window.multipliedBy(i).dividedBy(applicants));
        futures.add(pool.submit(() -> {
          long wait = Duration.between(Instant.now(), at).toMillis();
          if (wait > 0) {
            Thread.sleep(wait);
          }
          return applicant(index, call);
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get(window.toMinutes() + 30, TimeUnit.MINUTES));
      }
      pool.shutdown();
      Duration took = Duration.between(began, Instant.now());
      Thread.sleep(1000);
      Verification verified = verify(outcomes);
      report(outcomes, verified, took);
    } finally {
      if (jstat != null) {
        jstat.destroy();
      }
      if (ours != null) {
        ours.halt();
      }
    }
  }

  // ---------------------------------------------------------------- one applicant

  Outcome applicant(int index, String call) {
    String user = "rush-" + run.toLowerCase(Locale.ROOT) + "-" + index;
    String proposal = null;
    Map<String, String> files = new TreeMap<>();
    try {
      String code = creditCode("91310000R" + String.format("%08d", Math.floorMod((run + index).hashCode(), 100_000_000)));
      HttpResponse<String> registered = send("register", json("POST", "/api/applicant/organisations", null,
          "{\"name\":\"冲刺单位 " + run + " " + index + "\",\"creditCode\":\"" + code + "\",\"kind\":\"COMPANY\","
              + "\"contact\":{\"name\":\"王经理\",\"phone\":\"021-5555 1234\",\"email\":\"" + user + "@rush.example\"},"
              + "\"user\":{\"userId\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"王明\"}}"));
      if (registered.statusCode() != 201) {
        return new Outcome(user, null, files, false, "register " + registered.statusCode() + " " + registered.body());
      }
      String auth = basic(user, PASSWORD);
      HttpResponse<String> drafted = send("draft", json("POST", "/api/applicant/proposals", auth, "{\"callId\":\"" + call
          + "\",\"title\":\"冲刺 " + index + "\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\",\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\","
          + "\"team\":\"m\",\"budget\":100000}"));
      if (drafted.statusCode() != 201) {
        return new Outcome(user, null, files, false, "draft " + drafted.statusCode() + " " + drafted.body());
      }
      proposal = object(drafted).getString("id");
      for (String kind : List.of("application", "budget")) {
        long variant = (long) index * 2 + (kind.equals("budget") ? 1 : 0);
        String expected = sha256(variant);
        HttpResponse<String> stored = null;
        for (int attempt = 0; attempt < 10; attempt++) {
          HttpRequest upload = HttpRequest.newBuilder(base.resolve("/api/applicant/proposals/" + proposal + "/attachments?kind=" + kind + "&name="
              + URLEncoder.encode(kind + "-" + index + ".pdf", StandardCharsets.UTF_8))).header("Authorization", auth)
              .header("Content-Type", "application/pdf").header("Accept", "application/json").timeout(Duration.ofMinutes(5))
              .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body(variant)), template.length)).build();
          long t0 = System.nanoTime();
          stored = send("upload", upload);
          uploadNanos.add(System.nanoTime() - t0);
          if (stored.statusCode() != 429 && stored.statusCode() != 503) {
            break;
          }
          Thread.sleep(1000L * stored.headers().firstValueAsLong("Retry-After").orElse(5));
        }
        if (stored.statusCode() != 201) {
          return new Outcome(user, proposal, files, false, "upload " + stored.statusCode());
        }
        String sha = object(stored).getString("sha256");
        if (!sha.equals(expected)) {
          return new Outcome(user, proposal, files, false, "upload: the server's SHA-256 differs from the one sent");
        }
        files.put(object(stored).getString("id"), expected);
      }
      long t0 = System.nanoTime();
      HttpResponse<String> submitted = send("submit", json("POST", "/api/applicant/proposals/" + proposal + "/submit", auth, null));
      submitNanos.add(System.nanoTime() - t0);
      return new Outcome(user, proposal, files, submitted.statusCode() == 200, submitted.statusCode() == 200 ? null : "submit " + submitted.statusCode());
    } catch (Exception e) {
      count("exception " + e.getClass().getSimpleName());
      return new Outcome(user, proposal, files, false, e.toString());
    }
  }

  /** The template PDF with this variant's number written over the mark inside its padding stream (still a valid PDF). */
  InputStream body(long variant) {
    byte[] stamp = String.format(Locale.ROOT, "AIPO-RUSH-PAD-MARK-%013d", variant).getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      int position;

      @Override
      public int read() {
        if (position >= template.length) {
          return -1;
        }
        int at = position++;
        return (at >= markAt && at < markAt + stamp.length ? stamp[at - markAt] : template[at]) & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= template.length) {
          return -1;
        }
        int n = Math.min(len, template.length - position);
        System.arraycopy(template, position, b, off, n);
        for (int i = 0; i < stamp.length; i++) {
          int at = markAt + i - position;
          if (at >= 0 && at < n) {
            b[off + at] = stamp[i];
          }
        }
        position += n;
        return n;
      }
    };
  }

  String sha256(long variant) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = body(variant)) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  // ---------------------------------------------------------------- afterwards

  record Verification(int acknowledged, int withProcess, int filesChecked, int filesEqual, List<String> problems) {
  }

  Verification verify(List<Outcome> outcomes) throws Exception {
    int acknowledged = 0;
    int withProcess = 0;
    int filesChecked = 0;
    int filesEqual = 0;
    List<String> problems = new ArrayList<>();
    String admin = basic("admin", "demo");
    for (Outcome outcome : outcomes) {
      if (!outcome.submitted()) {
        continue;
      }
      acknowledged++;
      HttpResponse<String> processes = http.send(HttpRequest.newBuilder(base.resolve("/engine-rest/history/process-instance?processInstanceBusinessKey="
          + outcome.proposal())).header("Authorization", admin).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (processes.statusCode() == 200 && !((JsonArray) parse(processes.body())).isEmpty()) {
        withProcess++;
      } else {
        problems.add(outcome.proposal() + ": no formal-check process");
      }
      String auth = basic(outcome.user(), PASSWORD);
      HttpResponse<String> listed = http.send(HttpRequest.newBuilder(base.resolve("/api/applicant/proposals/" + outcome.proposal() + "/attachments"))
          .header("Authorization", auth).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonArray stored = (JsonArray) parse(listed.body());
      if (stored.size() != outcome.files().size()) {
        problems.add(outcome.proposal() + ": " + stored.size() + " files stored, " + outcome.files().size() + " acknowledged");
      }
      for (Map.Entry<String, String> file : outcome.files().entrySet()) {
        filesChecked++;
        String sha;
        if (verifyDownloads) {
          HttpResponse<InputStream> read = http.send(HttpRequest.newBuilder(base.resolve("/api/documents/" + file.getKey())).header("Authorization", auth)
              .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
          MessageDigest digest = MessageDigest.getInstance("SHA-256");
          try (InputStream in = read.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
              digest.update(buffer, 0, n);
            }
          }
          sha = read.statusCode() == 200 ? HexFormat.of().formatHex(digest.digest()) : "status " + read.statusCode();
        } else {
          sha = stored.getValuesAs(JsonObject.class).stream().filter(o -> o.getString("id").equals(file.getKey())).map(o -> o.getString("sha256"))
              .findFirst().orElse("missing");
        }
        if (sha.equals(file.getValue())) {
          filesEqual++;
        } else {
          problems.add(outcome.proposal() + "/" + file.getKey() + ": read back " + sha);
        }
      }
    }
    return new Verification(acknowledged, withProcess, filesChecked, filesEqual, problems);
  }

  void report(List<Outcome> outcomes, Verification v, Duration took) throws IOException {
    List<Long> uploads = sorted(uploadNanos);
    List<Long> submits = sorted(submitNanos);
    long failures = outcomes.stream().filter(o -> o.failure() != null).count();
    outcomes.stream().filter(o -> o.failure() != null).limit(10).forEach(o -> say("  not submitted: " + o.user() + ": " + o.failure()));
    v.problems().stream().limit(10).forEach(p -> say("  problem: " + p));
    boolean no500 = answers.keySet().stream().noneMatch(k -> k.endsWith(" 500"));
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "| measured %s by `RushBenchmark` (%d applicants × 2 × %d MB within %s; %s; load average %.1f on %d CPUs) | |%n|---|---|%n",
        Instant.now().truncatedTo(ChronoUnit.MINUTES), applicants, megabytes, window, base,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
    table.append("| answers (request, status: count) | ").append(new TreeMap<>(answers).toString().replace("{", "").replace("}", "")).append(" |\n");
    table.append("| any 500 | ").append(no500 ? "none" : "**yes**").append(" |\n");
    table.append(String.format(Locale.ROOT, "| uploads: p50 / p99 | %.0f ms / %.0f ms (%d) |%n", ms(uploads, 0.50), ms(uploads, 0.99), uploads.size()));
    table.append(String.format(Locale.ROOT, "| submissions: p50 / p99 | %.0f ms / %.0f ms (%d) |%n", ms(submits, 0.50), ms(submits, 0.99), submits.size()));
    table.append("| peak heap used (jstat -gc, every 500 ms) | ").append(peakHeapKb.get() > 0 ? peakHeapKb.get() / 1024 + " MiB" : "not sampled").append(" |\n");
    table.append(String.format(Locale.ROOT, "| rush took | %.1f s |%n", took.toMillis() / 1000.0));
    table.append(String.format(Locale.ROOT, "| acknowledged submissions / not submitted | %d / %d |%n", v.acknowledged(), failures));
    table.append(String.format(Locale.ROOT, "| afterwards: with their process / files read back with equal SHA-256 | %d of %d / %d of %d%s |%n",
        v.withProcess(), v.acknowledged(), v.filesEqual(), v.filesChecked(), verifyDownloads ? " (downloaded)" : " (as listed)"));
    System.out.print(table);
    if (write) {
      Path doc = root.resolve("docs/benchmarks.md");
      String text = Files.readString(doc);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin < 0 || end < begin) {
        throw new IllegalStateException("docs/benchmarks.md has no " + BEGIN + " … " + END + " markers");
      }
      Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
    }
  }

  // ---------------------------------------------------------------- helpers

  String openCall() throws Exception {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneOffset.ofHours(8));
    HttpResponse<String> opened = send("call", json("POST", "/api/calls", basic("office", "demo"), "{\"title\":\"截止冲刺 " + run
        + "\",\"fields\":[\"robotics\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plus(window).plusHours(2)
        + "\",\"budget\":3000000,\"maxAward\":1000000,\"awardCount\":3,\"panelSize\":3,\"documentKinds\":["
        + "{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":10,\"maxCount\":1},"
        + "{\"kind\":\"budget\",\"required\":true,\"maxMegabytes\":10,\"maxCount\":1}]}"));
    if (opened.statusCode() != 201) {
      throw new IllegalStateException("the call: " + opened.statusCode() + " " + opened.body());
    }
    return object(opened).getString("id");
  }

  /** Samples the server's heap in use (survivors + eden + old, KB) every 500 ms; keeps the peak. */
  Process heapSampler(long pid) throws IOException {
    Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "500").redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
        String[] header = null;
        String line;
        while ((line = lines.readLine()) != null) {
          String[] cells = line.trim().split("\\s+");
          if (cells.length > 0 && cells[0].equals("S0C")) {
            header = cells;
            continue;
          }
          if (header == null || cells.length != header.length) {
            continue;
          }
          double used = 0;
          for (int i = 0; i < header.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
              used += Double.parseDouble(cells[i]);
            }
          }
          long kb = (long) used;
          peakHeapKb.accumulateAndGet(kb, Math::max);
        }
      } catch (IOException | NumberFormatException e) {
        // sampling ends with the process
      }
    }, "heap-sampler");
    reader.setDaemon(true);
    reader.start();
    return jstat;
  }

  HttpRequest json(String method, String path, String auth, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return request.build();
  }

  HttpResponse<String> send(String what, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    count(what + " " + response.statusCode());
    return response;
  }

  void count(String key) {
    answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static JsonValue parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  static JsonObject object(HttpResponse<String> response) {
    return (JsonObject) parse(response.body());
  }

  static List<Long> sorted(List<Long> values) {
    List<Long> copy;
    synchronized (values) {
      copy = new ArrayList<>(values);
    }
    Collections.sort(copy);
    return copy;
  }

  static double ms(List<Long> sortedNanos, double p) {
    return Benchmark.percentile(sortedNanos, p * 100);
  }

  static void say(String line) {
    System.out.println("[rush " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
  }

  /** A valid PDF of about {@code bytes}: one page and a stream of random bytes that starts with {@link #MARK}. */
  static byte[] pdf(int bytes) throws IOException {
    byte[] padding = new byte[bytes];
    new Random(27).nextBytes(padding);
    System.arraycopy(MARK, 0, padding, 0, MARK.length);
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 4096)) {
      document.addPage(new PDPage());
      PDStream stream = new PDStream(document, new java.io.ByteArrayInputStream(padding));
      document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AIPORushPadding"), stream.getCOSObject());
      document.save(out);
      return out.toByteArray();
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("the mark is not in the PDF (compressed?)");
  }

  /** The unified social credit code of these 17 characters with its check character (GB 32100-2015). */
  static String creditCode(String first17) {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += charset.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return first17 + charset.charAt((31 - sum % 31) % 31);
  }
}
