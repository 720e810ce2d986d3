package org.aipo.testing;

import java.util.UUID;

import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** A fresh engine on its own in-memory H2 database, for tests that must not share state. */
public final class InMemoryEngine {

  private InMemoryEngine() {
  }

  public static ProcessEngineConfigurationImpl configuration() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("test-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern(WorkflowEngine.RESOURCE_ID_PATTERN);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new java.util.ArrayList<>(java.util.List.of(new org.aipo.platform.FormValues.Plugin())));
    return configuration;
  }

  public static ProcessEngine start() {
    return configuration().buildProcessEngine();
  }
}
