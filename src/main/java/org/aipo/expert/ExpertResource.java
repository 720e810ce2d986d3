package org.aipo.expert;

import org.aipo.api.ApiResource;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.expert.PoolMember.Relationship.Kind;
import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

/**
 * The expert pool for the committee secretariat and administrators: list, add one, import a CSV file
 * (all rows or none, with every problem reported by row and column).
 */
@RequestScoped
@Path("experts")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"committee-secretariat", "camunda-admin"})
public class ExpertResource implements ApiResource {

  static final int MAX_CSV_CHARS = 2_000_000;

  @Inject
  ExpertPool pool;

  @Context
  HttpServletRequest request;

  private String actor() {
    return ApiUser.of(request).userId();
  }

  @GET
  public String list() {
    JsonArrayBuilder experts = Json.createArrayBuilder();
    pool.all().forEach(e -> experts.add(toJson(e)));
    return experts.build().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(JsonObject body) {
    JsonBody.require(body);
    Set<String> fields = JsonBody.strings(body, "fields");
    Expert expert = new Expert(JsonBody.requiredString(body, "userId"), JsonBody.requiredString(body, "name"),
        JsonBody.requiredString(body, "organisation"), fields);
    JsonValue relationships = body.get("relationships");
    if (relationships != null && relationships.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue value : relationships.asJsonArray()) {
        JsonObject relationship = value.asJsonObject();
        String kind = JsonBody.requiredString(relationship, "kind");
        try {
          expert.declare(new DeclaredRelationship(JsonBody.requiredString(relationship, "organisation"), Kind.valueOf(kind)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(e.getMessage() != null && e.getMessage().startsWith("relationship")
              ? e.getMessage() : "relationships: kind must be RECENT_COLLABORATOR, RELATIVE or RELATED_COMPANY, not " + kind, e);
        }
      }
    }
    Expert added = pool.add(expert, actor());
    return Response.status(Response.Status.CREATED).entity(toJson(added).toString()).build();
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response importCsv(String content) {
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("file: the CSV file is empty");
    }
    if (content.length() > MAX_CSV_CHARS) {
      throw new IllegalArgumentException("file: larger than " + MAX_CSV_CHARS + " characters");
    }
    ExpertCsv.Result csv = ExpertCsv.read(content);
    if (!csv.ok()) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      for (ExpertCsv.RowError error : csv.errors()) {
        errors.add(Json.createObjectBuilder().add("row", error.row())
            .add("column", error.column() == null ? JsonValue.NULL : Json.createValue(error.column()))
            .add("message", error.message()));
      }
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(Json.createObjectBuilder().add("status", 400).add("field", "file")
              .add("message", "the file has " + csv.errors().size() + " problem(s); nothing was imported")
              .add("errors", errors).build().toString()).build();
    }
    int imported = pool.importAll(csv, actor());
    return Response.ok(Json.createObjectBuilder().add("imported", imported).build().toString()).build();
  }

  static JsonObject toJson(Expert expert) {
    JsonArrayBuilder relationships = Json.createArrayBuilder();
    expert.getRelationships().forEach(r -> relationships.add(Json.createObjectBuilder()
        .add("organisation", r.getOrganisation()).add("kind", r.getKind().name())));
    return Json.createObjectBuilder()
        .add("id", expert.getId())
        .add("userId", expert.getUserId())
        .add("name", expert.getName())
        .add("organisation", expert.getOrganisation())
        .add("fields", Json.createArrayBuilder(expert.getFields()))
        .add("relationships", relationships)
        .add("active", expert.isActive())
        .build();
  }
}
