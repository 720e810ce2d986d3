package org.aipo.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 backup and restore scripts (src/ops/backup-h2.sh, restore-h2.sh) on an H2 file made here: refused while the
 * file is open (as by a running server), then backed up, restored to a new path and directory, and read back equal.
 */
class H2BackupScriptsTest {

  @TempDir
  Path work;

  private record Result(int exit, String output) {
  }

  private Result script(String name, Map<String, String> environment, String argument) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", Path.of("src", "ops", name).toAbsolutePath().toString(), argument).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("H2_JAR", Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    builder.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static Connection open(Path h2) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + h2, "sa", "");
  }

  @Test
  void anH2FileAndItsAttachmentsAreBackedUpWhileStoppedAndRestoredEqual() throws Exception {
    Path h2 = work.resolve("server/data/h2/programme-office");
    Path storage = work.resolve("server/attachments");
    Files.createDirectories(storage.resolve("ab"));
    Files.createDirectories(storage.resolve("tmp"));
    Files.write(storage.resolve("ab/ab12"), new byte[] {1, 2, 3});
    Files.writeString(storage.resolve("tmp/upload-in-flight"), "partial");
    // given relative to the working directory, as an operator types it (H2 itself takes absolute paths only)
    Path here = Path.of("").toAbsolutePath();
    Map<String, String> original = Map.of("AIPO_H2_PATH", here.relativize(h2).toString(), "AIPO_STORAGE_DIR", here.relativize(storage).toString());
    Path backup = work.resolve("backup");

    try (Connection running = open(h2); Statement sql = running.createStatement()) {
      sql.execute("create table aipo_proposal(id varchar(36) primary key, title varchar(200))");
      sql.execute("insert into aipo_proposal values ('p1', '申报一'), ('p2', 'second')");
      // the file is open, as while the server runs: the backup is refused and writes nothing
      Result refused = script("backup-h2.sh", original, backup.toString());
      assertThat(refused.exit()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("stop it first").containsIgnoringCase("already in use");
      assertThat(backup).doesNotExist();
    }

    Result done = script("backup-h2.sh", original, backup.toString());
    assertThat(done.exit()).as(done.output()).isZero();
    assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("tables=1", "database.mv.db", "attachments.tar");

    Path h2Restored = work.resolve("restored/data/programme-office");
    Path storageRestored = work.resolve("restored/attachments");
    Map<String, String> restored = Map.of("AIPO_H2_PATH", h2Restored.toString(), "AIPO_STORAGE_DIR", storageRestored.toString());
    Result restore = script("restore-h2.sh", restored, backup.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(Files.readAllBytes(storageRestored.resolve("ab/ab12"))).containsExactly(1, 2, 3);
    assertThat(storageRestored.resolve("tmp/upload-in-flight")).as("uploads in flight are not backed up").doesNotExist();
    try (Connection db = open(h2Restored); Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select title from aipo_proposal order by id")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("申报一");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("second");
    }

    // never over an existing file; never from a backup whose files changed
    Result again = script("restore-h2.sh", restored, backup.toString());
    assertThat(again.exit()).isNotZero();
    assertThat(again.output()).contains("exists");
    Files.write(backup.resolve("attachments.tar"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    Result tampered = script("restore-h2.sh", Map.of("AIPO_H2_PATH", work.resolve("other/db").toString(),
        "AIPO_STORAGE_DIR", work.resolve("other/files").toString()), backup.toString());
    assertThat(tampered.exit()).isNotZero();
    assertThat(tampered.output()).contains("do not match");
  }
}
