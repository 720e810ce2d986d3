package org.aipo.supervision;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published spot-check results (一公开): service, firm, date and result; never the inspectors or their notes. No login. */
@RequestScoped
@Path("public/spot-check-results")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "supervision", description = "分级监管与双随机抽查 Tiered supervision and random spot checks")
public class PublicSpotCheckResource implements ApiResource {

  /** A published result. */
  @Schema(name = "SpotCheckPublishedResult")
  public record PublishedResult(String serviceName, String organisationName, String tier,
      @Schema(description = "检查日期 Inspected on") Instant inspectedAt,
      @Schema(description = "PASSED 未发现问题, RECTIFIED 已整改, NOT_RECTIFIED 未整改到位") String result, Instant publishedAt) {

    static PublishedResult of(SpotCheckInspection i) {
      return new PublishedResult(i.getServiceName(), i.getOrganisationName(), i.getTier().name(), i.getInspectedAt(), i.getResult().name(),
          i.getPublishedAt());
    }
  }

  @Inject
  SpotChecks spotChecks;

  @GET
  @Operation(summary = "双随机抽查结果公开 Published spot-check results (public)")
  @APIResponse(responseCode = "200", description = "最新在前 Newest first", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = PublishedResult.class)))
  public List<PublishedResult> results() {
    return spotChecks.published().stream().map(PublishedResult::of).toList();
  }
}
