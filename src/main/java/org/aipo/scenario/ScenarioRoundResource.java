package org.aipo.scenario;

import jakarta.annotation.security.RolesAllowed;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.aipo.common.DomainException;
import org.aipo.scenario.ScenarioViews.RoundSummary;
import org.aipo.scenario.ScenarioViews.RoundView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programme office starts scenario rounds and follows them (nominations, late units, decisions, objections). */
@RequestScoped
@Path("scenario-rounds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "committee-secretariat", "auditor", "camunda-admin"})
@Tag(name = "scenario-rounds", description = "场景征集轮次 Scenario rounds")
public class ScenarioRoundResource implements ApiResource {

  /** A new round (the domain checks the theme, the field and the panel). */
  @Schema(name = "ScenarioRoundRequest")
  public record StartRequest(@Schema(example = "2027 年人工智能应用场景") String theme,
      @NotNull @Schema(description = "ISO 8601 带时区 with offset", example = "2026-12-01T09:00:00+08:00") String nominationDeadline,
      @Schema(example = "scientific-research") String reviewField, @Schema(example = "5") Integer panelSize) {
  }

  @Inject
  ScenarioRounds rounds;

  @Context
  HttpServletRequest http;

  /** {"theme", "nominationDeadline" (ISO 8601 with offset), optional "reviewField", "panelSize"}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "发起场景征集 Start a scenario round")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StartRequest.class),
      examples = @ExampleObject(name = "round", value = "{\"theme\":\"2027 年人工智能应用场景\",\"nominationDeadline\":\"2026-12-01T09:00:00+08:00\"}")))
  @APIResponse(responseCode = "201", description = "已发起 Started", content = @Content(schema = @Schema(implementation = RoundView.class)))
  public Response start(@Valid @NotNull StartRequest body) {
    java.time.Instant deadline;
    try {
      deadline = OffsetDateTime.parse(body.nominationDeadline()).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.badInput("scenario.deadline-format", "nominationDeadline",
          "nominationDeadline 不是带时区的 ISO 日期时间，例如 2026-12-01T09:00:00+08:00",
          "nominationDeadline is not an ISO date-time with offset, e.g. 2026-12-01T09:00:00+08:00");
    }
    ScenarioRound round = rounds.start(body.theme(), deadline, body.reviewField(), body.panelSize(), ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED)
        .entity(ScenarioViews.round(round, rounds.scenarios(round.getId()), rounds.objections(round.getId()), rounds.unitNames())).build();
  }

  @GET
  @Operation(summary = "场景征集轮次列表 List the scenario rounds")
  @APIResponse(responseCode = "200", description = "轮次 Rounds",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RoundSummary.class)))
  public List<RoundSummary> all() {
    return rounds.all().stream().map(r -> new RoundSummary(r.getId(), r.getTheme(), r.getStage().name(), r.getNominationDeadline(),
        r.getVersion())).toList();
  }

  @GET
  @Path("{roundId}")
  @Operation(summary = "查看场景征集轮次 Read a scenario round")
  @APIResponse(responseCode = "200", description = "轮次 The round", content = @Content(schema = @Schema(implementation = RoundView.class)))
  public RoundView get(@PathParam("roundId") String roundId) {
    ScenarioRound round = rounds.require(roundId);
    return ScenarioViews.round(round, rounds.scenarios(roundId), rounds.objections(roundId), rounds.unitNames());
  }
}
