package org.aipo.scenario;

import org.aipo.api.ApiResource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

/** The programme office starts scenario rounds and follows them (nominations, late units, decisions, objections). */
@RequestScoped
@Path("scenario-rounds")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "leadership", "committee-secretariat", "camunda-admin"})
public class ScenarioRoundResource implements ApiResource {

  @Inject
  ScenarioRounds rounds;

  @Context
  HttpServletRequest http;

  /** {"theme", "nominationDeadline" (ISO 8601 with offset), optional "reviewField", "panelSize"}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedGroups({"programme-office", "camunda-admin"})
  public Response start(JsonObject body) {
    JsonBody.require(body);
    ScenarioRound round = rounds.start(JsonBody.string(body, "theme"), JsonBody.instant(body, "nominationDeadline"),
        JsonBody.string(body, "reviewField"), body.containsKey("panelSize") ? JsonBody.integer(body, "panelSize", null) : null,
        ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED)
        .entity(ScenarioJson.round(round, rounds.scenarios(round.getId()), rounds.objections(round.getId()), rounds.unitNames()).toString()).build();
  }

  @GET
  public String all() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    rounds.all().forEach(r -> list.add(Json.createObjectBuilder().add("id", r.getId()).add("theme", r.getTheme())
        .add("stage", r.getStage().name()).add("nominationDeadline", r.getNominationDeadline().toString())
        .add("version", ScenarioJson.number(r.getVersion()))));
    return list.build().toString();
  }

  @GET
  @Path("{roundId}")
  public String get(@PathParam("roundId") String roundId) {
    ScenarioRound round = rounds.require(roundId);
    return ScenarioJson.round(round, rounds.scenarios(roundId), rounds.objections(roundId), rounds.unitNames()).toString();
  }
}
