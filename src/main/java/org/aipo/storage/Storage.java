package org.aipo.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's {@link AttachmentStore}, chosen by {@code aipo.storage.kind} (ADR 0021): {@code auto} (the default) —
 * large objects in the database on PostgreSQL, files in {@code aipo.storage.dir} on H2; {@code files}; or
 * {@code database}. Also where uploads are spooled ({@code <aipo.storage.dir>/tmp}).
 */
@ApplicationScoped
public class Storage {

  private static final Logger LOG = Logger.getLogger(Storage.class.getName());

  @Resource(lookup = "jdbc/programmeOffice")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "aipo.storage.kind", defaultValue = "auto")
  String kind;

  @Inject
  @ConfigProperty(name = "aipo.storage.dir", defaultValue = " ")
  String directory;

  private volatile AttachmentStore store;

  /** The configured store (made on first use). */
  public AttachmentStore store() {
    AttachmentStore chosen = store;
    if (chosen == null) {
      synchronized (this) {
        if (store == null) {
          store = choose();
          LOG.info(() -> "Attachments are stored in " + (store instanceof FileAttachmentStore ? "files under " + root() : "the database (AIPO_STORED_FILE)"));
        }
        chosen = store;
      }
    }
    return chosen;
  }

  /** Receives an upload into a spool file (at most {@code maxBytes}, else {@code tooLarge}; nothing kept). */
  public Spool receive(InputStream in, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
    return Spool.receive(in, maxBytes, spoolDirectory(), tooLarge);
  }

  /** Stores a stream (at most {@code maxBytes}) in the current transaction: the key, size and SHA-256. */
  public StoredFile write(InputStream in, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
    try (Spool spool = receive(in, maxBytes, tooLarge)) {
      return new StoredFile(store().put(spool), spool.size(), spool.sha256());
    }
  }

  /**
   * A file holding the stored bytes, for a reader that needs random access (PDFBox) or outlives the transaction
   * (a download streamed after the request's transaction): the stored file itself for the file store (never
   * deleted by the caller: {@code owned} false), else a copy in the spool folder that the caller deletes.
   */
  public Readable readable(String key) {
    AttachmentStore current = store();
    if (current instanceof FileAttachmentStore files) {
      return new Readable(files.file(key), false);
    }
    try (InputStream in = current.open(key)) {
      Spool copy = Spool.copy(in, spoolDirectory());
      return new Readable(copy.file(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #readable(String)} for a record that may predate the store (V15/V16): with no key, a temporary copy of the
   * bytes its row still holds.
   */
  public Readable readable(String key, Supplier<byte[]> legacyContent) {
    if (key != null) {
      return readable(key);
    }
    byte[] content = legacyContent.get();
    if (content == null) {
      throw new IllegalStateException("a stored file has neither a storage key nor content");
    }
    Spool copy = Spool.copy(new java.io.ByteArrayInputStream(content), spoolDirectory());
    return new Readable(copy.file(), true);
  }

  /** A file to read; {@link #close()} deletes it when it is a temporary copy. */
  public record Readable(Path file, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        Spool.deleteQuietly(file);
      }
    }
  }

  public Path spoolDirectory() {
    return root().resolve("tmp");
  }

  Path root() {
    if (directory != null && !directory.isBlank()) {
      return Path.of(directory.trim());
    }
    String output = System.getProperty("server.output.dir");
    return output != null ? Path.of(output, "attachments") : Path.of(System.getProperty("java.io.tmpdir"), "aipo-attachments");
  }

  private AttachmentStore choose() {
    String wanted = kind == null ? "auto" : kind.trim().toLowerCase(Locale.ROOT);
    String vendor = vendor();
    boolean database = switch (wanted) {
      case "database" -> true;
      case "files" -> false;
      // large objects on PostgreSQL (one database for a cluster, one backup), files next to the embedded H2
      case "auto" -> "postgresql".equals(vendor);
      default -> throw new IllegalArgumentException("aipo.storage.kind must be auto, files or database, not " + kind);
    };
    try {
      Files.createDirectories(spoolDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + spoolDirectory() + " (aipo.storage.dir)", e);
    }
    return database ? new DatabaseAttachmentStore(dataSource, vendor, spoolDirectory()) : new FileAttachmentStore(root(), after());
  }

  private String vendor() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  private AfterTransaction after() {
    return new AfterTransaction() {
      @Override
      public void afterCommit(Runnable work) {
        on(work, true);
      }

      @Override
      public void afterRollback(Runnable work) {
        on(work, false);
      }

      private void on(Runnable work, boolean committed) {
        if (transactions == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
          if (committed) {
            work.run();
          }
          return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing before
          }

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == committed) {
              work.run();
            }
          }
        });
      }
    };
  }
}
