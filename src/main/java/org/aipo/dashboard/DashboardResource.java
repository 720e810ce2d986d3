package org.aipo.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.dashboard.DashboardViews.DashboardView;
import org.aipo.dashboard.DashboardViews.TargetView;
import org.aipo.dashboard.DashboardViews.TargetsRequest;
import org.aipo.dashboard.DashboardViews.TargetsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The programme dashboard for officials (issue 26): targets set by the programme office, achievements counted from
 * the records, by month, field and city. Read by the office, leadership, auditors and administrators; targets set by
 * the office and administrators.
 */
@RequestScoped
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
@Tag(name = "dashboard", description = "目标与成效 Programme dashboard")
public class DashboardResource implements ApiResource {

  @Inject
  Dashboard dashboard;

  @Inject
  Targets targets;

  @Context
  HttpServletRequest http;

  @GET
  @Operation(summary = "目标与成效 Targets and achievements of a year")
  @APIResponse(responseCode = "200", description = "每项指标的目标与成效 Every measure's target and achievement",
      content = @Content(schema = @Schema(implementation = DashboardView.class)))
  public DashboardView read(@Parameter(description = "年份（默认今年，北京时间） Year (default: this year in Beijing)", example = "2026")
      @QueryParam("year") String year) {
    return dashboard.officials(dashboard.year(year));
  }

  @GET
  @Path("targets/{year}")
  @Operation(summary = "查看年度目标 Read a year's targets")
  @APIResponse(responseCode = "200", description = "年度目标 The year's targets", content = @Content(schema = @Schema(implementation = TargetsView.class)))
  public TargetsView targets(@PathParam("year") String year) {
    int y = dashboard.year(year);
    return new TargetsView(y, targets.of(y).stream().map(DashboardResource::view).toList());
  }

  @PUT
  @Path("targets/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "设定年度目标 Set a year's targets (replaces them)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TargetsRequest.class),
      examples = @ExampleObject(name = "targets", value = "{\"targets\":[{\"measure\":\"awardsAnnounced\",\"value\":10},"
          + "{\"measure\":\"awardsAnnounced\",\"field\":\"robotics\",\"value\":4},{\"measure\":\"awardFunds\",\"value\":20000000}]}")))
  @APIResponse(responseCode = "200", description = "设定后的年度目标 The year's targets as set",
      content = @Content(schema = @Schema(implementation = TargetsView.class)))
  public TargetsView setTargets(@PathParam("year") String year, @Valid @NotNull TargetsRequest body) {
    int y = dashboard.year(year);
    return new TargetsView(y, targets.set(y, body.targets().stream().map(l -> new Targets.Line(l.measure(), l.field(), l.value())).toList(),
        ApiUser.of(http).userId()).stream().map(DashboardResource::view).toList());
  }

  static TargetView view(Target target) {
    return new TargetView(target.getMeasure(), target.getField(), target.getValue(), target.getSetBy(), target.getSetAt());
  }
}
