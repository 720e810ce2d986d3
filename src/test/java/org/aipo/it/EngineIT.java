package org.aipo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;

import org.aipo.audit.AuditDelegate;
import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.platformcheck.PlatformCheck;
import org.aipo.platformcheck.PlatformCheckService;
import org.aipo.platform.ModelDeployer;
import org.aipo.platform.ProcessModels;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.BpmPlatform;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside a real Open Liberty: the engine, JPA, JTA, CDI delegates and the job executor together. */
@ExtendWith(ArquillianExtension.class)
class EngineIT {

  @Deployment
  static WebArchive deployment() {
    return ServerItBase.applicationWarWith(EngineIT.class, RollbackProbe.class);
  }

  // looked up from CDI rather than injected into the test instance: the Arquillian CDI enricher of
  // the Liberty adapter does not enrich JUnit 5 test instances here
  WorkflowEngine workflowEngine;
  ProcessEngine engine;
  PlatformCheckService platformCheckService;
  AuditLog auditLog;
  RollbackProbe rollbackProbe;
  ServletContext servletContext;

  @BeforeEach
  void lookUpBeans() {
    workflowEngine = CDI.current().select(WorkflowEngine.class).get();
    engine = workflowEngine.processEngine();
    platformCheckService = CDI.current().select(PlatformCheckService.class).get();
    auditLog = CDI.current().select(AuditLog.class).get();
    rollbackProbe = CDI.current().select(RollbackProbe.class).get();
    servletContext = CDI.current().select(ServletContext.class).get();
  }

  @Test
  void theEngineRunsAndIsTheOneTheWebappsAndRestApiFind() {
    assertTrue(workflowEngine.isRunning());
    assertEquals(WorkflowEngine.ENGINE_NAME, engine.getName());
    assertEquals(engine, BpmPlatform.getDefaultProcessEngine());
    assertEquals("full", engine.getProcessEngineConfiguration().getHistory());
    assertTrue(engine.getProcessEngineConfiguration().isAuthorizationEnabled());
    // aipo.db.statementTimeout's default: the database stops any engine statement after 60 s
    assertEquals(60, engine.getProcessEngineConfiguration().getJdbcStatementTimeout());
  }

  @Test
  void passwordsAreStoredSaltedAndHashedNeverAsTyped() {
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity office = (org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
        engine.getIdentityService().createUserQuery().userId("office").singleResult();
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity admin = (org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
        engine.getIdentityService().createUserQuery().userId("admin").singleResult();
    assertTrue(office.getPassword().startsWith("{SHA-512}"), "hashed with SHA-512: " + office.getPassword().substring(0, 9));
    assertTrue(!office.getPassword().contains("demo") && office.getSalt() != null && !office.getSalt().isBlank(), "salted, not as typed");
    // the same password ('demo') of two users gives two different hashes: a salt each
    assertTrue(!office.getPassword().equals(admin.getPassword()), "a salt per user");
    assertTrue(engine.getIdentityService().checkPassword("office", "demo"));
  }

  @Test
  void processesFolderIsDeployedAndDeployingItAgainCreatesNoVersion() {
    long before = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PlatformCheck.PROCESS_KEY).count();
    assertTrue(before >= 1, "platformCheck is deployed");
    Map<String, byte[]> models = ProcessModels.read(servletContext);
    assertTrue(models.containsKey("platform-check.bpmn"), "models read from the WAR: " + models.keySet());
    assertTrue(models.containsKey("forms/confirm-platform-check.form"), "forms read from the WAR: " + models.keySet());

    ModelDeployer.Result again = new ModelDeployer(engine.getRepositoryService()).deploy(models);

    assertFalse(again.created(), "an unchanged processes/ folder creates no deployment");
    assertEquals(before, engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PlatformCheck.PROCESS_KEY).count());
  }

  @Test
  void aDelegateIsResolvedAsACdiBeanAndWritesJpaInTheEnginesTransaction() {
    String businessKey = platformCheckService.request("office", "Arquillian", Duration.ofDays(2));
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).singleResult().getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertEquals(PlatformCheck.TASK_CONFIRM, task.getTaskDefinitionKey());

    engine.getIdentityService().setAuthentication("office", List.of("programme-office"));
    try {
      engine.getTaskService().complete(task.getId(), Map.of(PlatformCheck.VAR_CONFIRMED, true, PlatformCheck.VAR_REMARK, "正常"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    List<AuditRecord> requested = auditLog.forSubject(PlatformCheck.SUBJECT_TYPE, businessKey);
    assertEquals(1, requested.size());
    assertEquals(PlatformCheck.ACTION_REQUESTED, requested.get(0).getAction());
    List<AuditRecord> confirmed = auditLog.forSubject(AuditDelegate.SUBJECT_TYPE, instanceId);
    assertEquals(1, confirmed.size(), "the auditDelegate bean wrote one record");
    assertEquals(PlatformCheck.ACTION_CONFIRMED, confirmed.get(0).getAction());
    assertEquals("office", confirmed.get(0).getActor());
    assertEquals("正常", confirmed.get(0).getDetail());
  }

  @Test
  void aFailureAfterTheWritesLeavesNeitherTheEntityNorTheProcessInstance() {
    String[] businessKey = new String[1];

    assertThrows(IllegalStateException.class, () -> rollbackProbe.requestThenFail("office", businessKey));

    assertNotNull(businessKey[0], "the service ran and started the instance before the failure");
    assertEquals(0, auditLog.forSubject(PlatformCheck.SUBJECT_TYPE, businessKey[0]).size(), "no JPA row");
    assertEquals(0, engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey[0]).count(), "no process instance");
    assertEquals(0, engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey[0]).count(), "no history either");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsWritten() {
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertThrows(org.aipo.common.DomainException.class, () -> platformCheckService.request(" ", "x", Duration.ofDays(1)));
    assertThrows(org.aipo.common.DomainException.class,
        () -> platformCheckService.request("office", "x".repeat(PlatformCheckService.MAX_NOTE + 1), Duration.ofDays(1)));
    assertThrows(org.aipo.common.DomainException.class, () -> platformCheckService.request("office", "x", Duration.ZERO));

    assertEquals(instances, engine.getRuntimeService().createProcessInstanceQuery().count());
  }

  @Test
  void aDueTimerFiresOnTheJobExecutorWithCdiAndJpa() throws InterruptedException {
    String businessKey = platformCheckService.request("office", "timer", Duration.ofSeconds(1));

    // polled on the test's own thread, as every engine call of a test inside the server
    HistoricProcessInstance finished = await().alias("the overdue timer fired within 60 s").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250)).pollInSameThread()
        .until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).finished()
            .singleResult(), Objects::nonNull);

    assertNotNull(finished, "the overdue timer fired within 60 s");
    assertEquals(PlatformCheck.END_OVERDUE, finished.getEndActivityId());
    List<AuditRecord> overdue = auditLog.forSubject(AuditDelegate.SUBJECT_TYPE, finished.getId());
    assertEquals(1, overdue.size());
    assertEquals(PlatformCheck.ACTION_OVERDUE, overdue.get(0).getAction());
    assertEquals("system", overdue.get(0).getActor());
  }
}
