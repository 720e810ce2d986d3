package org.aipo.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Our domain tables ({@code AIPO_*}) are versioned by Flyway: one SQL migration per change in
 * {@code db/migration/h2} and {@code db/migration/postgresql}, recorded in {@code AIPO_SCHEMA_HISTORY}. Camunda
 * keeps managing its own {@code ACT_*} tables. Runs before the engine starts; on a cluster every node runs it and
 * Flyway's lock lets one node migrate while the others wait and then find nothing to do.
 *
 * <p>A database created by a release before Flyway (its tables made by EclipseLink) has the tables but no history:
 * it is baselined at version 1, which is exactly that schema, and later migrations run on it.
 */
public final class DomainSchema {

  private static final Logger LOG = Logger.getLogger(DomainSchema.class.getName());

  /** The version whose migration is the schema EclipseLink created before Flyway owned the tables. */
  public static final String BASELINE = "1";
  /** A table every release has had, by which a database made before Flyway is recognised. */
  static final String KNOWN_TABLE = "AIPO_AUDIT_RECORD";
  static final String HISTORY_TABLE = "AIPO_SCHEMA_HISTORY";

  /**
   * Every migration, in order: the same file names under {@code db/migration/h2} and {@code db/migration/postgresql}.
   * Listed because an application server's class loader need not list a folder (Liberty's does not, so Flyway's
   * own scan finds nothing there); {@code DomainSchemaTest} fails the build when this list and the folders differ.
   */
  public static final List<String> MIGRATIONS = List.of("V1__baseline.sql", "V2__documents.sql", "V3__vouchers.sql", "V4__supplier_accounts.sql", "V5__voucher_files.sql",
      "V6__supplier_correction.sql", "V7__ai_services.sql", "V8__ai_service_filing.sql", "V9__supervision.sql", "V10__outbox.sql",
      "V11__audit_chain.sql",
      "V12__dashboard_targets.sql",
      "V13__review_groups.sql",
      "V14__proposal_particulars.sql",
      "V15__attachment_store.sql",
      "V16__service_reports_in_the_store.sql");

  private DomainSchema() {
  }

  /** The result of {@link #migrate}: whether an existing database was baselined, and the migrations applied. */
  public record Result(String vendor, boolean baselined, int applied, String version) {
  }

  /** Brings the domain tables to the newest version. */
  public static Result migrate(DataSource dataSource) {
    String vendor = vendor(dataSource);
    Flyway flyway = configure(dataSource, vendor);
    boolean baselined = false;
    if (!exists(dataSource, HISTORY_TABLE) && exists(dataSource, KNOWN_TABLE)) {
      try {
        flyway.baseline();
        baselined = true;
        LOG.info("Domain tables made before Flyway: baselined at version " + BASELINE);
      } catch (org.flywaydb.core.api.FlywayException e) {
        // another node baselined or migrated meanwhile: migrate below finds the history it wrote
        LOG.info(() -> "Baseline not needed: " + e.getMessage());
      }
    }
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? null : current.getVersion().getVersion();
    LOG.info("Domain schema (" + vendor + ") at version " + version + ", " + result.migrationsExecuted + " migration(s) applied now");
    return new Result(vendor, baselined, result.migrationsExecuted, version);
  }

  static Flyway configure(DataSource dataSource, String vendor) {
    ClassLoader loader = DomainSchema.class.getClassLoader();
    return Flyway.configure(loader).dataSource(dataSource)
        .locations("classpath:db/migration/" + vendor).resourceProvider(new Listed(loader, "db/migration/" + vendor))
        // unquoted names fold to lower case on PostgreSQL and to upper case on H2, like our other tables
        .table("postgresql".equals(vendor) ? HISTORY_TABLE.toLowerCase(Locale.ROOT) : HISTORY_TABLE)
        .baselineVersion(BASELINE).baselineDescription("tables made by EclipseLink before Flyway")
        // the engine's tables share the schema: Flyway must never think it owns or may clean them
        .cleanDisabled(true).validateMigrationNaming(true)
        .load();
  }

  /** The listed migrations of one database, read from the class path one by one. */
  record Listed(ClassLoader loader, String folder) implements ResourceProvider {

    @Override
    public LoadableResource getResource(String name) {
      String file = name.substring(name.lastIndexOf('/') + 1);
      return MIGRATIONS.contains(file) ? resource(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      List<LoadableResource> found = new ArrayList<>();
      for (String file : MIGRATIONS) {
        if (file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith)) {
          found.add(resource(file));
        }
      }
      return found;
    }

    private LoadableResource resource(String file) {
      String path = folder + "/" + file;
      if (loader.getResource(path) == null) {
        throw new IllegalStateException("The migration " + path + " is listed in DomainSchema.MIGRATIONS but not in the application");
      }
      return new LoadableResource() {
        @Override
        public Reader read() {
          return new InputStreamReader(loader.getResourceAsStream(path), StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
          return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
          return path;
        }

        @Override
        public String getFilename() {
          return file;
        }

        @Override
        public String getRelativePath() {
          return file;
        }
      };
    }
  }

  /** {@code h2} or {@code postgresql}: the folder of the migrations for this database. */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("h2")) {
        return "h2";
      }
      if (product.contains("postgres")) {
        return "postgresql";
      }
      throw new IllegalStateException("The domain tables have migrations for H2 and PostgreSQL only, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }

  static boolean exists(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
          if (tables.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database's tables", e);
    }
  }
}
