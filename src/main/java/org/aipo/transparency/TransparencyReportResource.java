package org.aipo.transparency;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.PdfDownload;
import org.aipo.audit.AuditLog;
import org.aipo.call.Calls;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Records for officials and auditors: a proposal's evaluation summary with the experts named, a call's award
 * dossier (PDF or JSON, with each draw replayed when it is made) and the call's archive (ZIP with manifest and
 * checksums). Read-only; every download is audited.
 */
@RequestScoped
@Path("transparency")
@Tag(name = "transparency", description = "评审档案与报告 Records for auditors")
@RolesAllowed({"programme-office", "leadership", "auditor", "committee-secretariat", "camunda-admin"})
public class TransparencyReportResource implements ApiResource {

  @Inject
  EvaluationReports reports;

  @Inject
  CallDossiers dossiers;

  @Inject
  CallArchives archives;

  @Inject
  ReportFonts fonts;

  @Inject
  Calls calls;

  @Inject
  CampaignDossiers campaignDossiers;

  @Inject
  RoundDossiers roundDossiers;

  @Inject
  AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @GET
  @Path("proposals/{id}/report")
  @Operation(summary = "评审意见汇总表（专家实名） A proposal's evaluation summary, experts named",
      description = "format=pdf（默认，内嵌中文字体）或 html。PDF (default, Chinese font embedded) or HTML. 评审有委员会意见之前为 409. 409 before the committee's opinion.")
  @APIResponse(responseCode = "200", description = "PDF 或 HTML PDF or HTML", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING))})
  public Response report(@PathParam("id") String id,
      @Parameter(description = "pdf 或 html", schema = @Schema(enumeration = {"pdf", "html"})) @QueryParam("format") String format) {
    String chosen = ReportDownloads.format(format, List.of("pdf", "html"));
    java.nio.file.Path font = "pdf".equals(chosen) ? fonts.require() : null;
    ReportDocument report = reports.forOfficials(id);
    auditLog.record(caller(), "report.evaluation-summary-read", "proposal", id, "officials' copy, " + chosen);
    return font == null ? ReportDownloads.html(report, "evaluation-summary-" + id + ".html")
        : ReportDownloads.pdf(report, font, "evaluation-summary-" + id + ".pdf");
  }

  @GET
  @Path("calls/{id}/dossier")
  @Operation(summary = "评审档案 A call's award dossier",
      description = "format=pdf（默认）或 json：指南、申报与形式审查、每次抽取（种子、专家库快照、候选与回避理由、此时重算的复核结论）、邀请与声明、评分、"
          + "排序与决定、公示与异议、立项、审计记录。The call, proposals and formal checks, each draw (seed, pool snapshot, candidates "
          + "with avoidance reasons, a replay verdict computed now), invitations and declarations, scores, ranking and decisions, notice and "
          + "objections, awards, audit trail.")
  @APIResponse(responseCode = "200", description = "PDF 或 JSON PDF or JSON", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
  public Response dossier(@PathParam("id") String id,
      @Parameter(description = "pdf 或 json", schema = @Schema(enumeration = {"pdf", "json"})) @QueryParam("format") String format) {
    return dossier(format, "call", id, "dossier-", () -> {
      CallDossiers.Dossier dossier = dossiers.of(id);
      return new Made(dossier.json(), dossier.document());
    });
  }

  @GET
  @Path("spot-check-campaigns/{id}/dossier")
  @Operation(summary = "抽查档案 A spot-check campaign's dossier",
      description = "format=pdf（默认）或 json：抽查规则、随机种子、名录快照、抽取结果、此时重算的复核结论、各项检查与整改、审计记录。"
          + "The rules, the draw's seed, pool snapshot and result, a replay verdict computed now, every inspection and rectification, the audit trail.")
  @APIResponse(responseCode = "200", description = "PDF 或 JSON PDF or JSON", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
  public Response campaignDossier(@PathParam("id") String id,
      @Parameter(description = "pdf 或 json", schema = @Schema(enumeration = {"pdf", "json"})) @QueryParam("format") String format) {
    return dossier(format, "spot-check-campaign", id, "spot-check-dossier-", () -> {
      CampaignDossiers.Dossier dossier = campaignDossiers.of(id, caller());
      return new Made(dossier.json(), dossier.document());
    });
  }

  @GET
  @Path("voucher-rounds/{id}/dossier")
  @Operation(summary = "算力券档案 A voucher round's dossier",
      description = "format=pdf（默认）或 json：批次、资金台账（逐笔，余额与台账合计并列）、每张算力券的金额与决定、审计记录。"
          + "The round, its pool ledger entry by entry (the balance beside the ledger's sum), every voucher's amounts and decisions, the audit trail.")
  @APIResponse(responseCode = "200", description = "PDF 或 JSON PDF or JSON", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
  public Response roundDossier(@PathParam("id") String id,
      @Parameter(description = "pdf 或 json", schema = @Schema(enumeration = {"pdf", "json"})) @QueryParam("format") String format) {
    return dossier(format, "voucher-round", id, "voucher-round-dossier-", () -> {
      RoundDossiers.Dossier dossier = roundDossiers.of(id);
      return new Made(dossier.json(), dossier.document());
    });
  }

  /** A dossier as made: its JSON and its document. */
  private record Made(jakarta.json.JsonObject json, ReportDocument document) {
  }

  /**
   * One dossier read: the format checked first (and, for a PDF, the font), then the dossier made, the reading
   * audited, and the answer as JSON or PDF named {@code stem + id}.
   */
  private Response dossier(String format, String subjectType, String id, String stem, java.util.function.Supplier<Made> make) {
    String chosen = ReportDownloads.format(format, List.of("pdf", "json"));
    java.nio.file.Path font = "pdf".equals(chosen) ? fonts.require() : null;
    Made dossier = make.get();
    auditLog.record(caller(), "report.dossier-read", subjectType, id, chosen);
    if (font == null) {
      return ReportDownloads.file(CallArchives.json(dossier.json()), "application/json", stem + id + ".json");
    }
    return ReportDownloads.pdf(dossier.document(), font, stem + id + ".pdf");
  }

  @GET
  @Path("calls/{id}/archive")
  @Operation(summary = "归档包（ZIP） A call's archive (ZIP)",
      description = "评审档案 PDF 与 JSON、各申报的评审意见汇总表、全部申报材料，以及列明每个文件大小与 SHA-256 的 manifest.json 和 SHA256SUMS；边生成边传输。"
          + "The dossier as PDF and JSON, every evaluation summary, every attachment, and manifest.json and SHA256SUMS with each file's size "
          + "and SHA-256; streamed as it is made.")
  @APIResponse(responseCode = "200", description = "ZIP", content = @Content(mediaType = "application/zip",
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response archive(@PathParam("id") String id) {
    java.nio.file.Path font = fonts.require();
    calls.found(id);
    String actor = caller();
    auditLog.record(actor, "report.archive-exported", "call", id, null);
    StreamingOutput body = out -> archives.write(id, font, out);
    return Response.ok(body, "application/zip")
        .header(HttpHeaders.CONTENT_DISPOSITION, PdfDownload.contentDisposition("archive-" + id + ".zip").replace("inline", "attachment"))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }

}
