package org.aipo.models;

import org.aipo.common.DomainException;

import org.aipo.platform.WorkflowEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;

import org.aipo.audit.AuditLog;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Migration of running instances from one version of a process to another: a plan from the equal
 * activities plus explicit mappings, validated; a dry run that tries every instance in a transaction
 * rolled back afterwards (which would move, which could not and why); then a Camunda batch for the movable
 * ones, recorded with the ones that stay. Audited.
 */
@ApplicationScoped
public class ModelMigration {

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AuditLog auditLog;

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Resource
  UserTransaction userTransaction;

  /** The request: key, versions (target default: newest) and explicit activity mappings (from → to). */
  public record Request(String key, int fromVersion, Integer toVersion, Map<String, String> mappings) {
  }

  /** What would happen (or happened): the plan, which instances move and which stay with their reasons. */
  public record Outcome(String sourceDefinitionId, String targetDefinitionId, List<String> instructions, List<String> movable,
      Map<String, List<String>> notMovable, String batchId) {
  }

  private ProcessEngine engine() {
    return workflowEngine.processEngine();
  }

  private ProcessDefinition version(String key, int version) {
    ProcessDefinition definition = engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw DomainException.badInput("models.version-unknown", "version", "流程 " + key + " 没有版本 " + version, "version: process " + key + " has no version " + version);
    }
    return definition;
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings) {
    org.camunda.bpm.engine.migration.MigrationPlanBuilder builder = engine().getRuntimeService().createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers();
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      builder = builder.mapActivities(mapping.getKey(), mapping.getValue());
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<String> failures = new ArrayList<>();
      e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures()
          .forEach(f -> failures.add(r.getMigrationInstruction().getSourceActivityId() + " → " + r.getMigrationInstruction().getTargetActivityId()
              + ": " + f)));
      throw DomainException.badInput("migration.plan-invalid", "mappings", "迁移计划无效：" + String.join("; ", failures),
          "mappings: the plan is not valid: " + String.join("; ", failures));
    }
  }

  /** Plans and tries every instance of the source version, changing nothing. */
  public Outcome dryRun(Request request, String actor) {
    Outcome outcome = tryAll(request);
    record(actor, "models.migration-dry-run", outcome);
    return outcome;
  }

  private Outcome tryAll(Request request) {
    if (request.key() == null || request.key().isBlank()) {
      throw DomainException.badInput("field.required", "key", "key 为必填项（流程定义的 key）", "key: the process definition key is required");
    }
    ProcessDefinition source = version(request.key(), request.fromVersion());
    ProcessDefinition target = request.toVersion() == null
        ? engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(request.key()).latestVersion().singleResult()
        : version(request.key(), request.toVersion());
    if (source.getId().equals(target.getId())) {
      throw DomainException.badInput("migration.same-version", "toVersion", "实例已在版本 " + target.getVersion() + " 上运行", "toVersion: the instances already run on version " + target.getVersion());
    }
    MigrationPlan plan = plan(source, target, request.mappings() == null ? Map.of() : request.mappings());
    List<String> instructions = plan.getInstructions().stream().map(i -> i.getSourceActivityId() + " → " + i.getTargetActivityId()).toList();
    List<String> movable = new ArrayList<>();
    Map<String, List<String>> notMovable = new LinkedHashMap<>();
    for (var instance : engine().getRuntimeService().createProcessInstanceQuery().processDefinitionId(source.getId()).list()) {
      List<String> reasons = attempt(plan, instance.getId());
      if (reasons.isEmpty()) {
        movable.add(instance.getId());
      } else {
        notMovable.put(instance.getId(), reasons);
      }
    }
    return new Outcome(source.getId(), target.getId(), instructions, movable, notMovable, null);
  }

  /** Migrates one instance in a transaction that is always rolled back; why it cannot move (empty: it can). */
  private List<String> attempt(MigrationPlan plan, String instanceId) {
    try {
      userTransaction.begin();
      try {
        engine().getRuntimeService().newMigration(plan).processInstanceIds(instanceId).execute();
        return List.of();
      } catch (MigratingProcessInstanceValidationException e) {
        List<String> reasons = new ArrayList<>(e.getValidationReport().getFailures());
        e.getValidationReport().getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
        e.getValidationReport().getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
        return reasons.isEmpty() ? List.of(e.getMessage()) : reasons;
      } catch (RuntimeException e) {
        return List.of(e.getMessage());
      } finally {
        userTransaction.rollback();
      }
    } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException e) {
      throw new IllegalStateException("the dry run needs its own transaction", e);
    }
  }

  /** Dry run, then a batch for the movable instances; the others stay on their version and are recorded. */
  public Outcome execute(Request request, String actor) {
    Outcome tried = tryAll(request);
    return start(request, tried, actor);
  }

  /** The batch and its record, in one transaction of their own (the dry run before needs none to be active). */
  private Outcome start(Request request, Outcome tried, String actor) {
    try {
      userTransaction.begin();
      try {
        Outcome outcome = startBatch(request, tried, actor);
        userTransaction.commit();
        return outcome;
      } catch (RuntimeException e) {
        userTransaction.rollback();
        throw e;
      }
    } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException | jakarta.transaction.RollbackException
        | jakarta.transaction.HeuristicMixedException | jakarta.transaction.HeuristicRollbackException e) {
      throw DomainException.conflict("migration.not-started", null, "迁移未能启动：" + e.getMessage(), "the migration could not be started: " + e.getMessage());
    }
  }

  private Outcome startBatch(Request request, Outcome tried, String actor) {
    String batchId = null;
    if (!tried.movable().isEmpty()) {
      ProcessDefinition source = engine().getRepositoryService().getProcessDefinition(tried.sourceDefinitionId());
      ProcessDefinition target = engine().getRepositoryService().getProcessDefinition(tried.targetDefinitionId());
      Batch batch = engine().getRuntimeService().newMigration(plan(source, target, request.mappings() == null ? Map.of() : request.mappings()))
          .processInstanceIds(tried.movable()).executeAsync();
      batchId = batch.getId();
      entityManager.persist(new MigrationRun(batchId, tried.sourceDefinitionId(), tried.targetDefinitionId(), String.join(",", tried.movable()),
          notMovableJson(tried.notMovable()), actor, Instant.now()));
    }
    Outcome outcome = new Outcome(tried.sourceDefinitionId(), tried.targetDefinitionId(), tried.instructions(), tried.movable(),
        tried.notMovable(), batchId);
    record(actor, "models.migrated", outcome);
    return outcome;
  }

  static String notMovableJson(Map<String, List<String>> notMovable) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    notMovable.forEach((id, reasons) -> list.add(Json.createObjectBuilder().add("id", id).add("reasons", Json.createArrayBuilder(reasons))));
    return list.build().toString();
  }

  /** The batch's progress and where every instance sent to it now runs. */
  @Transactional
  public Map<String, Object> report(String batchId) {
    MigrationRun run = batchId == null ? null : entityManager.find(MigrationRun.class, batchId);
    if (run == null) {
      throw DomainException.notFound("migration.not-found", null, "没有迁移 " + batchId, "no migration " + batchId);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    var statistics = engine().getManagementService().createBatchStatisticsQuery().batchId(batchId).singleResult();
    report.put("finished", statistics == null);
    report.put("remainingJobs", statistics == null ? 0 : statistics.getRemainingJobs());
    report.put("failedJobs", statistics == null ? 0 : statistics.getFailedJobs());
    List<String> moved = new ArrayList<>();
    List<String> notYet = new ArrayList<>();
    for (String id : run.getMoving().split(",")) {
      var instance = engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
      var historic = engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      String definition = instance != null ? instance.getProcessDefinitionId() : historic == null ? null : historic.getProcessDefinitionId();
      (run.getTargetDefinitionId().equals(definition) ? moved : notYet).add(id);
    }
    report.put("source", run.getSourceDefinitionId());
    report.put("target", run.getTargetDefinitionId());
    report.put("moved", moved);
    report.put("notYetMoved", notYet);
    report.put("notMovable", run.getNotMovable());
    report.put("startedBy", run.getStartedBy());
    report.put("startedAt", run.getStartedAt().toString());
    return report;
  }

  private void record(String actor, String action, Outcome outcome) {
    String detail = outcome.sourceDefinitionId() + " → " + outcome.targetDefinitionId() + "; plan " + outcome.instructions() + "; movable "
        + outcome.movable().size() + "; not movable " + outcome.notMovable().keySet() + (outcome.batchId() == null ? "" : "; batch " + outcome.batchId());
    auditLog.record(actor, action, ModelAdministration.SUBJECT, outcome.sourceDefinitionId().length() <= 120 ? outcome.sourceDefinitionId()
        : outcome.sourceDefinitionId().substring(0, 120), detail.length() <= 3900 ? detail : detail.substring(0, 3900) + " …");
  }
}
