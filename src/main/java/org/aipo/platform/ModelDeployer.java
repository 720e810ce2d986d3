package org.aipo.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;

/**
 * Deploys model files, changed ones only, as one named deployment: an unchanged set creates nothing; a
 * changed file creates a new version of what it defines. A process is deployed together with the forms it
 * names ({@code camunda:formRef}, bound to its deployment), and a changed form brings the processes that
 * name it: every process version finds exactly the forms it was deployed with, and running instances keep
 * theirs.
 */
public final class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "programme-office";
  public static final String DEPLOYMENT_SOURCE = "processes/";

  // camunda: is the prefix of every model in processes/; Operaton's model API writes operaton: (ADR 0002)
  private static final Pattern FORM_REF = Pattern.compile("(?:camunda|operaton):formRef=\"([^\"$]+)\"");
  private static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

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
    Set<String> toDeploy = withTheirForms(models, changed(models));
    if (toDeploy.isEmpty()) {
      return new Result(null, List.of());
    }
    DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE);
    toDeploy.forEach(name -> builder.addInputStream(name, new ByteArrayInputStream(models.get(name))));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    List<String> definitions = new ArrayList<>();
    if (deployment.getDeployedProcessDefinitions() != null) {
      deployment.getDeployedProcessDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
    }
    if (deployment.getDeployedDecisionDefinitions() != null) {
      deployment.getDeployedDecisionDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
    }
    return new Result(deployment.getId(), List.copyOf(definitions));
  }

  /** The files whose content differs from the newest deployed file of the same name (or that are new). */
  Set<String> changed(Map<String, byte[]> models) {
    Map<String, byte[]> deployed = new HashMap<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).orderByDeploymentTime().desc()
        .list()) {
      if (deployed.keySet().containsAll(models.keySet())) {
        break;
      }
      for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
        if (models.containsKey(resource.getName()) && !deployed.containsKey(resource.getName())) {
          deployed.put(resource.getName(), resource.getBytes());
        }
      }
    }
    Set<String> changed = new TreeSet<>();
    models.forEach((name, content) -> {
      if (!Arrays.equals(content, deployed.get(name))) {
        changed.add(name);
      }
    });
    return changed;
  }

  /** The form files among {@code files} that the process in {@code bpmn} names. */
  public static Set<String> formsOf(Map<String, byte[]> files, String bpmn) {
    Set<String> refs = new TreeSet<>();
    Matcher ref = FORM_REF.matcher(new String(files.get(bpmn), StandardCharsets.UTF_8));
    while (ref.find()) {
      refs.add(ref.group(1));
    }
    Set<String> forms = new TreeSet<>();
    files.forEach((name, content) -> {
      Matcher id = FORM_ID.matcher(new String(content, StandardCharsets.UTF_8));
      if (name.endsWith(".form") && id.find() && refs.contains(id.group(1))) {
        forms.add(name);
      }
    });
    return forms;
  }

  /** The changed files, with the forms of every changed process and the processes of every changed form. */
  static Set<String> withTheirForms(Map<String, byte[]> models, Set<String> changed) {
    Map<String, String> formFiles = new TreeMap<>();
    Map<String, Set<String>> formsOfProcess = new TreeMap<>();
    models.forEach((name, content) -> {
      String text = new String(content, StandardCharsets.UTF_8);
      if (name.endsWith(".form")) {
        Matcher id = FORM_ID.matcher(text);
        if (id.find()) {
          formFiles.put(id.group(1), name);
        }
      } else if (name.endsWith(".bpmn")) {
        Set<String> refs = new TreeSet<>();
        Matcher ref = FORM_REF.matcher(text);
        while (ref.find()) {
          refs.add(ref.group(1));
        }
        formsOfProcess.put(name, refs);
      }
    });
    Set<String> result = new TreeSet<>(changed);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> process : formsOfProcess.entrySet()) {
        List<String> itsForms = process.getValue().stream().map(formFiles::get).filter(f -> f != null).toList();
        boolean touched = result.contains(process.getKey()) || itsForms.stream().anyMatch(result::contains);
        if (touched) {
          grew |= result.add(process.getKey());
          for (String form : itsForms) {
            grew |= result.add(form);
          }
        }
      }
    }
    return result;
  }
}
