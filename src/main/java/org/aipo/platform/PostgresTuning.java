package org.aipo.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * What PostgreSQL needs beside Camunda's own schema for the task queries of Tasklist to stay fast with
 * many open tasks (issue 10, docs/benchmarks.md). Camunda's authorization check joins the task table with
 * the authorization rows the user or their groups hold, filtered by a bit test on PERMS_ ({@code PERMS_ & 2
 * = 2}). PostgreSQL has no statistics for such an expression and guesses a few dozen rows where there is one
 * per open task, so it picks a nested loop over all of them: 33 s for one page of 15 tasks out of 18,550,
 * growing with the square of the open tasks. An index on the expression gives PostgreSQL its statistics
 * (and the plan becomes index probes: 0.56 s on the same data). Idempotent; applied at every start.
 */
final class PostgresTuning {

  private static final Logger LOG = Logger.getLogger(PostgresTuning.class.getName());

  static final List<String> STATEMENTS = List.of(
      "create index if not exists AIPO_IDX_AUTH_PERMS_READ on ACT_RU_AUTHORIZATION ((PERMS_ & 2))",
      "create index if not exists AIPO_IDX_AUTH_PERMS_READ_TASK on ACT_RU_AUTHORIZATION ((PERMS_ & 64))",
      "create statistics if not exists AIPO_STAT_AUTH_DEPENDENCIES (dependencies) on TYPE_, RESOURCE_TYPE_, GROUP_ID_"
          + " from ACT_RU_AUTHORIZATION");

  private PostgresTuning() {
  }

  /** Applies the statements when the database is PostgreSQL; a failure is logged, not fatal. */
  static void apply(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : STATEMENTS) {
          statement.execute(sql);
        }
      }
      LOG.info("PostgreSQL: authorization statistics indexes in place (" + STATEMENTS.size() + " statements)");
    } catch (SQLException e) {
      LOG.warning("PostgreSQL tuning not applied (the task queries may be slow with many open tasks): " + e.getMessage());
    }
  }
}
