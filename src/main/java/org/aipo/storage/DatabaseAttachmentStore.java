package org.aipo.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Files in the database (the cluster default on PostgreSQL, ADR 0021): one row of {@code AIPO_STORED_FILE} per file,
 * its bytes a PostgreSQL large object (column type {@code oid}; on H2 a {@code BLOB}) written and read as a stream
 * through JDBC's {@code setBlob(InputStream)} and {@code getBlob().getBinaryStream()}. Stored and deleted in the
 * caller's transaction, so that a rolled-back upload leaves nothing and a backup of the database holds every file.
 * A deletion unlinks the large object ({@code lo_unlink}) with the row: nothing is orphaned.
 */
public final class DatabaseAttachmentStore implements AttachmentStore {

  private final DataSource dataSource;
  private final boolean postgresql;
  private final Path spoolDirectory;

  public DatabaseAttachmentStore(DataSource dataSource, String vendor, Path spoolDirectory) {
    this.dataSource = dataSource;
    this.postgresql = "postgresql".equals(vendor);
    this.spoolDirectory = spoolDirectory;
  }

  @Override
  public String kind() {
    return "database";
  }

  public Path spoolDirectory() {
    return spoolDirectory;
  }

  @Override
  public String put(Spool spool) {
    String key = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO AIPO_STORED_FILE(ID, SIZE_BYTES, SHA256, CREATED_AT, CONTENT) VALUES (?, ?, ?, ?, ?)");
        InputStream in = Files.newInputStream(spool.file())) {
      enlist(connection);
      insert.setString(1, key);
      insert.setLong(2, spool.size());
      insert.setString(3, spool.sha256());
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.setBlob(5, in, spool.size());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the file in the database", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return key;
  }

  @Override
  public InputStream open(String key) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      PreparedStatement select = connection.prepareStatement("SELECT CONTENT FROM AIPO_STORED_FILE WHERE ID = ?");
      select.setString(1, key);
      ResultSet row = select.executeQuery();
      if (!row.next()) {
        throw new IllegalStateException("the stored file " + key + " is missing from AIPO_STORED_FILE");
      }
      Blob blob = row.getBlob(1);
      Connection held = connection;
      return new FilterInputStream(blob.getBinaryStream()) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
            blob.free();
            row.close();
            select.close();
            held.close();
          } catch (SQLException e) {
            throw new IOException(e);
          }
        }
      };
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("cannot read the stored file " + key, e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    try (Connection connection = dataSource.getConnection()) {
      if (postgresql) {
        try (PreparedStatement unlink = connection.prepareStatement("SELECT lo_unlink(CONTENT) FROM AIPO_STORED_FILE WHERE ID = ?")) {
          unlink.setString(1, key);
          unlink.executeQuery().close();
        }
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM AIPO_STORED_FILE WHERE ID = ?")) {
        delete.setString(1, key);
        delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete the stored file " + key, e);
    }
  }

  /**
   * Makes the connection join the JTA transaction now. Liberty enlists a pooled XA connection when it first runs a
   * statement; PostgreSQL's setBlob creates the large object before that, and refuses in auto-commit mode (found by the
   * suite's PostgreSQL pass).
   */
  private static void enlist(Connection connection) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the transaction ends it
      }
    }
  }
}
