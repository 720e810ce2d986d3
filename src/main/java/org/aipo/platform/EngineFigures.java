package org.aipo.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The engine's figures at {@code /metrics}: the job executor's backlog, the jobs that failed for good and the open
 * incidents. Counts only (Camunda's count queries), refreshed by {@link Figures}.
 */
@ApplicationScoped
public class EngineFigures {

  @Inject
  Figures figures;

  @Resource(lookup = WorkflowEngine.DATA_SOURCE)
  DataSource dataSource;

  void register(@Observes EngineStarted started) {
    ProcessEngine engine = started.engine();
    ManagementService management = engine.getManagementService();
    figures.gauge("aipo_jobs_due", "Jobs the job executor should run now: retries left, due, active, not locked by a node",
        () -> jobsDue(management.getTableName(Job.class)));
    figures.gauge("aipo_jobs_failed", "Jobs without retries left (each has an incident: Cockpit shows them)",
        () -> management.createJobQuery().noRetriesLeft().count());
    figures.gauge("aipo_incidents_open", "Open incidents (failed jobs, failed external tasks)",
        () -> engine.getRuntimeService().createIncidentQuery().count());
  }

  /**
   * The backlog: what an idle job executor would acquire now. Camunda's job query cannot say "not locked" (and has no
   * native form), so this is one count over its job table with the conditions of the job executor's acquisition.
   */
  long jobsDue(String table) {
    String sql = "select count(*) from " + table + " where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= ?)"
        + " and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ <= ?) and SUSPENSION_STATE_ = 1";
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(sql)) {
      count.setTimestamp(1, now);
      count.setTimestamp(2, now);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("counting the due jobs failed", e);
    }
  }
}
