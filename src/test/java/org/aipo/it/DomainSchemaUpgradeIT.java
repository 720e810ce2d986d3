package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.aipo.platform.DomainSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domain tables' upgrade from the last release before Flyway: a database made from that release's tables
 * (kept as {@code db/previous-release/*.sql}, dumped from a database EclipseLink had created) with data in it is
 * brought under Flyway by {@link DomainSchema#migrate}, the same call the server makes at start. Runs in both
 * failsafe passes: on in-memory H2, and on the test PostgreSQL (in schemas of its own) when {@code it.pg.port} is set.
 */
class DomainSchemaUpgradeIT {

  static final Instant SUBMITTED = Instant.parse("2026-11-20T08:30:00Z");

  Database previous;
  Database fresh;

  @BeforeEach
  void databases() throws SQLException {
    previous = Database.empty("aipo_upgrade_previous");
    fresh = Database.empty("aipo_upgrade_fresh");
  }

  @Test
  void aDatabaseOfThePreviousReleaseIsBaselinedAndKeepsItsData() throws Exception {
    previous.run(previous.fixture());
    insertData(previous);

    DomainSchema.Result result = DomainSchema.migrate(previous.dataSource());

    assertThat(result.baselined()).as("the existing tables are taken as version 1, not created again").isTrue();
    assertThat(result.version()).isEqualTo(latestVersion());
    assertThat(previous.strings("select name from aipo_organisation")).containsExactly("示例智造有限公司");
    assertThat(previous.strings("select title from aipo_call")).containsExactly("2026 智能制造标杆项目");
    assertThat(previous.strings("select action from aipo_audit_record")).containsExactly("proposal.submitted");
    try (Connection connection = previous.dataSource().getConnection();
        ResultSet row = connection.createStatement().executeQuery("select occurred_at from aipo_audit_record")) {
      assertThat(row.next()).isTrue();
      assertThat(deserialize(row.getBytes(1))).as("an instant as EclipseLink stored it is still read back").isEqualTo(SUBMITTED);
    }
    assertThat(previous.strings("select " + previous.quoted("type") + " from " + previous.history() + " where "
        + previous.quoted("version") + " = '" + DomainSchema.BASELINE + "'")).as("version 1 is recorded as a baseline, not as run")
        .containsExactly("BASELINE");
  }

  @Test
  void aFreshDatabaseGetsExactlyTheTablesThePreviousReleaseHad() throws Exception {
    previous.run(previous.fixture());

    DomainSchema.Result result = DomainSchema.migrate(fresh.dataSource());

    assertThat(result.baselined()).isFalse();
    assertThat(result.applied()).isGreaterThanOrEqualTo(1);
    List<String> made = fresh.columns();
    assertThat(made).hasSizeGreaterThan(150);
    if (DomainSchema.BASELINE.equals(latestVersion())) {
      assertThat(made).as("V1 creates the tables, columns, types and nullability EclipseLink made")
          .containsExactlyElementsOf(previous.columns());
    }
    insertData(fresh);
    assertThat(fresh.strings("select name from aipo_organisation")).containsExactly("示例智造有限公司");
  }

  @Test
  void aSecondStartChangesNothing() throws Exception {
    DomainSchema.migrate(fresh.dataSource());
    List<String> before = fresh.columns();

    DomainSchema.Result again = DomainSchema.migrate(fresh.dataSource());

    assertThat(again.applied()).isZero();
    assertThat(again.baselined()).isFalse();
    assertThat(fresh.columns()).isEqualTo(before);
  }

  /** The newest migration's version in src/main/resources/db/migration (the same for both databases). */
  static String latestVersion() throws IOException {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/h2"))) {
      return Integer.toString(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
    }
  }

  static void insertData(Database db) throws Exception {
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement organisation = connection.prepareStatement("insert into aipo_organisation (id, name, credit_code, kind, "
          + "contact_name, contact_phone, contact_email, registered_at) values ('org-1', '示例智造有限公司', '91310000MA1K00000X', 'COMPANY', "
          + "'周经理', '021-5555 0001', 'applicant1@demo.example', ?)")) {
        organisation.setBytes(1, serialize(SUBMITTED));
        organisation.executeUpdate();
      }
      try (PreparedStatement call = connection.prepareStatement("insert into aipo_call (id, award_count, budget, closes_at, created_by, "
          + "max_award, opens_at, title) values ('call-1', 3, 3000000, ?, 'office', 1000000, ?, '2026 智能制造标杆项目')")) {
        call.setBytes(1, serialize(SUBMITTED.plusSeconds(86_400)));
        call.setBytes(2, serialize(SUBMITTED));
        call.executeUpdate();
      }
      try (PreparedStatement audit = connection.prepareStatement("insert into aipo_audit_record (id, action, actor, detail, occurred_at, "
          + "subject_id, subject_type) values ('a-1', 'proposal.submitted', 'applicant1', null, ?, 'p-1', 'proposal')")) {
        audit.setBytes(1, serialize(SUBMITTED));
        audit.executeUpdate();
      }
    }
  }

  static byte[] serialize(Instant instant) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(instant);
    }
    return bytes.toByteArray();
  }

  static Instant deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (Instant) in.readObject();
    }
  }

  /** An empty database: in-memory H2, or a schema of its own in the test PostgreSQL. */
  record Database(DataSource dataSource, boolean postgres, String name) {

    static Database empty(String name) throws SQLException {
      String pgPort = System.getProperty("it.pg.port", "");
      if (pgPort.isBlank()) {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return new Database(h2, false, name);
      }
      org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setServerNames(new String[] {"127.0.0.1"});
      pg.setPortNumbers(new int[] {Integer.parseInt(pgPort)});
      pg.setDatabaseName("aipo_it");
      pg.setUser("aipo");
      pg.setPassword("aipo");
      try (Connection connection = pg.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + name + " cascade");
        statement.execute("create schema " + name);
      }
      pg.setCurrentSchema(name);
      return new Database(pg, true, name);
    }

    String fixture() throws IOException {
      try (InputStream sql = getClass().getResourceAsStream("/db/previous-release/" + (postgres ? "postgresql" : "h2") + ".sql")) {
        return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    void run(String script) throws SQLException {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        for (String sql : script.split(";\\s*\\n")) {
          String body = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
          if (!body.isEmpty()) {
            statement.execute(body);
          }
        }
      }
    }

    String quoted(String column) {
      return "\"" + column + "\"";  // Flyway names its columns in lower case, quoted, on both databases
    }

    String history() {
      return postgres ? "aipo_schema_history" : "AIPO_SCHEMA_HISTORY";
    }

    List<String> strings(String query) throws SQLException {
      List<String> values = new ArrayList<>();
      try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement().executeQuery(query)) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }

    /** Every column of the AIPO tables: table, column, type, length or precision, nullability, in order. */
    List<String> columns() throws SQLException {
      String schema = postgres ? "'" + name + "'" : "'PUBLIC'";
      return strings("select lower(table_name) || '.' || lower(column_name) || ' ' || lower(data_type) || ' '"
          + " || coalesce(cast(character_maximum_length as varchar(20)), '') || ' '"
          + " || coalesce(cast(numeric_precision as varchar(20)), '') || ',' || coalesce(cast(numeric_scale as varchar(20)), '')"
          + " || ' ' || is_nullable from information_schema.columns where table_schema = " + schema
          + " and lower(table_name) like 'aipo\\_%' escape '\\' and lower(table_name) <> 'aipo_schema_history'"
          + " order by lower(table_name), lower(column_name)");
    }
  }
}
