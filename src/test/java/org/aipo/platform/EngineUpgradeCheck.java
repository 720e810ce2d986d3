package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Issue 29: a database written by the Camunda 7.24 build is opened by the Operaton build, and the instances
 * running on it go on. Not a unit test (its name does not end in Test): src/operaton/upgrade-check.sh runs it twice
 * on one H2 file, first in the Camunda build ({@code -Daipo.upgrade.step=start}), then in the Operaton build, which
 * compiles this same file with Operaton's package names ({@code -Daipo.upgrade.step=continue}).
 * <p>
 * The engine is configured as org.aipo.platform.WorkflowEngine configures the server's where it matters for the
 * database: {@code databaseSchemaUpdate=true}, full history, {@link StrongUuidGenerator} ids, no job executor (jobs
 * are executed here, at a moved clock).
 */
class EngineUpgradeCheck {

  static final String STEP = System.getProperty("aipo.upgrade.step", "");
  static final String DB = System.getProperty("aipo.upgrade.db", "");
  static final String KEY = "upgradeCheck";

  /** The model: a user task, then a one-hour timer, then a second user task. */
  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY).name("Upgrade check").camundaHistoryTimeToLive(30)
        .startEvent("startEvent_started")
        .userTask("userTask_review").name("Review").camundaCandidateGroups("office")
        .intermediateCatchEvent("timerEvent_waitAnHour").timerWithDuration("PT1H")
        .userTask("userTask_confirm").name("Confirm").camundaCandidateGroups("office")
        .endEvent("endEvent_done")
        .done();
  }

  static ProcessEngine engine() {
    assertThat(DB).as("-Daipo.upgrade.db names the H2 file (without .mv.db)").isNotBlank();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:file:" + DB);
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("upgrade-" + STEP);
    return configuration.buildProcessEngine();
  }

  /** Camunda 7.24: three instances wait at the first task, two more at the timer. */
  @Test
  void step() throws Exception {
    assertThat(STEP).as("-Daipo.upgrade.step=start (Camunda build) or continue (Operaton build)").isIn("start", "continue");
    if (STEP.equals("start")) {
      start();
    } else {
      carryOn();
    }
  }

  void start() throws Exception {
    ProcessEngine engine = engine();
    try {
      engine.getRepositoryService().createDeployment().name("upgrade-check").addModelInstance("upgrade-check.bpmn", model()).deploy();
      for (int i = 0; i < 5; i++) {
        engine.getRuntimeService().startProcessInstanceByKey(KEY, "upgrade-" + i);
      }
      List<Task> reviews = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey("userTask_review").list();
      assertThat(reviews).hasSize(5);
      engine.getTaskService().complete(reviews.get(3).getId());
      engine.getTaskService().complete(reviews.get(4).getId());
      assertThat(engine.getManagementService().createJobQuery().timers().count()).isEqualTo(2);
      System.out.println("upgrade-check start: " + schema());
    } finally {
      engine.close();
    }
  }

  void carryOn() throws Exception {
    String before = schema();
    System.out.println("upgrade-check before the engine starts: " + before);
    ProcessEngine engine = engine();
    try {
      String after = schema();
      System.out.println("upgrade-check after the engine started: " + after);
      assertThat(after).as("the engine left the schema as the Camunda build wrote it").isEqualTo(before);
      assertThat(engine.getManagementService().createSchemaLogQuery().list()).extracting(e -> e.getVersion()).contains("7.24.0");

      // the instances the Camunda build started are there, with their tasks and timers
      List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list();
      assertThat(running).hasSize(5);
      List<Task> reviews = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey("userTask_review")
          .taskCandidateGroup("office").list();
      assertThat(reviews).hasSize(3);
      List<Job> timers = engine.getManagementService().createJobQuery().timers().list();
      assertThat(timers).hasSize(2);

      // a task completes: its instance reaches the timer
      engine.getTaskService().complete(reviews.get(0).getId());
      assertThat(engine.getManagementService().createJobQuery().timers().count()).isEqualTo(3);

      // the timers fire an hour later (the two from the Camunda build, one from here): each instance reaches the second task
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * 3600_000L));
      try {
        List<Job> due = engine.getManagementService().createJobQuery().timers().executable().list();
        assertThat(due).hasSize(3);
        for (Job job : due) {
          engine.getManagementService().executeJob(job.getId());
        }
      } finally {
        ClockUtil.reset();
      }
      List<Task> confirms = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey("userTask_confirm").list();
      assertThat(confirms).hasSize(3);
      for (Task task : confirms) {
        engine.getTaskService().complete(task.getId());
      }
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).completed().count())
          .as("three instances started by Camunda ended on Operaton").isEqualTo(3);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(2);

      // a new deployment and instance on the carried-over database
      engine.getRepositoryService().createDeployment().name("upgrade-check-2").addModelInstance("upgrade-check.bpmn", model()).deploy();
      ProcessInstance fresh = engine.getRuntimeService().startProcessInstanceByKey(KEY, "after-upgrade");
      assertThat(engine.getRepositoryService().getProcessDefinition(fresh.getProcessDefinitionId()).getVersion()).isEqualTo(2);
    } finally {
      engine.close();
    }
  }

  /** ACT_GE_PROPERTY's schema.version and ACT_GE_SCHEMA_LOG, read with plain JDBC. */
  static String schema() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + DB, "sa", "");
         Statement statement = connection.createStatement()) {
      Map<String, String> properties = new java.util.TreeMap<>();
      try (ResultSet rows = statement.executeQuery("select NAME_, VALUE_ from ACT_GE_PROPERTY where NAME_ like 'schema.%'")) {
        while (rows.next()) {
          properties.put(rows.getString(1), rows.getString(2));
        }
      }
      List<String> log = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("select ID_, VERSION_ from ACT_GE_SCHEMA_LOG order by ID_")) {
        while (rows.next()) {
          log.add(rows.getString(1) + ":" + rows.getString(2));
        }
      }
      return "ACT_GE_PROPERTY " + properties + ", ACT_GE_SCHEMA_LOG " + log;
    }
  }
}
