package org.aipo.scenario;

import jakarta.annotation.security.PermitAll;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.scenario.ScenarioViews.ScenarioView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, without login: every listed scenario, what a call for demonstration projects may answer by code. */
@RequestScoped
@PermitAll
@Path("scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios", description = "应用场景清单 Scenario lists")
public class ScenarioCatalogueResource implements ApiResource {

  @Inject
  ScenarioRounds rounds;

  /** Every listed scenario: what a call for demonstration projects may answer, by code. */
  @GET
  @Operation(summary = "已入清单的场景 Every listed scenario")
  @APIResponse(responseCode = "200", description = "场景 Scenarios",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ScenarioView.class)))
  public List<ScenarioView> scenarios() {
    return rounds.listed().stream().map(s -> ScenarioViews.scenario(s, rounds.scenarios(s.getRoundId()), rounds.unitNames())).toList();
  }
}
