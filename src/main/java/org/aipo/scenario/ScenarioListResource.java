package org.aipo.scenario;

import org.aipo.api.ApiResource;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/**
 * Public, without login: published scenario lists (every version), the scenarios open to calls, draft
 * lists under public notice, and real-name objections to them during the notice window.
 */
/** Public, without login: the published scenario lists, every version (第 n 批). */
@RequestScoped
@Path("scenario-lists")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioListResource implements ApiResource {

  @Inject
  ScenarioRounds rounds;

  /** Published lists, newest first, with how many scenarios each holds. */
  @GET
    public String lists() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ScenarioRound round : rounds.published()) {
      list.add(Json.createObjectBuilder().add("version", round.getVersion()).add("theme", round.getTheme())
          .add("publishedAt", round.getPublishedAt().toString())
          .add("scenarioCount", rounds.scenarios(round.getId()).stream().filter(Scenario::isKept).count()));
    }
    return list.build().toString();
  }

  @GET
  @Path("{version}")
  public String list(@PathParam("version") String version) {
    int number;
    try {
      number = Integer.parseInt(version.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("version: a list version is a number, not '" + version + "'", e);
    }
    ScenarioRound round = rounds.version(number).orElseThrow(() -> new NotFoundException("no published scenario list version " + number));
    return ScenarioJson.list(round, rounds.scenarios(round.getId()), rounds.unitNames()).toString();
  }

}
