package org.aipo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files in a directory (the embedded default; a directory every node mounts, e.g. NFS, serves a cluster): each
 * stored file under {@code <dir>/<first two characters of its key>/<key>}, moved there atomically from the spool
 * folder {@code <dir>/tmp} (same file system), so that a reader never sees half a file. Put in a transaction that
 * rolls back: the file is deleted; deleted: only once the transaction commits.
 */
public final class FileAttachmentStore implements AttachmentStore {

  private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

  private final Path root;
  private final AfterTransaction after;

  public FileAttachmentStore(Path root, AfterTransaction after) {
    this.root = root.toAbsolutePath().normalize();
    this.after = after;
  }

  @Override
  public String kind() {
    return "files";
  }

  /** Where uploads are received before they are stored (on the same file system, for an atomic move). */
  public Path spoolDirectory() {
    return root.resolve("tmp");
  }

  @Override
  public String put(Spool spool) {
    String key = UUID.randomUUID().toString();
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.move(spool.file(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException otherFileSystem) {
        Path part = target.resolveSibling(key + ".part");
        Files.copy(spool.file(), part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the file in " + root, e);
    }
    after.afterRollback(() -> Spool.deleteQuietly(target));
    return key;
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(path(key));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("the stored file " + key + " is missing from " + root, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored file itself (for a reader that needs random access, such as PDFBox). */
  public Path file(String key) {
    return path(key);
  }

  @Override
  public void delete(String key) {
    Path file = path(key);
    after.afterCommit(() -> Spool.deleteQuietly(file));
  }

  private Path path(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return root.resolve(key.substring(0, 2)).resolve(key);
  }
}
