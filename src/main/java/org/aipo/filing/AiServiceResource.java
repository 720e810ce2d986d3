package org.aipo.filing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.aipo.api.PdfDownload;
import org.aipo.common.DomainException;
import org.aipo.storage.Storage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The register of AI services as officials read it (programme office, leadership, auditors); the programme office
 * changes a service's risk tier with a recorded reason, and the supervision plan follows ({@link ServiceTiered}).
 */
@RequestScoped
@Path("ai-services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
@Tag(name = "ai-services", description = "AI 服务备案与监管 AI-service filing and supervision")
public class AiServiceResource implements ApiResource {

  /** A tier change. */
  @Schema(name = "AiServiceTierChange")
  public record TierRequest(@NotNull @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}, example = "HIGH") String tier,
      @NotBlank @Size(max = 1000) @Schema(example = "抽查发现用户规模已超百万且涉及舆情，调高等级") String reason) {
  }

  @Inject
  AiServices services;

  @Inject
  FilingGuidance guidance;

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @GET
  @Operation(summary = "AI 服务登记册 The register of AI services")
  @APIResponse(responseCode = "200", description = "全部服务 Every service",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AiServiceView.class)))
  public List<AiServiceView> list() {
    return services.all().stream().map(AiServiceView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "查看 AI 服务 Read an AI service")
  @APIResponse(responseCode = "200", description = "服务 The service", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "404", description = "没有该服务 No such service")
  public AiServiceView get(@PathParam("id") String id) {
    return AiServiceView.of(services.found(id));
  }

  @POST
  @Path("{id}/tier")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "调整风险等级（须说明理由）Change a service's risk tier (with a reason)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TierRequest.class),
      examples = @ExampleObject(name = "tier", value = "{\"tier\":\"HIGH\",\"reason\":\"抽查发现用户规模已超百万且涉及舆情，调高等级\"}")))
  @APIResponse(responseCode = "200", description = "已调整 Changed", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "409", description = "已是该等级 In that tier already")
  public AiServiceView changeTier(@PathParam("id") String id, @Valid @NotNull TierRequest body) {
    return AiServiceView.of(services.changeTier(id, tier(body.tier()), body.reason(), ApiUser.of(http).userId()));
  }

  @GET
  @Path("{id}/readiness")
  @Operation(summary = "服务最近一次自评估 A service's latest self-assessment")
  @APIResponse(responseCode = "200", description = "自评估 The self-assessment", content = @Content(schema = @Schema(implementation = FilingViews.ReadinessView.class)))
  @APIResponse(responseCode = "404", description = "尚未提交 None submitted yet")
  public FilingViews.ReadinessView readiness(@PathParam("id") String id) {
    ReadinessAssessment assessment = guidance.latestAssessment(services.found(id).getId()).orElseThrow(() -> DomainException.notFound(
        "ai-service.no-assessment", null, "尚未提交自评估", "no self-assessment submitted yet"));
    return FilingViews.ReadinessView.of(assessment, guidance.checks(assessment));
  }

  @GET
  @Path("{id}/reports")
  @Operation(summary = "服务的评估报告（官员）A service's assessment reports (officials)")
  @APIResponse(responseCode = "200", description = "报告 The reports",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FilingViews.ReportView.class)))
  public List<FilingViews.ReportView> reports(@PathParam("id") String id) {
    return guidance.reports(services.found(id).getId()).stream().map(FilingViews.ReportView::of).toList();
  }

  @GET
  @Path("{id}/reports/{reportId}")
  @Produces("application/pdf")
  @Operation(summary = "打开评估报告 Open an assessment report")
  @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response report(@PathParam("id") String id, @PathParam("reportId") String reportId) {
    ServiceReport report = guidance.report(services.found(id).getId(), reportId);
    Storage.Readable content = guidance.readable(report);
    return PdfDownload.of(content.file(), content::close, report.getFileName(), report.getSha256()).build();
  }

  @GET
  @Path("{id}/history")
  @Operation(summary = "服务的处理记录 A service's record: who did what, when")
  @APIResponse(responseCode = "200", description = "记录 Entries",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FilingViews.HistoryView.class)))
  public List<FilingViews.HistoryView> history(@PathParam("id") String id) {
    return auditLog.forSubject(AiServices.SUBJECT_TYPE, services.found(id).getId()).stream()
        .map(r -> new FilingViews.HistoryView(r.getOccurredAt(), r.getActor(), r.getAction(), r.getDetail())).toList();
  }

  private static AiService.Tier tier(String value) {
    try {
      return AiService.Tier.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("ai-service.tier", "tier", "tier 须为 HIGH、MEDIUM 或 LOW", "tier must be HIGH, MEDIUM or LOW");
    }
  }
}
