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
 * its bytes a PostgreSQL large object (column type {@code oid}; on H2 a {@code BLOB}). On PostgreSQL the large object
 * is written and read in chunks of {@value #CHUNK} bytes with the server's SQL functions {@code lo_create},
 * {@code lo_put} and {@code lo_get} — plain statements in the caller's (XA) transaction, never the driver's
 * {@code LargeObjectManager}, which pgJDBC 42.7.13 and 42.7.14 refuse inside an XA branch ("Large Objects may not be
 * used in auto-commit mode", pgjdbc issue 4309); on H2 through JDBC's {@code setBlob(InputStream)} and
 * {@code getBlob().getBinaryStream()}. Stored and deleted in the caller's transaction, so that a rolled-back upload
 * leaves nothing and a backup of the database holds every file. A deletion unlinks the large object
 * ({@code lo_unlink}) with the row: nothing is orphaned.
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

  /** Bytes a statement carries to or from a large object: a 10 MB file is 40 statements, never whole in memory. */
  static final int CHUNK = 256 * 1024;

  @Override
  public String put(Spool spool) {
    String key = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection();
        InputStream in = Files.newInputStream(spool.file())) {
      long oid = postgresql ? writeLargeObject(connection, in) : 0;
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO AIPO_STORED_FILE(ID, SIZE_BYTES, SHA256, CREATED_AT, CONTENT) VALUES (?, ?, ?, ?, "
          + (postgresql ? "CAST(? AS oid))" : "?)"))) {
        insert.setString(1, key);
        insert.setLong(2, spool.size());
        insert.setString(3, spool.sha256());
        insert.setTimestamp(4, Timestamp.from(Instant.now()));
        if (postgresql) {
          insert.setLong(5, oid);
        } else {
          insert.setBlob(5, in, spool.size());
        }
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the file in the database", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return key;
  }

  /** A new large object holding the stream, written in {@link #CHUNK}s ({@code lo_put}); its oid. */
  private static long writeLargeObject(Connection connection, InputStream in) throws SQLException, IOException {
    long oid;
    try (PreparedStatement create = connection.prepareStatement("SELECT lo_create(0)"); ResultSet created = create.executeQuery()) {
      created.next();
      oid = created.getLong(1);
    }
    try (PreparedStatement put = connection.prepareStatement("SELECT lo_put(CAST(? AS oid), ?, ?)")) {
      byte[] chunk = new byte[CHUNK];
      long offset = 0;
      for (int n = in.readNBytes(chunk, 0, CHUNK); n > 0; n = in.readNBytes(chunk, 0, CHUNK)) {
        put.setLong(1, oid);
        put.setLong(2, offset);
        put.setBytes(3, n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
        put.executeQuery().close();
        offset += n;
      }
    }
    return oid;
  }

  @Override
  public InputStream open(String key) {
    return postgresql ? openLargeObject(key) : openBlob(key);
  }

  /** The large object read chunk by chunk ({@code lo_get}) on one connection, released when the stream is closed. */
  private InputStream openLargeObject(String key) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      long oid;
      long size;
      try (PreparedStatement select = connection.prepareStatement("SELECT CONTENT, SIZE_BYTES FROM AIPO_STORED_FILE WHERE ID = ?")) {
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new IllegalStateException("the stored file " + key + " is missing from AIPO_STORED_FILE");
          }
          oid = row.getLong(1);
          size = row.getLong(2);
        }
      }
      return new LargeObjectStream(connection, oid, size);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("cannot read the stored file " + key, e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** Reads a large object in {@link #CHUNK}s; closing it closes the connection. */
  private static final class LargeObjectStream extends InputStream {
    private final Connection connection;
    private final PreparedStatement get;
    private final long size;
    private byte[] chunk = new byte[0];
    private int at;
    private long offset;

    LargeObjectStream(Connection connection, long oid, long size) throws SQLException {
      this.connection = connection;
      this.size = size;
      this.get = connection.prepareStatement("SELECT lo_get(CAST(? AS oid), ?, ?)");
      this.get.setLong(1, oid);
    }

    private boolean fill() throws IOException {
      if (at < chunk.length) {
        return true;
      }
      if (offset >= size) {
        return false;
      }
      try {
        get.setLong(2, offset);
        get.setInt(3, (int) Math.min(CHUNK, size - offset));
        try (ResultSet part = get.executeQuery()) {
          part.next();
          chunk = part.getBytes(1);
        }
      } catch (SQLException e) {
        throw new IOException("cannot read the large object", e);
      }
      if (chunk == null || chunk.length == 0) {
        throw new IOException("the large object ends at " + offset + " of " + size + " bytes");
      }
      at = 0;
      offset += chunk.length;
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? chunk[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      try {
        get.close();
        connection.close();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  private InputStream openBlob(String key) {
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
