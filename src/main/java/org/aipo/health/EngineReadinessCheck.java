package org.aipo.health;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aipo.platform.WorkflowEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the process engine runs and answers a query, and the database answers: served by
 * Liberty at {@code /health/ready} (503 until then).
 */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {

  @Inject
  WorkflowEngine workflowEngine;

  @Resource(lookup = WorkflowEngine.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("process-engine-and-database");
    boolean up = true;
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      response.withData("database", valid ? "UP" : "DOWN");
      up = valid;
    } catch (Exception e) {
      response.withData("database", "DOWN: " + e.getClass().getSimpleName());
      up = false;
    }
    if (workflowEngine.isRunning()) {
      try {
        long definitions = workflowEngine.processEngine().getRepositoryService()
            .createProcessDefinitionQuery().latestVersion().count();
        response.withData("engine", "UP").withData("processDefinitions", definitions);
      } catch (RuntimeException e) {
        response.withData("engine", "DOWN: " + e.getClass().getSimpleName());
        up = false;
      }
    } else {
      response.withData("engine", "DOWN: not started");
      up = false;
    }
    return response.status(up).build();
  }
}
