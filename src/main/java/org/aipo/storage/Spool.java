package org.aipo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * An upload received into a temporary file while its size and SHA-256 are computed, never whole in memory: at most
 * {@code maxBytes} are read, and one byte more refuses the upload with nothing kept. Closing deletes the file unless
 * a store took it ({@link AttachmentStore#put}).
 */
public final class Spool implements AutoCloseable {

  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private final long size;
  private final String sha256;
  private final byte[] head;

  private Spool(Path file, long size, String sha256, byte[] head) {
    this.file = file;
    this.size = size;
    this.sha256 = sha256;
    this.head = head;
  }

  /**
   * Reads {@code in} to its end into a new file in {@code directory}. More than {@code maxBytes}: the file is deleted
   * and {@code tooLarge} thrown (the rest of the body is not read).
   */
  public static Spool receive(InputStream in, long maxBytes, Path directory, Supplier<? extends RuntimeException> tooLarge) {
    Path file;
    try {
      Files.createDirectories(directory);
      file = Files.createTempFile(directory, "upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file in " + directory, e);
    }
    boolean kept = false;
    try {
      MessageDigest digest = sha256Digest();
      long size = 0;
      byte[] head = new byte[0];
      if (in != null) {
        try (InputStream digesting = new DigestInputStream(in, digest); OutputStream out = Files.newOutputStream(file)) {
          byte[] buffer = new byte[BUFFER];
          int read;
          while ((read = digesting.read(buffer)) != -1) {
            if (size == 0 && read > 0) {
              head = java.util.Arrays.copyOf(buffer, Math.min(read, 16));
            }
            size += read;
            if (size > maxBytes) {
              throw tooLarge.get();
            }
            out.write(buffer, 0, read);
          }
        }
      }
      kept = true;
      return new Spool(file, size, HexFormat.of().formatHex(digest.digest()), head);
    } catch (IOException e) {
      throw new UncheckedIOException("the upload could not be received", e);
    } finally {
      if (!kept) {
        deleteQuietly(file);
      }
    }
  }

  /** Spools a stream with no limit (a copy to read again, e.g. a stored file read from the database). */
  public static Spool copy(InputStream in, Path directory) {
    return receive(in, Long.MAX_VALUE, directory, () -> new IllegalStateException("unreachable"));
  }

  public Path file() {
    return file;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  /** The first bytes (at most 16), e.g. for a file type's magic number. */
  public byte[] head() {
    return head.clone();
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file; the store's temporary folder is emptied at start
    }
  }

  @Override
  public void close() {
    deleteQuietly(file);
  }
}
