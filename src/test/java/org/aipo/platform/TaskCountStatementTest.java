package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our task count against Camunda's own authorization semantics: for every user and query, count() (our
 * statement) must equal the number of tasks list() returns (Camunda's statement, its join unchanged).
 */
class TaskCountStatementTest {

  static ProcessEngine engine;
  static TaskService tasks;
  static IdentityService identity;

  @BeforeAll
  static void engineWithSomeTasksAndGrants() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration() {
      @Override
      protected InputStream getMyBatisXmlConfigurationSteam() {
        return TaskCountStatement.withOurMapper(super.getMyBatisXmlConfigurationSteam());
      }
    };
    configuration.setJdbcUrl("jdbc:h2:mem:task-count;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("task-count");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new TaskCountStatement.Plugin()));
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();

    engine.getRepositoryService().createDeployment()
        .addModelInstance("review.bpmn", Bpmn.createExecutableProcess("review").startEvent().userTask("read").name("Read the proposal")
            .camundaCandidateGroups("office").endEvent().done())
        .addModelInstance("approval.bpmn", Bpmn.createExecutableProcess("approval").startEvent().userTask("approve").name("Approve")
            .camundaCandidateGroups("leadership").endEvent().done())
        .deploy();
    for (int i = 0; i < 3; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("review", "review-" + i);
    }
    for (int i = 0; i < 2; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("approval", "approval-" + i);
    }
    Task standalone = tasks.newTask();
    standalone.setName("Call the applicant");
    standalone.setAssignee("carol");
    tasks.saveTask(standalone);

    // auditors may read the tasks of every approval (a grant on the process definition's key)
    grant(null, "auditors", Resources.PROCESS_DEFINITION, "approval", Permissions.READ_TASK);
    // erin may read every task ('*')
    grant("erin", null, Resources.TASK, "*", Permissions.READ);
  }

  private static void grant(String user, String group, Resources resource, String resourceId, Permissions permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void camundasCountIsReplacedOnThisDatabase() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskCountStatement.CAMUNDA_STATEMENT))
        .isEqualTo(TaskCountStatement.OUR_STATEMENT);
  }

  @Test
  void everyUserCountsWhatCamundasListShowsThem() {
    Map<String, Supplier<TaskQuery>> queries = Map.of(
        "all", () -> tasks.createTaskQuery(),
        "office's candidate tasks", () -> tasks.createTaskQuery().taskCandidateGroup("office"),
        "one process", () -> tasks.createTaskQuery().processDefinitionKey("approval"),
        "by name", () -> tasks.createTaskQuery().taskNameLike("%the%"),
        "assigned to carol", () -> tasks.createTaskQuery().taskAssignee("carol"),
        "either group", () -> tasks.createTaskQuery().or().taskCandidateGroup("office").taskCandidateGroup("leadership").endOr(),
        "candidate groups in", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("office", "leadership")).includeAssignedTasks());
    Map<String, List<String>> users = Map.of(
        "alice", List.of("office"),
        "bob", List.of("leadership"),
        "carol", List.of(),
        "dave", List.of("auditors"),
        "erin", List.of(),
        "mallory", List.of("office-not"));
    for (var user : users.entrySet()) {
      identity.setAuthentication(user.getKey(), user.getValue());
      try {
        for (var query : queries.entrySet()) {
          assertThat(query.getValue().get().count())
              .as("%s counting %s", user.getKey(), query.getKey())
              .isEqualTo(query.getValue().get().list().size());
        }
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  @Test
  void theCountsAreTheGrantsOwn() {
    assertThat(countAs("alice", "office")).isEqualTo(3);     // her group's candidate tasks
    assertThat(countAs("bob", "leadership")).isEqualTo(2);
    assertThat(countAs("carol")).isEqualTo(1);               // the standalone task assigned to her
    assertThat(countAs("dave", "auditors")).isEqualTo(2);    // the approvals, by the definition's key
    assertThat(countAs("erin")).isEqualTo(6);                // every task, by '*'
    assertThat(countAs("mallory", "office-not")).isZero();
    assertThat(tasks.createTaskQuery().count()).as("without an authenticated user, no check").isEqualTo(6);
  }

  private static long countAs(String user, String... groups) {
    identity.setAuthentication(user, List.of(groups));
    try {
      return tasks.createTaskQuery().count();
    } finally {
      identity.clearAuthentication();
    }
  }
}
