package org.aipo.models;

import jakarta.annotation.security.RolesAllowed;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
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
 * Administrators migrate running instances to another version: {@code {"key", "fromVersion", "toVersion"
 * (default: newest), "mappings": [{"from": activity, "to": activity}]}} — the mappings usually come from a
 * file ({@code curl --data @plan.json}). {@code dry-run} changes nothing; the migration itself starts a
 * batch for the instances that can move and lists those that stay.
 */
@RequestScoped
@Path("admin/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("camunda-admin")
@Tag(name = "admin-models", description = "模型管理 Model administration")
public class MigrationAdminResource implements ApiResource {

  /** An explicit activity mapping, from the running version's activity to the target's. */
  @Schema(name = "MigrationMapping")
  public record Mapping(@NotBlank @Schema(example = "scoreItem") String from, @NotBlank @Schema(example = "scoreProposal") String to) {
  }

  /** Which instances to move: the key, the source version, the target (default: newest), explicit mappings. */
  @Schema(name = "MigrationRequest")
  public record MigrationRequest(@NotBlank @Schema(example = "expert-committee-review") String key,
      @NotNull @Schema(example = "1") Integer fromVersion, @Schema(description = "默认最新版本 default: the newest") Integer toVersion,
      List<@Valid @NotNull Mapping> mappings) {
  }

  /** An instance that cannot move, with the reasons. */
  @Schema(name = "MigrationNotMovable")
  public record NotMovable(String id, List<String> reasons) {
  }

  /** The plan and which instances move (or would move). */
  @Schema(name = "MigrationOutcome")
  public record Outcome(String source, String target, List<String> instructions, List<String> movable, List<NotMovable> notMovable,
      String batchId) {
  }

  /** The progress of a migration batch. */
  @Schema(name = "MigrationReport")
  public record Report(boolean finished, long remainingJobs, long failedJobs, String source, String target, List<String> moved,
      List<String> notYetMoved, List<NotMovable> notMovable, String startedBy, String startedAt) {
  }

  private static final String EXAMPLE = "{\"key\":\"expert-committee-review\",\"fromVersion\":1,\"mappings\":[{\"from\":\"scoreItem\",\"to\":\"scoreProposal\"}]}";

  @Inject
  ModelMigration migration;

  @Context
  HttpServletRequest http;

  static ModelMigration.Request request(MigrationRequest body) {
    Map<String, String> mappings = new LinkedHashMap<>();
    if (body.mappings() != null) {
      body.mappings().forEach(m -> mappings.put(m.from().trim(), m.to().trim()));
    }
    return new ModelMigration.Request(body.key(), body.fromVersion(), body.toVersion(), mappings);
  }

  static Outcome view(ModelMigration.Outcome outcome) {
    List<NotMovable> stay = outcome.notMovable().entrySet().stream().map(e -> new NotMovable(e.getKey(), List.copyOf(e.getValue()))).toList();
    return new Outcome(outcome.sourceDefinitionId(), outcome.targetDefinitionId(), outcome.instructions(), outcome.movable(), stay,
        outcome.batchId());
  }

  /** Which instances would move and which could not, and why; nothing changes. */
  @POST
  @Path("dry-run")
  @Operation(summary = "迁移试运行 Dry run of a migration: what would move, what would stay and why")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MigrationRequest.class),
      examples = @ExampleObject(name = "migration", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "试运行结果 The dry run", content = @Content(schema = @Schema(implementation = Outcome.class)))
  public Outcome dryRun(@Valid @NotNull MigrationRequest body) {
    return view(migration.dryRun(request(body), ApiUser.of(http).userId()));
  }

  /** Starts the migration of every instance that can move (a batch); the others stay and are listed. */
  @POST
  @Operation(summary = "迁移流程实例 Migrate the instances that can move (a batch)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MigrationRequest.class),
      examples = @ExampleObject(name = "migration", value = EXAMPLE)))
  @APIResponse(responseCode = "202", description = "已开始 Started", content = @Content(schema = @Schema(implementation = Outcome.class)))
  public Response migrate(@Valid @NotNull MigrationRequest body) {
    return Response.status(Response.Status.ACCEPTED).entity(view(migration.execute(request(body), ApiUser.of(http).userId()))).build();
  }

  /** The batch's progress and where each instance now runs. */
  @GET
  @Path("{batchId}")
  @Operation(summary = "迁移进度 The progress of a migration batch")
  @APIResponse(responseCode = "200", description = "进度 Progress", content = @Content(schema = @Schema(implementation = Report.class)))
  @SuppressWarnings("unchecked")
  public Report report(@PathParam("batchId") String batchId) {
    Map<String, Object> report = migration.report(batchId);
    List<NotMovable> notMovable = new java.util.ArrayList<>();
    Object stored = report.get("notMovable");
    if (stored != null) {
      for (JsonValue value : Json.createReader(new StringReader(String.valueOf(stored))).readArray()) {
        JsonObject o = value.asJsonObject();
        notMovable.add(new NotMovable(o.getString("id"), o.getJsonArray("reasons").getValuesAs(JsonString::getString)));
      }
    }
    return new Report(Boolean.TRUE.equals(report.get("finished")), ((Number) report.get("remainingJobs")).longValue(),
        ((Number) report.get("failedJobs")).longValue(), (String) report.get("source"), (String) report.get("target"),
        (List<String>) report.get("moved"), (List<String>) report.get("notYetMoved"), notMovable, (String) report.get("startedBy"),
        (String) report.get("startedAt"));
  }
}
