package org.aipo.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.dashboard.DashboardViews.DashboardView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published figures for everyone (no login): lists published, awards announced, spot-check results published. */
@RequestScoped
@Path("public/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "dashboard", description = "目标与成效 Programme dashboard")
public class PublicDashboardResource implements ApiResource {

  @Inject
  Dashboard dashboard;

  @GET
  @Operation(summary = "公开数据 Published figures of a year")
  @APIResponse(responseCode = "200", description = "已公开事项的统计，无目标 Figures of published records only, no targets",
      content = @Content(schema = @Schema(implementation = DashboardView.class)))
  public DashboardView read(@Parameter(description = "年份（默认今年，北京时间） Year (default: this year in Beijing)", example = "2026")
      @QueryParam("year") String year) {
    return dashboard.published(dashboard.year(year));
  }
}
