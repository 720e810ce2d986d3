package org.aipo.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.camunda.bpm.webapp.impl.util.ServletContextUtil;

/**
 * Declared first in web.xml: starts the engine before Camunda's webapp bootstraps look for it and
 * stops it (job executor included) after they are gone.
 */
public class EngineBootstrapListener implements ServletContextListener {

  /** Camunda's webapps are served under this path of the WAR. */
  public static final String WEBAPP_PATH = "/camunda";

  @Inject
  WorkflowEngine workflowEngine;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContextUtil.setAppPath(WEBAPP_PATH, event.getServletContext());
    workflowEngine.start(ProcessModels.read(event.getServletContext()));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    workflowEngine.stop();
  }
}
