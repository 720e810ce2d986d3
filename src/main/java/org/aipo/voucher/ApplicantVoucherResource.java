package org.aipo.voucher;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.PdfFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A firm's compute vouchers (算力券): apply, follow the status, submit the redemption, see what was paid and
 * why. A firm only ever sees its own organisation's vouchers (another's answer 404).
 */
@RequestScoped
@Path("applicant/vouchers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("applicant")
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class ApplicantVoucherResource implements ApiResource {

  /** An application for a voucher. */
  @Schema(name = "VoucherApplication")
  public record ApplicationRequest(String roundId, @Schema(description = "服务商目录中的服务商 A listed supplier") String supplierId,
      @Schema(description = "TRAINING or INFERENCE", example = "TRAINING") String use,
      @Schema(example = "示例行业大模型 7B") String model,
      @Schema(description = "模型的备案号（批次要求已备案时必填）The model's filing number (required when the round requires a filed model)",
          example = "Beijing-ExampleChat-20240315S0001") String modelFilingNumber,
      @Schema(description = "计划 GPU 卡时 Planned GPU-hours", example = "20000") BigDecimal gpuHours,
      @Schema(description = "small, medium or large", example = "medium") String clusterScale,
      @Schema(description = "none, filed (model filed) or leading", example = "filed") String achievementLevel,
      @Schema(description = "预计合同额（元）Expected contract value (yuan)", example = "600000") BigDecimal expectedValue,
      @Schema(description = "本单位法定代表人（关联方核查）The applicant's legal representative (related-party check)", example = "王明") String legalRepresentative,
      @Schema(description = "本单位股东（关联方核查）The applicant's shareholders") List<String> shareholders,
      @Schema(description = "申报的关联单位统一社会信用代码 Declared related organisations' credit codes") List<String> relatedCreditCodes) {
  }

  /** An invoice. */
  @Schema(name = "VoucherInvoice")
  public record InvoiceRequest(@Schema(example = "INV-2027-0001") String number, @Schema(example = "300000") BigDecimal amount) {
  }

  /** A usage record. */
  @Schema(name = "VoucherUsage")
  public record UsageRequest(@Schema(example = "2027-05") String period, @Schema(example = "10000") BigDecimal gpuHours,
      @Schema(description = "该期用量按合同价的金额（元）The period's usage at the contract price (yuan)", example = "300000") BigDecimal value) {
  }

  /** A redemption: contract, invoices and usage records. */
  @Schema(name = "VoucherRedemption")
  public record RedemptionRequest(@Schema(example = "HT-2027-0001") String contractNumber, @Schema(example = "600000") BigDecimal contractValue,
      List<InvoiceRequest> invoices, List<UsageRequest> usage) {
  }

  /** A voucher as its firm sees it. */
  @Schema(name = "Voucher")
  public record VoucherView(String id, String number, String roundId, String supplierId, String supplierName, String status, String use, String model,
      BigDecimal gpuHours, String clusterScale, String achievementLevel, BigDecimal expectedValue,
      @Schema(description = "补贴比例 Share of the contract value") BigDecimal share, BigDecimal capPerContract,
      @Schema(description = "券额（预留额）The voucher's amount (reserved on approval)") BigDecimal amount,
      @Schema(description = "适用的补贴规则 The subsidy rule applied") String ruleReason, Instant appliedAt, Instant issuedAt, Instant expiresAt,
      String contractNumber, BigDecimal claimedValue, BigDecimal verifiedValue, BigDecimal paid,
      @Schema(description = "兑付后退回资金池的差额 What went back to the pool on redemption") BigDecimal returnedToPool,
      @Schema(description = "项目办意见 The office's comment") String decisionNote) {
  }

  /** A redemption file as its firm sees it. */
  @Schema(name = "VoucherFile")
  public record FileView(String id, @Schema(enumeration = {"contract", "invoice", "usage"}) String kind, String fileName, long size,
      @Schema(description = "存档原件的 SHA-256 The SHA-256 of the stored original") String sha256, Instant uploadedAt,
      @Schema(example = "/api/voucher-files/4f1c…") String url) {

    static FileView of(VoucherFile f) {
      return new FileView(f.getId(), f.getKind().code(), f.getFileName(), f.getSize(), f.getSha256(), f.getUploadedAt(), f.url());
    }
  }

  @Inject
  VoucherService vouchers;

  @Inject
  org.aipo.storage.Storage storage;

  @Inject
  org.aipo.storage.UploadLimits uploadLimits;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "申请算力券 Apply for a compute voucher")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApplicationRequest.class),
      examples = @ExampleObject(name = "application", value = "{\"roundId\":\"...\",\"supplierId\":\"...\",\"use\":\"TRAINING\",\"model\":\"示例行业大模型 7B\","
          + "\"gpuHours\":20000,\"clusterScale\":\"medium\",\"achievementLevel\":\"filed\",\"expectedValue\":600000,\"legalRepresentative\":\"王明\","
          + "\"shareholders\":[\"王明\"],\"relatedCreditCodes\":[]}")))
  @APIResponse(responseCode = "201", description = "已受理，待审核 Accepted for review", content = @Content(schema = @Schema(implementation = VoucherView.class)))
  public Response apply(@Valid @NotNull ApplicationRequest body) {
    Voucher voucher = vouchers.apply(caller(), new VoucherService.Application(body.roundId(), body.supplierId(), body.use(), body.model(), body.gpuHours(),
        body.clusterScale(), body.achievementLevel(), body.expectedValue(), body.legalRepresentative(), body.shareholders(), body.relatedCreditCodes(),
        body.modelFilingNumber()));
    return Response.status(Response.Status.CREATED).entity(view(voucher)).build();
  }

  @GET
  @Operation(summary = "本单位的算力券 The caller's organisation's vouchers")
  @APIResponse(responseCode = "200", description = "本单位的券 Own vouchers", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VoucherView.class)))
  public List<VoucherView> list() {
    return vouchers.vouchersOf(caller()).stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "查看算力券 Read a voucher")
  @APIResponse(responseCode = "200", description = "算力券 The voucher", content = @Content(schema = @Schema(implementation = VoucherView.class)))
  public VoucherView get(@PathParam("id") String id) {
    return view(vouchers.ownVoucher(caller(), id));
  }

  @POST
  @Path("{id}/redemption")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交兑付：合同、发票与用量 Redeem: contract, invoices and usage")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RedemptionRequest.class),
      examples = @ExampleObject(name = "redemption", value = "{\"contractNumber\":\"HT-2027-0001\",\"contractValue\":600000,"
          + "\"invoices\":[{\"number\":\"INV-2027-0001\",\"amount\":300000}],\"usage\":[{\"period\":\"2027-05\",\"gpuHours\":10000,\"value\":300000}]}")))
  @APIResponse(responseCode = "200", description = "已提交，待项目办核验 Submitted; the office verifies",
      content = @Content(schema = @Schema(implementation = VoucherView.class)))
  @APIResponse(responseCode = "400", description = "须先上传合同与至少一张发票的 PDF（voucher.file-missing），或数据不符 "
      + "The contract and at least one invoice must be uploaded as PDFs first (voucher.file-missing), or the data do not add up")
  @APIResponse(responseCode = "409", description = "合同或发票号已兑付过，或券不可兑付 A contract or invoice number was redeemed before, or the voucher cannot be redeemed")
  public VoucherView redeem(@PathParam("id") String id, @Valid @NotNull RedemptionRequest body) {
    List<VoucherService.Invoice> invoices = body.invoices() == null ? null
        : body.invoices().stream().map(i -> i == null ? null : new VoucherService.Invoice(i.number(), i.amount())).toList();
    List<VoucherService.Usage> usage = body.usage() == null ? null
        : body.usage().stream().map(u -> u == null ? null : new VoucherService.Usage(u.period(), u.gpuHours(), u.value())).toList();
    return view(vouchers.submitRedemption(caller(), id, body.contractNumber(), body.contractValue(), invoices, usage));
  }

  /**
   * Uploads a redemption file: the raw PDF as the body, its name and kind in the query. Refused with a 4xx naming
   * the file when it is not a readable, unencrypted PDF or larger than 10 MB.
   */
  @POST
  @Path("{id}/files")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "上传兑付材料（PDF）：合同、发票、用量记录 Upload a redemption file (PDF): contract, invoice, usage record")
  @RequestBody(required = true, content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "201", description = "已上传 Stored", content = @Content(schema = @Schema(implementation = FileView.class)))
  @APIResponse(responseCode = "400", description = "不是可读的未加密 PDF Not a readable, unencrypted PDF")
  @APIResponse(responseCode = "413", description = "文件超过 10 MB Larger than 10 MB")
  @APIResponse(responseCode = "429", description = "同时上传过多，请按 Retry-After 稍后重试 Too many uploads at once; retry after Retry-After")
  public Response upload(@PathParam("id") String id,
      @Parameter(description = "文件名 The file's name", example = "contract.pdf") @QueryParam("name") String name,
      @Parameter(description = "材料类型 The kind of file", schema = @Schema(enumeration = {"contract", "invoice", "usage"})) @QueryParam("kind") String kind,
      InputStream body) throws IOException {
    if (http.getContentLengthLong() > VoucherFile.MAX_BYTES) {
      throw PdfFile.tooLarge(name, VoucherFile.MAX_BYTES);
    }
    String user = caller();
    // streamed to a spool file (size limit, SHA-256) before the transaction that stores it, within the upload limits
    try (org.aipo.storage.UploadLimits.Permit permit = uploadLimits.enter(user);
        org.aipo.storage.Spool upload = storage.receive(body, VoucherFile.MAX_BYTES, () -> PdfFile.tooLarge(name, VoucherFile.MAX_BYTES))) {
      VoucherFile file = vouchers.uploadFile(user, id, kind, name, upload);
      return Response.status(Response.Status.CREATED).entity(FileView.of(file)).build();
    }
  }

  @GET
  @Path("{id}/files")
  @Operation(summary = "券的兑付材料 A voucher's redemption files")
  @APIResponse(responseCode = "200", description = "文件 The files", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FileView.class)))
  public List<FileView> files(@PathParam("id") String id) {
    return vouchers.ownFiles(caller(), id).stream().map(FileView::of).toList();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }

  private VoucherView view(Voucher v) {
    String supplierName = vouchers.supplier(v.getSupplierId()).map(ComputeSupplier::getName).orElse(null);
    return new VoucherView(v.getId(), v.getNumber(), v.getRoundId(), v.getSupplierId(), supplierName, v.getStatus().name(), v.getUse().name(), v.getModel(),
        v.getGpuHours(), v.getClusterScale(), v.getAchievementLevel(), v.getExpectedValue(), v.getShare(), v.getCapPerContract(), v.getAmount(),
        v.getRuleReason(), v.getAppliedAt(), v.getIssuedAt(), v.getExpiresAt(), v.getContractNumber(), v.getClaimedValue(), v.getVerifiedValue(),
        v.getPaid(), v.getPaid() == null ? null : v.getAmount().subtract(v.getPaid()), v.getDecisionNote());
  }
}
