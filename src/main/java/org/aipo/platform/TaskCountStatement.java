package org.aipo.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Camunda's task count, phrased so that PostgreSQL can hash-join the user's grants instead of probing them
 * task by task (issue 10, docs/benchmarks.md): the statement is {@code org/aipo/platform/TaskCount.xml}, added
 * to Camunda's MyBatis mappings and put in place of Camunda's {@code selectTaskCountByQueryCriteria} on
 * PostgreSQL and H2. The criteria and the authorization conditions stay Camunda's own.
 */
public final class TaskCountStatement {

  private static final Logger LOG = Logger.getLogger(TaskCountStatement.class.getName());

  static final String CAMUNDA_STATEMENT = "selectTaskCountByQueryCriteria";
  static final String OUR_STATEMENT = "aipoSelectTaskCountByQueryCriteria";
  static final String MAPPER = "org/aipo/platform/TaskCount.xml";
  static final Set<String> DATABASES = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

  /** What the statement gives Camunda's criteria fragment, so that it adds no authorization join of its own. */
  public static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

  private TaskCountStatement() {
  }

  /** Camunda's MyBatis configuration with our mapper added after Camunda's own. */
  static InputStream withOurMapper(InputStream camundaMappings) {
    try (InputStream in = camundaMappings) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = xml.lastIndexOf("</mappers>");
      if (end < 0) {
        throw new IllegalStateException("Camunda's MyBatis configuration has no </mappers>");
      }
      String added = xml.substring(0, end) + "    <mapper resource=\"" + MAPPER + "\" />\n  " + xml.substring(end);
      return new ByteArrayInputStream(added.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our count in place of Camunda's, on the databases it was written and tested for. */
  static void mapStatement(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    if (!DATABASES.contains(sessions.getDatabaseType())) {
      return;
    }
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    mappings.put(CAMUNDA_STATEMENT, OUR_STATEMENT);
    sessions.setStatementMappings(mappings);
    LOG.fine(() -> "Task counts use " + MAPPER + " on " + sessions.getDatabaseType());
  }

  /** Maps the statement once the engine's persistence is set up. */
  public static final class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      mapStatement(configuration);
    }
  }
}
