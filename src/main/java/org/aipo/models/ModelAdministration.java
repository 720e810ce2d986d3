package org.aipo.models;

import org.aipo.common.DomainException;

import org.aipo.platform.ModelDeployer;
import org.aipo.platform.ModelValidator;
import org.aipo.platform.WorkflowEngine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.identity.Roles;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;

/**
 * What administrators do with models in a running server: validate a set of files (the engine's own
 * parse with element ids and lines, then {@link ModelValidator}'s house rules) and deploy the changed ones
 * ({@link ModelDeployer}), refusing everything when anything is wrong. Every call is audited.
 */
@ApplicationScoped
public class ModelAdministration {

  public static final String SUBJECT = "models";

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  BeanManager beanManager;

  @Inject
  AuditLog auditLog;

  /** The outcome of a deployment. */
  public record Deployed(String deploymentId, List<String> newDefinitions, List<String> resources) {
  }

  /** Refused: every problem found. */
  public static class Invalid extends IllegalArgumentException {

    private final transient List<ModelValidator.Problem> problems;

    Invalid(List<ModelValidator.Problem> problems) {
      super(problems.size() + " problem(s): " + problems.get(0) + (problems.size() > 1 ? " …" : ""));
      this.problems = List.copyOf(problems);
    }

    public List<ModelValidator.Problem> problems() {
      return problems;
    }
  }

  private ProcessEngine engine() {
    return workflowEngine.processEngine();
  }

  /**
   * The files as they would be deployed: the newest deployed version of every model file, with these
   * files in place of theirs (a process uploaded alone still finds its forms).
   */
  public Map<String, byte[]> overDeployed(Map<String, byte[]> files) {
    Map<String, byte[]> set = new TreeMap<>();
    for (Deployment deployment : engine().getRepositoryService().createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().asc().list()) {
      for (Resource resource : engine().getRepositoryService().getDeploymentResources(deployment.getId())) {
        set.put(resource.getName(), resource.getBytes());
      }
    }
    set.putAll(files);
    return set;
  }

  /** Every problem of these files within the set they would be deployed with; empty when all is well. */
  @Transactional
  public List<ModelValidator.Problem> validate(Map<String, byte[]> files, Map<String, byte[]> set, String actor) {
    List<ModelValidator.Problem> problems = new ArrayList<>(engineParse(files));
    Set<String> groups = new HashSet<>();
    for (Roles role : Roles.values()) {
      groups.add(role.groupId());
    }
    ModelValidator.Context context = new ModelValidator.Context(name -> !beanManager.getBeans(name).isEmpty(), groups,
        key -> engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
    ModelValidator.validate(set, context).stream().filter(p -> files.containsKey(p.file()) || relatedTo(p, files)).forEach(problems::add);
    auditLog.record(actor, "models.validated", SUBJECT, subject(files),
        cut(files.keySet() + ": " + (problems.isEmpty() ? "valid" : problems.size() + " problem(s): " + problems)));
    return problems;
  }

  /** A problem in a file that was not uploaded still counts when it is about an uploaded form or process. */
  private static boolean relatedTo(ModelValidator.Problem problem, Map<String, byte[]> files) {
    return files.keySet().stream().anyMatch(name -> name.endsWith(".form") && problem.message().contains("formRef="));
  }

  /** The engine's own BPMN parse (as on deployment, nothing stored) and the DMN engine's transform. */
  private List<ModelValidator.Problem> engineParse(Map<String, byte[]> files) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
    List<ModelValidator.Problem> problems = new ArrayList<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".bpmn")) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
          DeploymentEntity deployment = new DeploymentEntity();
          deployment.setName("validation");
          BpmnParse parse = bpmnParser(configuration).createParse().sourceInputStream(new ByteArrayInputStream(content))
              .deployment(deployment).name(name);
          try {
            parse.execute();
          } catch (org.camunda.bpm.engine.ParseException e) {
            e.getResorceReports().forEach(report -> report.getErrors().forEach(error -> problems.add(new ModelValidator.Problem(name,
                error.getMainElementId(), error.getLine(), error.getMessage()))));
          } catch (RuntimeException e) {
            problems.add(new ModelValidator.Problem(name, null, 0, e.getMessage()));
          }
          return null;
        });
      } else if (name.endsWith(".dmn")) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
          try {
            configuration.getDmnEngine().parseDecisionRequirementsGraph(new ByteArrayInputStream(content));
          } catch (RuntimeException e) {
            problems.add(new ModelValidator.Problem(name, null, 0, e.getMessage()));
          }
          return null;
        });
      }
    });
    return problems;
  }

  private static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser bpmnParser(ProcessEngineConfigurationImpl configuration) {
    return configuration.getDeployers().stream().filter(org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer.class::isInstance)
        .map(d -> ((org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer) d).getBpmnParser()).findFirst()
        .orElseThrow(() -> new IllegalStateException("the engine has no BPMN deployer"));
  }

  /** Validates, then deploys what changed; nothing is deployed when anything is wrong. */
  @Transactional
  public Deployed deploy(Map<String, byte[]> files, String actor) {
    Map<String, byte[]> set = overDeployed(files);
    List<ModelValidator.Problem> problems = validate(files, set, actor);
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    ModelDeployer.Result result = new ModelDeployer(engine().getRepositoryService()).deploy(set);
    List<String> resources = result.created() ? engine().getRepositoryService().getDeploymentResourceNames(result.deploymentId()) : List.of();
    auditLog.record(actor, "models.deployed", SUBJECT, result.created() ? result.deploymentId() : "-",
        result.created() ? cut("new: " + result.newDefinitions() + "; resources: " + resources) : "nothing changed");
    return new Deployed(result.deploymentId(), result.newDefinitions(), resources);
  }

  /** The audit subject: the file names, or the first and how many more when they do not fit. */
  private static String subject(Map<String, byte[]> files) {
    String all = String.join(",", files.keySet());
    String first = files.keySet().iterator().next();
    return all.length() <= 120 ? all : (first.length() > 100 ? first.substring(0, 100) : first) + " (+" + (files.size() - 1) + ")";
  }

  /**
   * Deploys an earlier version's process and the forms it names, from that version's deployment, as the
   * newest version, validated like any deployment. Running instances stay where they are.
   */
  @Transactional
  public Deployed rollback(String key, int version, String actor) {
    var definition = engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
        .singleResult();
    if (definition == null) {
      throw DomainException.badInput("models.version-unknown", "version", "流程 " + key + " 没有版本 " + version, "version: process " + key + " has no version " + version);
    }
    Map<String, byte[]> deployment = new TreeMap<>();
    for (Resource resource : engine().getRepositoryService().getDeploymentResources(definition.getDeploymentId())) {
      deployment.put(resource.getName(), resource.getBytes());
    }
    // only this process and its forms: the same deployment may hold other processes at versions of their own
    Map<String, byte[]> files = new TreeMap<>();
    files.put(definition.getResourceName(), deployment.get(definition.getResourceName()));
    ModelDeployer.formsOf(deployment, definition.getResourceName()).forEach(form -> files.put(form, deployment.get(form)));
    auditLog.record(actor, "models.rollback-requested", SUBJECT, key + ":" + version, "resources " + files.keySet());
    return deploy(files, actor);
  }

  private static String cut(String text) {
    return text.length() <= 3900 ? text : text.substring(0, 3900) + " …";
  }
}
