package org.aipo.transparency;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant's copy of its proposal's evaluation summary: experts as 专家 A, B, C…, never named. Another
 * organisation's proposal is "not found"; before the outcome is published the answer is 409.
 */
@RequestScoped
@jakarta.ws.rs.Path("applicant/proposals/{id}/report")
@Tag(name = "applicant", description = "申报单位 Applicants")
public class ApplicantEvaluationReportResource implements ApiResource {

  @Inject
  EvaluationReports reports;

  @Inject
  ReportFonts fonts;

  @Inject
  Registration registration;

  @Inject
  AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @GET
  @RolesAllowed("applicant")
  @Operation(summary = "评审意见汇总表（专家匿名） The evaluation summary, experts anonymised",
      description = "format=pdf（默认）或 html；结果公示后提供，此前为 409。PDF (default) or HTML; available once the outcome is published, 409 before.")
  @APIResponse(responseCode = "200", description = "PDF 或 HTML PDF or HTML", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING))})
  public Response report(@PathParam("id") String id,
      @Parameter(description = "pdf 或 html", schema = @Schema(enumeration = {"pdf", "html"})) @QueryParam("format") String format) {
    String chosen = ReportDownloads.format(format, List.of("pdf", "html"));
    Path font = "pdf".equals(chosen) ? fonts.require() : null;
    String userId = ApiUser.of(http).userId();
    ReportDocument report = reports.forApplicant(id, registration.organisationOf(userId).getId());
    auditLog.record(userId, "report.evaluation-summary-read", "proposal", id, "applicant's copy, " + chosen);
    return font == null ? ReportDownloads.html(report, "evaluation-summary-" + id + ".html")
        : ReportDownloads.pdf(report, font, "evaluation-summary-" + id + ".pdf");
  }
}
