package org.aipo.models;

import org.aipo.api.ApiResource;

import org.aipo.platform.ModelValidator;
import org.aipo.platform.ProcessModels;
import org.aipo.platform.WorkflowEngine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;

/**
 * Administrators validate and deploy models in the running server. Files come as multipart form data (one
 * part per file, its file name relative to {@code processes/}, e.g. {@code forms/score-item.form}), or, on
 * the {@code bundled} paths, from the {@code processes/} folder built into the application.
 */
@RequestScoped
@Path("admin/models")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups("camunda-admin")
public class ModelAdminResource implements ApiResource {

  @Inject
  ModelAdministration models;

  @Context
  HttpServletRequest http;

  @Context
  ServletContext servletContext;

  private String actor() {
    return ApiUser.of(http).userId();
  }

  static Map<String, byte[]> files(List<EntityPart> parts) {
    Map<String, byte[]> files = new TreeMap<>();
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      String name = part.getFileName().orElse(part.getName()).replace('\\', '/');
      if (name.startsWith("processes/")) {
        name = name.substring("processes/".length());
      }
      if (!ProcessModels.isModel(name) || name.contains("..") || name.startsWith("/")) {
        throw new IllegalArgumentException("file: " + name + " is not a .bpmn, .dmn or .form file name relative to processes/");
      }
      try (InputStream in = part.getContent()) {
        if (files.put(name, in.readAllBytes()) != null) {
          throw new IllegalArgumentException("file: " + name + " is sent twice");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("file: " + name + " could not be read", e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("file: send at least one model file (multipart, one part per file)");
    }
    return files;
  }

  static JsonObject problems(List<ModelValidator.Problem> problems) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    problems.forEach(p -> list.add(Json.createObjectBuilder().add("file", p.file())
        .add("element", p.element() == null ? jakarta.json.JsonValue.NULL : Json.createValue(p.element())).add("line", p.line())
        .add("message", p.message()).add("text", p.toString())));
    return Json.createObjectBuilder().add("valid", problems.isEmpty()).add("problems", list).build();
  }

  private Response validation(Map<String, byte[]> files) {
    return Response.ok(problems(models.validate(files, models.overDeployed(files), actor())).toString()).build();
  }

  private Response deployment(Map<String, byte[]> files) {
    return deployment(() -> models.deploy(files, actor()));
  }

  private Response deployment(java.util.function.Supplier<ModelAdministration.Deployed> action) {
    try {
      ModelAdministration.Deployed deployed = action.get();
      JsonArrayBuilder impacts = Json.createArrayBuilder();
      deployed.newDefinitions().stream().map(d -> d.substring(0, d.lastIndexOf(':'))).distinct()
          .filter(k -> workflowEngine.processEngine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(k).count() > 0)
          .forEach(k -> impacts.add(impact(ModelImpact.of(workflowEngine.processEngine(), k))));
      return Response.ok(Json.createObjectBuilder().add("deployed", deployed.deploymentId() != null).add("impact", impacts)
          .add("deploymentId", deployed.deploymentId() == null ? jakarta.json.JsonValue.NULL : Json.createValue(deployed.deploymentId()))
          .add("newDefinitions", Json.createArrayBuilder(deployed.newDefinitions()))
          .add("resources", Json.createArrayBuilder(deployed.resources())).build().toString()).build();
    } catch (ModelAdministration.Invalid invalid) {
      return Response.status(Response.Status.BAD_REQUEST).entity(Json.createObjectBuilder(problems(invalid.problems()))
          .add("status", 400).add("message", "nothing deployed: " + invalid.getMessage()).build().toString()).build();
    }
  }

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Inject
  WorkflowEngine workflowEngine;

  static JsonObject impact(ModelImpact.Report report) {
    JsonArrayBuilder versions = Json.createArrayBuilder();
    for (ModelImpact.VersionImpact v : report.runningVersions()) {
      JsonArrayBuilder sitting = Json.createArrayBuilder();
      v.instancesInRemovedOrChanged().forEach((activity, count) -> sitting.add(Json.createObjectBuilder().add("activity", activity)
          .add("instances", count)));
      var removed = Json.createObjectBuilder();
      v.removed().forEach(removed::add);
      var changed = Json.createObjectBuilder();
      v.changed().forEach(changed::add);
      versions.add(Json.createObjectBuilder().add("processDefinitionId", v.processDefinitionId()).add("version", v.version())
          .add("runningInstances", v.runningInstances()).add("added", Json.createArrayBuilder(v.added())).add("removed", removed)
          .add("changed", changed).add("instancesInRemovedOrChanged", sitting));
    }
    return Json.createObjectBuilder().add("key", report.key()).add("newestVersion", report.newestVersion()).add("runningVersions", versions)
        .build();
  }

  /** What the newest version of a process changes for the versions that still run, and how many instances it touches. */
  @GET
  @Path("impact")
  public String impact(@jakarta.ws.rs.QueryParam("key") String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key: the process definition key is required");
    }
    return impact(ModelImpact.of(workflowEngine.processEngine(), key.trim())).toString();
  }

  /** Who validated and deployed what, and when (newest first, at most 200). */
  @GET
  @Path("audit")
  public String audit() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    auditLog.ofType(ModelAdministration.SUBJECT, 200).forEach(r -> list.add(Json.createObjectBuilder().add("at", r.getOccurredAt().toString())
        .add("actor", r.getActor()).add("action", r.getAction()).add("subject", r.getSubjectId())
        .add("detail", r.getDetail() == null ? jakarta.json.JsonValue.NULL : Json.createValue(r.getDetail()))));
    return list.build().toString();
  }

  /** Validates the uploaded files (as they would be deployed); nothing changes. */
  @POST
  @Path("validation")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response validate(List<EntityPart> parts) {
    return validation(files(parts));
  }

  /** Deploys an earlier version's process and forms again as the newest version: {"key", "version"}. */
  @POST
  @Path("rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response rollback(JsonObject body) {
    org.aipo.api.JsonBody.require(body);
    String key = org.aipo.api.JsonBody.string(body, "key");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key: the process definition key is required");
    }
    int version = org.aipo.api.JsonBody.integer(body, "version", null);
    return deployment(() -> models.rollback(key.trim(), version, actor()));
  }

  /** Validates the models built into the application. */
  @GET
  @Path("bundled/validation")
  public Response validateBundled() {
    return validation(ProcessModels.read(servletContext));
  }

  /** Validates and deploys the uploaded files, changed ones only (with their forms); refused as a whole with every problem. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response deploy(List<EntityPart> parts) {
    return deployment(files(parts));
  }

  /** Validates and deploys the models built into the application, changed ones only. */
  @POST
  @Path("bundled")
  public Response deployBundled() {
    return deployment(ProcessModels.read(servletContext));
  }
}
