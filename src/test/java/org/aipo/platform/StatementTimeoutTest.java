package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's statement timeout (what {@code aipo.db.statementTimeout} sets, WorkflowEngine) on a real database: a
 * statement that runs past it is stopped by the database, and the failure that reaches the REST layer is told
 * apart as a timeout (answered 503), not as an unreachable database or a fault of the request.
 */
class StatementTimeoutTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engineWithAOneSecondStatementTimeout() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:statement-timeout;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("statement-timeout");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setJdbcStatementTimeout(1);
    configuration.setProcessEnginePlugins(List.of());
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aStatementThatRunsPastTheTimeoutIsStoppedAndToldApartAsATimeout() {
    long start = System.nanoTime();
    // ten billion pairs: minutes of work for H2 without the timeout
    Throwable failure = catchThrowable(() -> engine.getTaskService().createNativeTaskQuery()
        .sql("select count(*) from SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B where A.X + B.X < 0").count());
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(failure).as("the statement was stopped").isNotNull();
    assertThat(seconds).as("stopped near the timeout of 1 s, not run to its end").isLessThan(30);
    assertThat(StatementTimedOut.in(failure)).as("recognised as a timeout: " + failure).isTrue();
    assertThat(DatabaseUnavailable.in(failure)).as("not an unreachable database").isFalse();
  }

  @Test
  void aStatementWithinTheTimeoutAnswers() {
    // ten thousand pairs: milliseconds, well within the second even on a loaded machine (a million took over it once)
    long tasks = engine.getTaskService().createNativeTaskQuery()
        .sql("select count(*) from SYSTEM_RANGE(1, 100) A, SYSTEM_RANGE(1, 100) B where A.X + B.X < 0").count();
    assertThat(tasks).isZero();
  }
}
