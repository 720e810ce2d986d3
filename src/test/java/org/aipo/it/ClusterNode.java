package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Liberty server of a test cluster: a server folder of the test runtime (target/liberty/wlp) with the
 * configuration of the PostgreSQL test server, its own ports and node name, and the application WAR in
 * dropins. Started and stopped with Liberty's own {@code server} command; {@link #kill()} is a
 * {@code kill -9} of its JVM.
 */
final class ClusterNode {

  static final Path WLP = Path.of("target", "liberty", "wlp").toAbsolutePath();
  private static final Path TEMPLATE = WLP.resolve("usr/servers/" + System.getProperty("it.pg.server.name", "programmeOfficePG"));

  final String name;
  final int httpPort;
  final int httpsPort;
  final WebClient client;
  final Officials officials;
  private final Path dir;

  ClusterNode(String name, int httpPort, int httpsPort, Properties database) throws IOException {
    this.name = name;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.dir = WLP.resolve("usr/servers/programmeOffice-" + name);
    this.client = new WebClient(URI.create("http://localhost:" + httpPort + "/"));
    this.officials = new Officials(client);
    prepare(httpsPort, database);
  }

  private void prepare(int httpsPort, Properties database) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    for (String part : List.of("server.xml", "jvm.options", "db", "metrics", "calendar", "jdbc")) {
      copy(TEMPLATE.resolve(part), dir.resolve(part));
    }
    Properties bootstrap = new Properties();
    bootstrap.putAll(database);
    bootstrap.setProperty("http.port", Integer.toString(httpPort));
    bootstrap.setProperty("https.port", Integer.toString(httpsPort));
    bootstrap.setProperty("http.host", "localhost");
    bootstrap.setProperty("aipo.node.name", name);
    bootstrap.setProperty("keystore_password", "aipo-test-keystore-" + name);
    bootstrap.setProperty("aipo.demo.anyDatabase", "true");
    // as production behind TLS: session cookies are sent over https only
    bootstrap.setProperty("session.cookie.secure", "true");
    // a node that dies leaves its jobs to the others after this time (5 minutes in production)
    bootstrap.setProperty("aipo.jobs.lockTime", "PT15S");
    // e-mail to the tests' SMTP server (GreenMail, started by the test that needs it), short polls and back-off
    bootstrap.setProperty("mail.host", "127.0.0.1");
    bootstrap.setProperty("mail.port", System.getProperty("it.smtp.port", "9025"));
    bootstrap.setProperty("aipo.mail.pollSeconds", "1");
    bootstrap.setProperty("aipo.mail.retrySeconds", "1");
    bootstrap.setProperty("aipo.mail.maxAttempts", "1000");
    bootstrap.setProperty("aipo.notify.scanSeconds", "2");
    try (var out = Files.newBufferedWriter(dir.resolve("bootstrap.properties"), StandardCharsets.UTF_8)) {
      bootstrap.store(out, "test cluster node " + name);
    }
    Files.createDirectories(dir.resolve("dropins"));
    Files.copy(Path.of(System.getProperty("it.war")), dir.resolve("dropins/programme-office.war"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path target = to.resolve(from.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } else {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private int server(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(WLP.resolve("bin/server").toString(), command, dir.getFileName().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(command + ".out").toFile()).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server " + command + " " + name + " did not return");
    }
    return process.exitValue();
  }

  /** Starts the server and waits until the engine and the database answer (/health/ready). */
  void start() throws Exception {
    assertThat(server("start")).as("server start " + name).isZero();
    await().alias(name + " ready (see " + dir.resolve("logs/messages.log") + ")").atMost(Duration.ofMinutes(3))
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
        .until(() -> client.get("/health/ready").statusCode() == 200);
  }

  void stop() throws Exception {
    server("stop");
  }

  /** kill -9 of the server's JVM: no shutdown hook, no clean stop of the job executor or the pool. */
  void kill() throws Exception {
    long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + dir.getFileName() + ".pid")).trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return name + " (:" + httpPort + ")";
  }
}
