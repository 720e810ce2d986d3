package org.aipo.scenario;

import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.common.Objector;
import org.aipo.scenario.ScenarioViews.NoticeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public, without login: draft scenario lists under public notice, and real-name objections to them during the window. */
@RequestScoped
@PermitAll
@Path("scenario-notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios", description = "应用场景清单 Scenario lists")
public class ScenarioNoticeResource implements ApiResource {

  static final String HOW_TO_OBJECT = "公示期内，任何单位和个人可实名提出异议：写明姓名、联系方式和理由，可针对整个清单或其中某一场景（编号 N…）。"
      + "仅对专家学术判断有异议的不予受理。During the notice anyone may lodge a real-name objection: name, contact and grounds, "
      + "against the whole list or one scenario (its number N…). Disagreement with the experts' academic judgement alone is not a ground.";

  /** A real-name objection (the domain checks each field: name, contact and grounds are required). */
  @Schema(name = "ScenarioObjectionRequest")
  public record ObjectionRequest(@Schema(example = "张三") String name, @Schema(example = "13800000000") String contact,
      String organisation, @Schema(example = "该场景涉及个人信息，数据来源不明。") String grounds,
      @Schema(description = "场景编号；不填则针对整个清单 The scenario's number; none: the whole list", example = "N2") String scenario) {
  }

  /** The registered objection. */
  @Schema(name = "ScenarioObjectionLodged")
  public record Lodged(String id, Instant lodgedAt, String message) {
  }

  @Inject
  ScenarioRounds rounds;

  /** Draft lists in their notice window, with how to object. */
  @GET
  @Operation(summary = "公示中的场景清单 Draft scenario lists under public notice")
  @APIResponse(responseCode = "200", description = "公示 Notices",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeView.class)))
  public List<NoticeView> notices() {
    return rounds.inNotice().stream().map(r -> ScenarioViews.notice(r, rounds.scenarios(r.getId()), rounds.unitNames(), HOW_TO_OBJECT)).toList();
  }

  /** A real-name objection: name, contact, optional organisation, grounds, optional scenario ("N2"; none: the whole list). */
  @POST
  @Path("{roundId}/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "实名提出异议 Lodge a real-name objection during the notice")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ObjectionRequest.class),
      examples = @ExampleObject(name = "objection", value = "{\"name\":\"张三\",\"contact\":\"13800000000\",\"grounds\":\"该场景数据来源不明。\",\"scenario\":\"N2\"}")))
  @APIResponse(responseCode = "201", description = "已受理 Registered", content = @Content(schema = @Schema(implementation = Lodged.class)))
  public Response object(@PathParam("roundId") String roundId, @Valid @NotNull ObjectionRequest body) {
    Objector objector = new Objector(body.name(), body.contact(), body.organisation());
    ScenarioObjection objection = rounds.lodge(roundId, body.scenario(), objector, body.grounds());
    return Response.status(Response.Status.CREATED).entity(new Lodged(objection.getId(), objection.getLodgedAt(),
        "异议已受理，项目办将予以答复。The objection is registered; the programme office will answer it.")).build();
  }
}
