package org.aipo.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

/**
 * Deploys model files with duplicate filtering, changed files only: an unchanged file creates no new
 * version, a changed file creates exactly one. All files of one call go into one named deployment.
 */
public final class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "programme-office";
  public static final String DEPLOYMENT_SOURCE = "processes/";

  private final RepositoryService repositoryService;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /**
   * What one deployment call changed.
   *
   * @param deploymentId the new deployment, or {@code null} when every file was unchanged
   * @param newDefinitions process and decision definitions created, as {@code key:version}
   */
  public record Result(String deploymentId, List<String> newDefinitions) {

    public boolean created() {
      return deploymentId != null;
    }
  }

  public Result deploy(Map<String, byte[]> models) {
    if (models.isEmpty()) {
      return new Result(null, List.of());
    }
    String latestBefore = latestDeploymentId();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    models.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    if (deployment.getId().equals(latestBefore)) {
      return new Result(null, List.of());
    }
    List<String> definitions = new ArrayList<>();
    if (deployment.getDeployedProcessDefinitions() != null) {
      deployment.getDeployedProcessDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
    }
    if (deployment.getDeployedDecisionDefinitions() != null) {
      deployment.getDeployedDecisionDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
    }
    return new Result(deployment.getId(), List.copyOf(definitions));
  }

  private String latestDeploymentId() {
    List<Deployment> latest = repositoryService.createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc()
        .listPage(0, 1);
    return latest.isEmpty() ? null : latest.get(0).getId();
  }
}
