package org.aipo.models;

import org.aipo.api.ApiResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

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
@AllowedGroups("camunda-admin")
public class MigrationAdminResource implements ApiResource {

  @Inject
  ModelMigration migration;

  @Context
  HttpServletRequest http;

  static ModelMigration.Request request(JsonObject body) {
    JsonBody.require(body);
    Map<String, String> mappings = new LinkedHashMap<>();
    if (body.containsKey("mappings") && !body.isNull("mappings")) {
      for (JsonValue value : JsonBody.list(body, "mappings")) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          throw new IllegalArgumentException("mappings: each mapping is {\"from\": activity id, \"to\": activity id}");
        }
        String from = JsonBody.string(value.asJsonObject(), "from", "mappings.from");
        String to = JsonBody.string(value.asJsonObject(), "to", "mappings.to");
        if (from == null || to == null || from.isBlank() || to.isBlank()) {
          throw new IllegalArgumentException("mappings: each mapping needs \"from\" and \"to\" activity ids");
        }
        mappings.put(from.trim(), to.trim());
      }
    }
    return new ModelMigration.Request(JsonBody.string(body, "key"), JsonBody.integer(body, "fromVersion", null),
        body.containsKey("toVersion") && !body.isNull("toVersion") ? JsonBody.integer(body, "toVersion", null) : null, mappings);
  }

  static JsonObject json(ModelMigration.Outcome outcome) {
    JsonArrayBuilder stay = Json.createArrayBuilder();
    outcome.notMovable().forEach((id, reasons) -> stay.add(Json.createObjectBuilder().add("id", id).add("reasons", Json.createArrayBuilder(reasons))));
    JsonObjectBuilder json = Json.createObjectBuilder().add("source", outcome.sourceDefinitionId()).add("target", outcome.targetDefinitionId())
        .add("instructions", Json.createArrayBuilder(outcome.instructions())).add("movable", Json.createArrayBuilder(outcome.movable()))
        .add("notMovable", stay);
    json.add("batchId", outcome.batchId() == null ? JsonValue.NULL : Json.createValue(outcome.batchId()));
    return json.build();
  }

  /** Which instances would move and which could not, and why; nothing changes. */
  @POST
  @Path("dry-run")
  public String dryRun(JsonObject body) {
    return json(migration.dryRun(request(body), ApiUser.of(http).userId())).toString();
  }

  /** Starts the migration of every instance that can move (a batch); the others stay and are listed. */
  @POST
  public Response migrate(JsonObject body) {
    return Response.status(Response.Status.ACCEPTED).entity(json(migration.execute(request(body), ApiUser.of(http).userId())).toString())
        .build();
  }

  /** The batch's progress and where each instance now runs. */
  @GET
  @Path("{batchId}")
  public String report(@PathParam("batchId") String batchId) {
    Map<String, Object> report = migration.report(batchId);
    JsonObjectBuilder json = Json.createObjectBuilder();
    report.forEach((name, value) -> {
      if (value instanceof Boolean b) {
        json.add(name, b);
      } else if (value instanceof Number n) {
        json.add(name, n.longValue());
      } else if (value instanceof List<?> list) {
        json.add(name, Json.createArrayBuilder(list));
      } else if ("notMovable".equals(name)) {
        json.add(name, Json.createReader(new java.io.StringReader(String.valueOf(value))).readArray());
      } else {
        json.add(name, String.valueOf(value));
      }
    });
    return json.build().toString();
  }
}
