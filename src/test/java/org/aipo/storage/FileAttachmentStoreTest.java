package org.aipo.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store: written atomically from the spool folder, read back equal, removed on rollback, deleted on commit. */
class FileAttachmentStoreTest {

  @TempDir
  Path dir;

  /** Records the work registered for the transaction's end, to run it as a commit or a rollback would. */
  static final class Recorded implements AfterTransaction {
    final List<Runnable> onCommit = new ArrayList<>();
    final List<Runnable> onRollback = new ArrayList<>();

    @Override
    public void afterCommit(Runnable work) {
      onCommit.add(work);
    }

    @Override
    public void afterRollback(Runnable work) {
      onRollback.add(work);
    }
  }

  Spool spool(FileAttachmentStore store, byte[] content) {
    return Spool.receive(new ByteArrayInputStream(content), Long.MAX_VALUE, store.spoolDirectory(), SpoolTest::tooLarge);
  }

  @Test
  void storesAndReadsBackTheSameBytes() throws Exception {
    FileAttachmentStore store = new FileAttachmentStore(dir, AfterTransaction.NONE);
    byte[] content = SpoolTest.bytes(5 * 1024 * 1024, 3);
    String key;
    try (Spool spool = spool(store, content)) {
      key = store.put(spool);
      assertThat(Files.exists(spool.file())).as("moved, not copied").isFalse();
    }
    try (InputStream in = store.open(key)) {
      assertThat(SpoolTest.sha256(in.readAllBytes())).isEqualTo(SpoolTest.sha256(content));
    }
    assertThat(store.file(key)).startsWith(dir.toAbsolutePath()).hasParent(dir.toAbsolutePath().resolve(key.substring(0, 2)));
    try (var left = Files.list(store.spoolDirectory())) {
      assertThat(left).as("nothing left in the spool folder").isEmpty();
    }
  }

  @Test
  void aRolledBackPutLeavesNothing() {
    Recorded transaction = new Recorded();
    FileAttachmentStore store = new FileAttachmentStore(dir, transaction);
    String key;
    try (Spool spool = spool(store, SpoolTest.bytes(1000, 4))) {
      key = store.put(spool);
    }
    assertThat(store.file(key)).exists();
    transaction.onRollback.forEach(Runnable::run);
    assertThat(store.file(key)).doesNotExist();
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalStateException.class).hasMessageContaining(key);
  }

  @Test
  void aDeletionWaitsForTheCommit() {
    Recorded transaction = new Recorded();
    FileAttachmentStore store = new FileAttachmentStore(dir, transaction);
    String key;
    try (Spool spool = spool(store, SpoolTest.bytes(1000, 5))) {
      key = store.put(spool);
    }
    store.delete(key);
    assertThat(store.file(key)).as("still there until the transaction commits").exists();
    transaction.onCommit.forEach(Runnable::run);
    assertThat(store.file(key)).doesNotExist();
  }

  @Test
  void aKeyIsNeverAPath() {
    FileAttachmentStore store = new FileAttachmentStore(dir, AfterTransaction.NONE);
    assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }
}
