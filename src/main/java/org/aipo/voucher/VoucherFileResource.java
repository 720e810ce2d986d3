package org.aipo.voucher;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.PdfDownload;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A voucher's redemption file, opened from the office's verification form in Tasklist (the Tasklist login is
 * enough for reading) or from the portal: the firm's own users and officials read it, everyone else is told it does
 * not exist (404); every download is an audit record.
 */
@RequestScoped
@Path("voucher-files")
// every role may ask; VoucherService decides, and answers 404 to whoever may not read the file
@RolesAllowed({"applicant", "programme-office", "expert", "leadership", "auditor", "committee-secretariat", "nominating-unit", "camunda-admin"})
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class VoucherFileResource implements ApiResource {

  /** One download of a voucher's file. */
  @Schema(name = "VoucherFileReading")
  public record ReadingView(String reader, @Schema(example = "contract contract.pdf (4f1c…), task 12") String detail, Instant at) {
  }

  @Inject
  VoucherService vouchers;

  @Context
  HttpServletRequest http;

  @GET
  @Path("{id}")
  // no @Produces: a link is followed with whatever Accept the browser sends; the answer is application/pdf, or problem+json
  @Operation(summary = "打开兑付材料（PDF） Open a redemption file (PDF)",
      description = "本企业用户与项目办等官员可读，其他人得到 404；每次下载均记入审计。"
          + "The firm's own users and officials read it; anyone else gets 404. Every download is audited.")
  @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response open(@PathParam("id") String id,
      @Parameter(description = "打开文件的任务 The task the file is opened for (recorded)") @QueryParam("task") String task) {
    VoucherFile file = vouchers.readFile(ApiUser.of(http), id, task);
    org.aipo.storage.Storage.Readable content = vouchers.readable(file);
    return PdfDownload.of(content.file(), content::close, file.getFileName(), file.getSha256()).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
  @Operation(summary = "算力券的兑付材料（官员）A voucher's redemption files (officials)")
  @APIResponse(responseCode = "200", description = "文件 The files",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicantVoucherResource.FileView.class)))
  public List<ApplicantVoucherResource.FileView> files(
      @Parameter(description = "算力券 The voucher", required = true) @QueryParam("voucherId") String voucherId) {
    if (voucherId == null || voucherId.isBlank()) {
      throw DomainException.badInput("field.required", "voucherId", "须给出 voucherId", "voucherId is required");
    }
    return vouchers.filesForOfficials(voucherId).stream().map(ApplicantVoucherResource.FileView::of).toList();
  }

  @GET
  @Path("reads")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
  @Operation(summary = "兑付材料下载记录 Who downloaded a voucher's files")
  @APIResponse(responseCode = "200", description = "下载记录 The downloads",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ReadingView.class)))
  public List<ReadingView> readings(@Parameter(description = "算力券 The voucher", required = true) @QueryParam("voucherId") String voucherId) {
    if (voucherId == null || voucherId.isBlank()) {
      throw DomainException.badInput("field.required", "voucherId", "须给出 voucherId", "voucherId is required");
    }
    return vouchers.fileReadings(voucherId).stream().map(r -> new ReadingView(r.reader(), r.detail(), r.at())).toList();
  }
}
