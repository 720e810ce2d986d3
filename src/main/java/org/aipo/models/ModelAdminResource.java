package org.aipo.models;

import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.aipo.platform.ModelValidator;
import org.aipo.platform.ProcessModels;
import org.aipo.platform.WorkflowEngine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administrators validate and deploy models in the running server. Files come as multipart form data (one
 * part per file, its file name relative to {@code processes/}, e.g. {@code forms/score-item.form}), or, on
 * the {@code bundled} paths, from the {@code processes/} folder built into the application.
 */
@RequestScoped
@Path("admin/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("camunda-admin")
@Tag(name = "admin-models", description = "模型管理 Model administration")
public class ModelAdminResource implements ApiResource {

  /** A problem the model rules found. */
  @Schema(name = "ModelProblem")
  public record ProblemView(String file, String element, int line, String message, String text) {
  }

  /** The outcome of a validation: valid, or every problem. */
  @Schema(name = "ModelValidation")
  public record ValidationView(boolean valid, List<ProblemView> problems) {
  }

  /** Instances sitting in an activity that the newest version removes or changes. */
  @Schema(name = "ModelImpactSitting")
  public record SittingView(String activity, long instances) {
  }

  /** A running version compared with the newest. */
  @Schema(name = "ModelVersionImpact")
  public record VersionImpactView(String processDefinitionId, int version, long runningInstances, List<String> added,
      Map<String, String> removed, Map<String, String> changed, List<SittingView> instancesInRemovedOrChanged) {
  }

  /** What the newest version of a process changes for the versions that still run. */
  @Schema(name = "ModelImpact")
  public record ImpactView(String key, int newestVersion, List<VersionImpactView> runningVersions) {
  }

  /** A deployment: what was deployed (only changed models) and its impact on running versions. */
  @Schema(name = "ModelDeployment")
  public record DeploymentView(boolean deployed, List<ImpactView> impact, String deploymentId, List<String> newDefinitions,
      List<String> resources) {
  }

  /** A deployment refused as a whole, with every problem. */
  @Schema(name = "ModelDeploymentRefused")
  public record RefusedView(boolean valid, List<ProblemView> problems, int status, String message) {
  }

  /** An entry of the models' audit trail. */
  @Schema(name = "ModelAuditEntry")
  public record AuditView(Instant at, String actor, String action, String subject, String detail) {
  }

  /** Deploy an earlier version again as the newest. */
  @Schema(name = "ModelRollbackRequest")
  public record RollbackRequest(@NotBlank @Schema(example = "expert-committee-review") String key,
      @NotNull @Schema(example = "1") Integer version) {
  }

  @Inject
  ModelAdministration models;

  @Context
  HttpServletRequest http;

  @Context
  ServletContext servletContext;

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Inject
  WorkflowEngine workflowEngine;

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
        throw DomainException.badInput("models.file-name", "file", name + " 不是 processes/ 下的 .bpmn、.dmn 或 .form 文件名",
            "file: " + name + " is not a .bpmn, .dmn or .form file name relative to processes/");
      }
      try (InputStream in = part.getContent()) {
        if (files.put(name, in.readAllBytes()) != null) {
          throw DomainException.badInput("models.file-twice", "file", name + " 重复上传", "file: " + name + " is sent twice");
        }
      } catch (IOException e) {
        throw DomainException.badInput("models.file-unreadable", "file", name + " 无法读取", "file: " + name + " could not be read");
      }
    }
    if (files.isEmpty()) {
      throw DomainException.badInput("models.no-file", "file", "请至少上传一个模型文件（multipart，每个文件一个部分）",
          "file: send at least one model file (multipart, one part per file)");
    }
    return files;
  }

  static List<ProblemView> problems(List<ModelValidator.Problem> problems) {
    return problems.stream().map(p -> new ProblemView(p.file(), p.element(), p.line(), p.message(), p.toString())).toList();
  }

  private Response validation(Map<String, byte[]> files) {
    List<ProblemView> problems = problems(models.validate(files, models.overDeployed(files), actor()));
    return Response.ok(new ValidationView(problems.isEmpty(), problems)).build();
  }

  private Response deployment(Map<String, byte[]> files) {
    return deployment(() -> models.deploy(files, actor()));
  }

  private Response deployment(java.util.function.Supplier<ModelAdministration.Deployed> action) {
    try {
      ModelAdministration.Deployed deployed = action.get();
      List<ImpactView> impacts = deployed.newDefinitions().stream().map(d -> d.substring(0, d.lastIndexOf(':'))).distinct()
          .filter(k -> workflowEngine.processEngine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(k).count() > 0)
          .map(k -> impact(ModelImpact.of(workflowEngine.processEngine(), k))).toList();
      return Response.ok(new DeploymentView(deployed.deploymentId() != null, impacts, deployed.deploymentId(), deployed.newDefinitions(),
          deployed.resources())).build();
    } catch (ModelAdministration.Invalid invalid) {
      List<ProblemView> problems = problems(invalid.problems());
      return Response.status(Response.Status.BAD_REQUEST).entity(new RefusedView(problems.isEmpty(), problems, 400,
          "nothing deployed: " + invalid.getMessage())).build();
    }
  }

  static ImpactView impact(ModelImpact.Report report) {
    List<VersionImpactView> versions = report.runningVersions().stream().map(v -> new VersionImpactView(v.processDefinitionId(), v.version(),
        v.runningInstances(), v.added(), v.removed(), v.changed(),
        v.instancesInRemovedOrChanged().entrySet().stream().map(e -> new SittingView(e.getKey(), e.getValue())).toList())).toList();
    return new ImpactView(report.key(), report.newestVersion(), versions);
  }

  /** What the newest version of a process changes for the versions that still run, and how many instances it touches. */
  @GET
  @Path("impact")
  @Operation(summary = "新版本影响分析 What the newest version changes for the running versions")
  @APIResponse(responseCode = "200", description = "影响 Impact", content = @Content(schema = @Schema(implementation = ImpactView.class)))
  public ImpactView impact(@jakarta.ws.rs.QueryParam("key") String key) {
    if (key == null || key.isBlank()) {
      throw DomainException.badInput("field.required", "key", "key 为必填项（流程定义的 key）", "key: the process definition key is required");
    }
    return impact(ModelImpact.of(workflowEngine.processEngine(), key.trim()));
  }

  /** Who validated and deployed what, and when (newest first, at most 200). */
  @GET
  @Path("audit")
  @Operation(summary = "模型操作记录 Who validated and deployed what (newest first, at most 200)")
  @APIResponse(responseCode = "200", description = "记录 Entries",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class)))
  public List<AuditView> audit() {
    return auditLog.ofType(ModelAdministration.SUBJECT, 200).stream()
        .map(r -> new AuditView(r.getOccurredAt(), r.getActor(), r.getAction(), r.getSubjectId(), r.getDetail())).toList();
  }

  /** Validates the uploaded files (as they would be deployed); nothing changes. */
  @POST
  @Path("validation")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "校验上传的模型 Validate uploaded models; nothing changes")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
      description = "每个文件一个部分，文件名相对于 processes/ One part per file, its file name relative to processes/",
      properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
          description = "例如 e.g. forms/score-item.form"))))
  @APIResponse(responseCode = "200", description = "校验结果 Validation", content = @Content(schema = @Schema(implementation = ValidationView.class)))
  public Response validate(List<EntityPart> parts) {
    return validation(files(parts));
  }

  /** Deploys an earlier version's process and forms again as the newest version: {"key", "version"}. */
  @POST
  @Path("rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "回滚到早期版本 Deploy an earlier version again as the newest")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RollbackRequest.class),
      examples = @ExampleObject(name = "rollback", value = "{\"key\":\"expert-committee-review\",\"version\":1}")))
  @APIResponse(responseCode = "200", description = "已部署 Deployed", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
  public Response rollback(@Valid @NotNull RollbackRequest body) {
    return deployment(() -> models.rollback(body.key().trim(), body.version(), actor()));
  }

  /** Validates the models built into the application. */
  @GET
  @Path("bundled/validation")
  @Operation(summary = "校验内置模型 Validate the models built into the application")
  @APIResponse(responseCode = "200", description = "校验结果 Validation", content = @Content(schema = @Schema(implementation = ValidationView.class)))
  public Response validateBundled() {
    return validation(ProcessModels.read(servletContext));
  }

  /** Validates and deploys the uploaded files, changed ones only (with their forms); refused as a whole with every problem. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "部署上传的模型 Validate and deploy uploaded models (changed ones only)")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
      description = "每个文件一个部分，文件名相对于 processes/ One part per file, its file name relative to processes/",
      properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
          description = "例如 e.g. expert-committee-review.bpmn"))))
  @APIResponse(responseCode = "200", description = "部署结果 Deployment", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
  public Response deploy(List<EntityPart> parts) {
    return deployment(files(parts));
  }

  /** Validates and deploys the models built into the application, changed ones only. */
  @POST
  @Path("bundled")
  @Operation(summary = "部署内置模型 Validate and deploy the built-in models (changed ones only)")
  @APIResponse(responseCode = "200", description = "部署结果 Deployment", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
  public Response deployBundled() {
    return deployment(ProcessModels.read(servletContext));
  }
}
