package org.aipo.scenario;

import org.aipo.api.ApiResource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/**
 * Public, without login: published scenario lists (every version), the scenarios open to calls, draft
 * lists under public notice, and real-name objections to them during the notice window.
 */
/** Public, without login: every listed scenario, what a call for demonstration projects may answer by code. */
@RequestScoped
@Path("scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioCatalogueResource implements ApiResource {

  @Inject
  ScenarioRounds rounds;

  /** Every listed scenario: what a call for demonstration projects may answer, by code. */
  @GET
  public String scenarios() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    rounds.listed().forEach(s -> list.add(ScenarioJson.scenario(s, rounds.scenarios(s.getRoundId()), rounds.unitNames())));
    return list.build().toString();
  }

}
