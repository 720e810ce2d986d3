package org.aipo.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.inject.spi.BeanManager;

import org.aipo.identity.Roles;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers on every deployment — startup, {@code /api/admin/models}, Camunda
 * Modeler through {@code /engine-rest/deployment/create} — and refuses one that breaks the house rules
 * ({@link ModelValidator}) with every problem listed (400 at the REST API); nothing is deployed then.
 */
public final class HouseRulesDeployer implements Deployer {

  private final BeanManager beanManager;

  public HouseRulesDeployer(BeanManager beanManager) {
    this.beanManager = beanManager;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null || !deployment.isNew()) {
      return;
    }
    Map<String, byte[]> models = new TreeMap<>();
    resources.forEach((name, resource) -> {
      if (ProcessModels.isModel(name)) {
        models.put(name, resource.getBytes());
      }
    });
    if (models.isEmpty()) {
      return;
    }
    Set<String> groups = new HashSet<>();
    for (Roles role : Roles.values()) {
      groups.add(role.groupId());
    }
    List<ModelValidator.Problem> problems = ModelValidator.validate(models, new ModelValidator.Context(
        name -> !beanManager.getBeans(name).isEmpty(), groups,
        key -> Context.getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() > 0));
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("deployment " + deployment.getName() + " refused",
          new IllegalArgumentException("nothing deployed, " + problems.size() + " problem(s): " + problems));
    }
  }
}
