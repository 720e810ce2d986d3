package org.aipo.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload received by streaming: size and SHA-256 computed on the way, the limit enforced, nothing left behind. */
class SpoolTest {

  @TempDir
  Path dir;

  static byte[] bytes(int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    return content;
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  static DomainException tooLarge() {
    return DomainException.tooLarge("attachment.too-large", "file", "太大", "too large");
  }

  @Test
  void receivesTheWholeStreamWithItsSizeAndChecksum() throws Exception {
    byte[] content = bytes(3 * 1024 * 1024 + 17, 1);
    try (Spool spool = Spool.receive(new ByteArrayInputStream(content), content.length, dir, SpoolTest::tooLarge)) {
      assertThat(spool.size()).isEqualTo(content.length);
      assertThat(spool.sha256()).isEqualTo(sha256(content));
      assertThat(Files.readAllBytes(spool.file())).isEqualTo(content);
      assertThat(spool.head()).hasSize(16).startsWith(content[0], content[1]);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).as("closed: the spool file is gone").isEmpty();
    }
  }

  @Test
  void oneByteOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
    byte[] content = bytes(1000, 2);
    assertThatThrownBy(() -> Spool.receive(new ByteArrayInputStream(content), 999, dir, SpoolTest::tooLarge))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind().status()).isEqualTo(413));
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void stopsReadingAnEndlessBodyAtTheLimit() {
    InputStream endless = new InputStream() {
      long read;

      @Override
      public int read() {
        read++;
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        read += len;
        if (read > 64L * 1024 * 1024) {
          throw new AssertionError("read far beyond the limit");
        }
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    assertThatThrownBy(() -> Spool.receive(endless, 1024 * 1024, dir, SpoolTest::tooLarge)).isInstanceOf(DomainException.class);
  }

  @Test
  void anEmptyBodyIsAnEmptyFile() throws IOException {
    try (Spool spool = Spool.receive(null, 10, dir, SpoolTest::tooLarge)) {
      assertThat(spool.size()).isZero();
      assertThat(spool.head()).isEmpty();
    }
  }
}
