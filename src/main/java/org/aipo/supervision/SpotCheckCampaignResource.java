package org.aipo.supervision;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Random spot-check campaigns (双随机、一公开): the programme office starts one (the draw of services per tier and
 * of inspectors with avoidance, from a recorded seed, and one {@code spotCheckInspection} per drawn service);
 * officials and auditors read the stored draw and replay it.
 */
@RequestScoped
@Path("spot-check-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "分级监管与双随机抽查 Tiered supervision and random spot checks")
public class SpotCheckCampaignResource implements ApiResource {

  /** A campaign to start; shares in percent per tier (defaults 30, 10, 3), inspectors per inspection (default 2). */
  @Schema(name = "SpotCheckCampaignRequest")
  public record CampaignRequest(@Schema(example = "2026 年第一批双随机抽查 First spot checks of 2026") String name,
      @Schema(description = "高风险抽取比例（%）Share of high-tier services, percent", example = "30") Integer shareHigh,
      @Schema(description = "中风险抽取比例（%）Share of medium-tier services, percent", example = "10") Integer shareMedium,
      @Schema(description = "低风险抽取比例（%）Share of low-tier services, percent", example = "3") Integer shareLow,
      @Schema(description = "每项检查的检查人员数 Inspectors per inspection", example = "2") Integer inspectorsPerInspection) {
  }

  /** A drawn inspection as officials see it. */
  @Schema(name = "SpotCheckDrawnInspection")
  public record DrawnView(String id, String serviceId, String serviceName, String organisationName, String tier, List<String> inspectors,
      String status, String result) {

    static DrawnView of(SpotCheckInspection i) {
      return new DrawnView(i.getId(), i.getServiceId(), i.getServiceName(), i.getOrganisationName(), i.getTier().name(), i.getInspectors(),
          i.getStatus().name(), i.getResult() == null ? null : i.getResult().name());
    }
  }

  /** A campaign with its recorded draw: seed, pool snapshot (one line per candidate and inspector) and result. */
  @Schema(name = "SpotCheckCampaign")
  public record CampaignView(String id, String name, int shareHigh, int shareMedium, int shareLow, int inspectorsPerInspection, String seed,
      String poolSnapshot, String drawResult, String startedBy, Instant startedAt, List<DrawnView> inspections) {

    static CampaignView of(SpotCheckCampaign c, List<SpotCheckInspection> inspections) {
      SpotCheckDraw.Rules rules = c.rules();
      return new CampaignView(c.getId(), c.getName(), rules.shareHigh(), rules.shareMedium(), rules.shareLow(), rules.inspectorsPerInspection(),
          c.getSeed(), c.getPoolSnapshot(), c.getDrawResult(), c.getStartedBy(), c.getStartedAt(), inspections.stream().map(DrawnView::of).toList());
    }
  }

  /** One inspection of a draw: service, tier, inspectors. */
  @Schema(name = "SpotCheckDrawLine")
  public record DrawLine(String serviceId, String tier, List<String> inspectors) {

    static List<DrawLine> of(List<SpotCheckDraw.Drawn> drawn) {
      return drawn.stream().map(d -> new DrawLine(d.serviceId(), d.tier().name(), d.inspectors())).toList();
    }
  }

  /** A replay: whether the draw recomputed from the stored seed and snapshot equals the stored result. */
  @Schema(name = "SpotCheckReplay")
  public record ReplayView(@Schema(description = "重算结果与存档一致 The replay equals the stored draw") boolean matches,
      @Schema(description = "当前候选池与存档快照一致 Today's pool still equals the snapshot") boolean poolUnchanged, List<DrawLine> stored,
      List<DrawLine> replayed, String problem) {
  }

  @Inject
  SpotChecks spotChecks;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "发起双随机抽查（随机抽取服务与检查人员）Start a random spot-check campaign (draws services and inspectors)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CampaignRequest.class),
      examples = @ExampleObject(name = "campaign", value = "{\"name\":\"2026 年第一批双随机抽查\",\"shareHigh\":30,\"shareMedium\":10,\"shareLow\":3,"
          + "\"inspectorsPerInspection\":2}")))
  @APIResponse(responseCode = "201", description = "已抽取，检查任务已分派 Drawn; the inspections are the drawn inspectors' tasks",
      content = @Content(schema = @Schema(implementation = CampaignView.class)))
  public Response start(@Valid @NotNull CampaignRequest body) {
    SpotChecks.Started started = spotChecks.start(body.name(), body.shareHigh(), body.shareMedium(), body.shareLow(), body.inspectorsPerInspection(),
        ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED).entity(CampaignView.of(started.campaign(), started.inspections())).build();
  }

  @GET
  @RolesAllowed({"programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "抽查活动（含抽取记录）Spot-check campaigns with their recorded draws")
  @APIResponse(responseCode = "200", description = "最新在前 Newest first",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignView.class)))
  public List<CampaignView> campaigns() {
    return spotChecks.campaigns().stream().map(c -> CampaignView.of(c, spotChecks.inspectionsOf(c.getId()))).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "一次抽查活动：种子、候选池快照与抽取结果 One campaign: seed, pool snapshot and draw")
  @APIResponse(responseCode = "200", description = "抽查活动 The campaign", content = @Content(schema = @Schema(implementation = CampaignView.class)))
  public CampaignView campaign(@PathParam("id") String id) {
    return CampaignView.of(spotChecks.campaign(id), spotChecks.inspectionsOf(id));
  }

  @POST
  @Path("{id}/draw/replay")
  @RolesAllowed({"programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "按存档的种子与快照重算抽取并核对 Replay the draw from the stored seed and snapshot and compare")
  @APIResponse(responseCode = "200", description = "核对结果 Whether the replay matches", content = @Content(schema = @Schema(implementation = ReplayView.class)))
  public ReplayView replay(@PathParam("id") String id) {
    SpotChecks.ReplayOutcome outcome = spotChecks.replay(id, ApiUser.of(http).userId());
    return new ReplayView(outcome.replay().matches(), outcome.poolUnchanged(), DrawLine.of(outcome.replay().stored()),
        DrawLine.of(outcome.replay().replayed()), outcome.replay().problem());
  }
}
