package org.aipo.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.aipo.calendar.WorkingDayBusinessCalendar;
import org.aipo.calendar.WorkingDays;
import org.aipo.config.Settings;
import org.aipo.identity.IdentitySetup;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The embedded Camunda 7 engine: built from Liberty's JNDI data source and JTA transaction manager,
 * registered with Camunda's runtime container so that the REST API and the webapps find it, started
 * and stopped with the application by {@link EngineBootstrapListener}.
 */
@ApplicationScoped
public class WorkflowEngine {

  private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

  public static final String ENGINE_NAME = "default";
  public static final String DATA_SOURCE = "jdbc/programmeOffice";
  /** User, group and tenant ids: letters and digits, single hyphens between them. */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threadFactory;

  @Inject
  BeanManager beanManager;

  @Inject
  Settings settings;

  @Inject
  WorkingDays workingDays;

  @Inject
  Event<EngineStarted> engineStarted;

  private volatile ProcessEngine engine;

  /** Builds and registers the engine, deploys the models, applies identity reference data. */
  public synchronized void start(Map<String, byte[]> models) {
    if (engine != null) {
      return;
    }
    // our domain tables first (Flyway); the engine then creates or checks its own
    DomainSchema.migrate(dataSource);
    JakartaTransactionProcessEngineConfiguration configuration = new JakartaTransactionProcessEngineConfiguration() {
      // Camunda's MyBatis mappings plus our task count (TaskCountStatement)
      @Override
      protected java.io.InputStream getMyBatisXmlConfigurationSteam() {
        return TaskCountStatement.withOurMapper(super.getMyBatisXmlConfigurationSteam());
      }
    };
    configuration.setProcessEngineName(ENGINE_NAME);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(LibertyTransactionManager.lookup());
    configuration.setTransactionsExternallyManaged(true);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    // the administrators' group by the name it has always had here (Camunda's default, which the engine adds
    // anyway); on Operaton, whose default is operaton-admin, it stays the administrators' group (ADR 0002)
    configuration.setAdminGroups(new ArrayList<>(List.of("camunda-admin")));
    // no lock on the account after wrong passwords (Camunda locks it for a growing delay, and for good after ten):
    // anyone who knows a user id could lock its owner out. Failed logins slow their source instead (auth.LoginThrottle).
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    // the database stops an engine statement that runs longer than this (e.g. a count that Tasklist has given up
    // on), instead of it running on; such a request is answered 503 (StatementTimedOut)
    int statementTimeout = settings.statementTimeoutSeconds();
    if (statementTimeout > 0) {
      configuration.setJdbcStatementTimeout(statementTimeout);
    }
    // ids are UUIDs made in memory. Camunda's default takes blocks of 100 numbers from ACT_GE_PROPERTY in a
    // transaction of its own, i.e. on a second connection while the request holds its first: with as many
    // requests in flight as the pool has connections, every one waited for a connection none would give back,
    // and the node stalled for the pool's 10-s wait (issue 10, docs/benchmarks.md). In a cluster the nodes also
    // no longer take turns on that one row.
    configuration.setIdGenerator(new StrongUuidGenerator());
    // authorization checks take the user's groups as they are, without reading every grant's group first
    configuration.setCustomSessionFactories(List.of(new EveryGroupAuthorizationManager.Factory()));
    // identity writes also empty the cache of checked /engine-rest credentials (issue 10)
    configuration.setIdentityProviderSessionFactory(
        new org.camunda.bpm.engine.impl.persistence.GenericManagerFactory(org.aipo.platform.auth.IdentityChangeListener.class));
    // the group ids of docs/domain.md have hyphens (programme-office); Camunda's default allows none but camunda-admin
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    configuration.setExpressionManager(new BeanExpressionManager(new CdiBeanLookup(beanManager)));
    ManagedJobExecutor jobExecutor = new ManagedJobExecutor(threadFactory);
    // an idle executor looks for due timers at least every 10 s (Camunda's default backs off to 60 s)
    jobExecutor.setMaxWait(10_000);
    // in a cluster each node names itself in the job locks and the job log, and holds a lock this long
    jobExecutor.setLockTimeInMillis((int) settings.jobLockTime().toMillis());
    settings.nodeName().ifPresent(name -> {
      jobExecutor.setLockOwner(name);
      configuration.setHostname(name);
    });
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    configuration.setDefaultSerializationFormat("application/json");
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    calendars.addBusinessCalendar(WorkingDayBusinessCalendar.NAME, workingDays.businessCalendar());
    configuration.setBusinessCalendarManager(calendars);
    // every deployment (startup, administrators' API, Camunda Modeler) is checked against the house rules first
    configuration.setCustomPreDeployers(List.of(new HouseRulesDeployer(beanManager)));
    // task counts that PostgreSQL can hash-join with the grants (Tasklist's filter page at 100,000 open tasks);
    // every value a Camunda Form shows escaped as text, in one place (FormValues, ADR 0008)
    List<ProcessEnginePlugin> plugins = List.of(new SpinProcessEnginePlugin(), new TaskCountStatement.Plugin(), new FormValues.Plugin());
    configuration.setProcessEnginePlugins(plugins);

    ProcessEngine built = configuration.buildProcessEngine();
    PostgresTuning.apply(dataSource);
    try {
      RuntimeContainerDelegate.INSTANCE.get().registerProcessEngine(built);
      ModelDeployer.Result deployed = new ModelDeployer(built.getRepositoryService()).deploy(models);
      LOG.info(() -> deployed.created()
          ? "Deployed " + deployed.deploymentId() + " with new definitions " + deployed.newDefinitions()
          : "Models unchanged: no new deployment (" + models.size() + " files)");
      // the groups, their grants and the Tasklist filters, in every profile
      new IdentitySetup(built).apply();
    } catch (RuntimeException e) {
      stop(built);
      throw e;
    }
    engine = built;
    try {
      // the demo data (demo profile), an observer in its own package
      engineStarted.fire(new EngineStarted(built, isEmbeddedDatabase()));
    } catch (RuntimeException e) {
      engine = null;
      stop(built);
      throw e;
    }
    LOG.info("Process engine '" + ENGINE_NAME + "' is running (profile " + settings.profile() + ")");
    LOG.info(settings.readyBanner());
  }

  public synchronized void stop() {
    ProcessEngine running = engine;
    engine = null;
    if (running != null) {
      stop(running);
    }
  }

  private static void stop(ProcessEngine built) {
    try {
      RuntimeContainerDelegate.INSTANCE.get().unregisterProcessEngine(built);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Engine was not registered: " + e.getMessage());
    }
    built.close();
    LOG.info("Process engine '" + built.getName() + "' stopped");
  }

  public boolean isRunning() {
    return engine != null;
  }

  /** The engine, for CDI injection. */
  @Produces
  public ProcessEngine processEngine() {
    ProcessEngine running = engine;
    if (running == null) {
      throw new IllegalStateException("The process engine is not running");
    }
    return running;
  }

  boolean isEmbeddedDatabase() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
