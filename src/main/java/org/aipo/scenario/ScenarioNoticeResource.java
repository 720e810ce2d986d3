package org.aipo.scenario;

import org.aipo.api.ApiResource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.common.Objector;
import org.aipo.api.JsonBody;

/**
 * Public, without login: published scenario lists (every version), the scenarios open to calls, draft
 * lists under public notice, and real-name objections to them during the notice window.
 */
/** Public, without login: draft scenario lists under public notice, and real-name objections to them during the window. */
@RequestScoped
@Path("scenario-notices")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioNoticeResource implements ApiResource {

  static final String HOW_TO_OBJECT = "公示期内，任何单位和个人可实名提出异议：写明姓名、联系方式和理由，可针对整个清单或其中某一场景（编号 N…）。"
      + "仅对专家学术判断有异议的不予受理。During the notice anyone may lodge a real-name objection: name, contact and grounds, "
      + "against the whole list or one scenario (its number N…). Disagreement with the experts' academic judgement alone is not a ground.";

  @Inject
  ScenarioRounds rounds;

  /** Draft lists in their notice window, with how to object. */
  @GET
  public String notices() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    rounds.inNotice().forEach(r -> list.add(Json.createObjectBuilder(ScenarioJson.list(r, rounds.scenarios(r.getId()), rounds.unitNames()))
        .add("howToObject", HOW_TO_OBJECT)));
    return list.build().toString();
  }

  /** A real-name objection: name, contact, optional organisation, grounds, optional scenario ("N2"; none: the whole list). */
  @POST
  @Path("{roundId}/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response object(@PathParam("roundId") String roundId, JsonObject body) {
    JsonBody.require(body);
    Objector objector = new Objector(JsonBody.string(body, "name"), JsonBody.string(body, "contact"), JsonBody.string(body, "organisation"));
    ScenarioObjection objection = rounds.lodge(roundId, JsonBody.string(body, "scenario"), objector, JsonBody.string(body, "grounds"));
    return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", objection.getId())
        .add("lodgedAt", objection.getLodgedAt().toString())
        .add("message", "异议已受理，项目办将予以答复。The objection is registered; the programme office will answer it.").build().toString())
        .build();
  }
}
