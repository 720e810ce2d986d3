package org.aipo.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.aipo.platform.DomainSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database store on H2 with the real migrations (BLOB here; on PostgreSQL the same JDBC calls make a large object,
 * which the PostgreSQL run of the ITs exercises): one connection in one transaction, as in a JTA transaction, whose
 * rollback leaves nothing stored.
 */
class DatabaseAttachmentStoreTest {

  @TempDir
  Path dir;

  Connection connection;
  DatabaseAttachmentStore store;

  @BeforeEach
  void database() throws Exception {
    String url = "jdbc:h2:mem:store" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    connection = DriverManager.getConnection(url, "sa", "");
    DataSource dataSource = dataSource(url);
    DomainSchema.migrate(dataSource);
    connection.setAutoCommit(false);
    store = new DatabaseAttachmentStore(shared(dataSource), "h2", dir);
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  /** A data source whose every connection is the test's one transaction (closing a handle keeps it open). */
  DataSource shared(DataSource real) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
            (p, m, a) -> m.getName().equals("close") ? null : m.invoke(connection, a));
      }
      return method.invoke(real, args);
    });
  }

  static DataSource dataSource(String url) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws java.sql.SQLException {
        return DriverManager.getConnection(url, "sa", "");
      }

      @Override
      public Connection getConnection(String user, String password) throws java.sql.SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {
      }

      @Override
      public void setLoginTimeout(int seconds) {
      }

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  String put(byte[] content) {
    try (Spool spool = Spool.receive(new ByteArrayInputStream(content), Long.MAX_VALUE, dir, SpoolTest::tooLarge)) {
      return store.put(spool);
    }
  }

  long rows() throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM AIPO_STORED_FILE")) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void storesAndStreamsBackTheSameBytesWithSizeAndChecksum() throws Exception {
    byte[] content = SpoolTest.bytes(6 * 1024 * 1024 + 5, 6);
    String key = put(content);
    try (InputStream in = store.open(key)) {
      assertThat(SpoolTest.sha256(in.readAllBytes())).isEqualTo(SpoolTest.sha256(content));
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT SIZE_BYTES, SHA256 FROM AIPO_STORED_FILE WHERE ID = '" + key + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getLong(1)).isEqualTo(content.length);
      assertThat(row.getString(2)).isEqualTo(SpoolTest.sha256(content));
    }
  }

  @Test
  void aRolledBackTransactionLeavesNothingStored() throws Exception {
    connection.commit();
    String key = put(SpoolTest.bytes(1000, 7));
    assertThat(rows()).isEqualTo(1);
    connection.rollback();
    assertThat(rows()).isZero();
    assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalStateException.class).hasMessageContaining(key);
  }

  @Test
  void deletesInTheTransaction() throws Exception {
    String key = put(SpoolTest.bytes(1000, 8));
    connection.commit();
    store.delete(key);
    connection.commit();
    assertThat(rows()).isZero();
  }

  @Test
  void readableGivesATemporaryCopyForTheDatabaseStore() throws Exception {
    byte[] content = SpoolTest.bytes(100_000, 9);
    String key = put(content);
    Storage storage = new Storage() {
      @Override
      public AttachmentStore store() {
        return DatabaseAttachmentStoreTest.this.store;
      }

      @Override
      public Path spoolDirectory() {
        return dir;
      }
    };
    Path copy;
    try (Storage.Readable readable = storage.readable(key)) {
      copy = readable.file();
      assertThat(readable.owned()).isTrue();
      assertThat(SpoolTest.sha256(java.nio.file.Files.readAllBytes(copy))).isEqualTo(SpoolTest.sha256(content));
    }
    assertThat(copy).as("deleted once read").doesNotExist();
  }
}
