package org.aipo.scenario;

import jakarta.annotation.security.PermitAll;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.common.DomainException;
import org.aipo.scenario.ScenarioViews.ListSummary;
import org.aipo.scenario.ScenarioViews.ListView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, without login: the published scenario lists, every version (第 n 批). */
@RequestScoped
@PermitAll
@Path("scenario-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios", description = "应用场景清单 Scenario lists")
public class ScenarioListResource implements ApiResource {

  @Inject
  ScenarioRounds rounds;

  /** Published lists, newest first, with how many scenarios each holds. */
  @GET
  @Operation(summary = "已发布的场景清单 Published scenario lists, newest first")
  @APIResponse(responseCode = "200", description = "清单 Lists",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ListSummary.class)))
  public List<ListSummary> lists() {
    return rounds.published().stream().map(round -> new ListSummary(round.getVersion(), round.getTheme(), round.getPublishedAt(),
        rounds.scenarios(round.getId()).stream().filter(Scenario::isKept).count())).toList();
  }

  @GET
  @Path("{version}")
  @Operation(summary = "某一批场景清单 A published scenario list by version")
  @APIResponse(responseCode = "200", description = "清单 The list", content = @Content(schema = @Schema(implementation = ListView.class)))
  public ListView list(@PathParam("version") String version) {
    int number;
    try {
      number = Integer.parseInt(version.trim());
    } catch (NumberFormatException e) {
      throw DomainException.badInput("scenario-list.version", "version", "清单批次须为数字，而不是 '" + version + "'",
          "version: a list version is a number, not '" + version + "'");
    }
    ScenarioRound round = rounds.version(number).orElseThrow(() -> DomainException.notFound("scenario-list.not-found", null,
        "没有已发布的第 " + number + " 批场景清单", "no published scenario list version " + number));
    return ScenarioViews.list(round, rounds.scenarios(round.getId()), rounds.unitNames());
  }
}
