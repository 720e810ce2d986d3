package org.aipo.filing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.aipo.common.PdfFile;
import org.aipo.storage.Spool;
import org.aipo.storage.Storage;
import org.aipo.storage.UploadLimits;
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
 * A firm's AI services in the register (programme 5, steps 1–2): register one (the rules give the filing route and
 * risk tier), list and read them, correct the facts before filing, withdraw one. A firm only ever sees its own
 * organisation's services (another's answer 404).
 */
@RequestScoped
@Path("applicant/ai-services")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("applicant")
@Tag(name = "ai-services", description = "AI 服务备案与监管 AI-service filing and supervision")
public class ApplicantAiServiceResource implements ApiResource {

  static final String EXAMPLE = "{\"name\":\"政务问答助手\",\"purpose\":\"为市民解答办事指南问题\",\"usersReached\":200000,\"publicFacing\":true,"
      + "\"publicOpinion\":true,\"mobilisation\":false,\"fields\":[\"digital-government\"],\"personalData\":[\"手机号\"],\"startedOn\":\"2027-03-01\","
      + "\"models\":[{\"modelName\":\"示例通用大模型\",\"provider\":\"示例模型公司\",\"ownModel\":false,\"filingNumber\":\"Beijing-ExampleChat-20240315S0001\"}]}";

  /** A model the service uses. */
  @Schema(name = "AiServiceModelRequest")
  public record ModelRequest(@NotBlank @Size(max = 200) @Schema(example = "示例通用大模型") String modelName,
      @NotBlank @Size(max = 200) @Schema(example = "示例模型公司") String provider,
      @NotNull @Schema(description = "本单位自有（自研或微调）模型 The firm's own model (built or fine-tuned)") Boolean ownModel,
      @Size(max = 64) @Schema(description = "第三方模型的备案号 The third party's filing number", example = "Beijing-ExampleChat-20240315S0001") String filingNumber) {
  }

  /** An AI service's facts, as the firm states them. */
  @Schema(name = "AiServiceRequest")
  public record ServiceRequest(@NotBlank @Size(max = 200) @Schema(example = "政务问答助手") String name,
      @NotBlank @Size(max = 2000) String purpose,
      @NotNull @PositiveOrZero @Max(2_000_000_000L) @Schema(description = "覆盖用户数 Users reached", example = "200000") Long usersReached,
      @NotNull @Schema(description = "面向境内公众提供 Offered to the public") Boolean publicFacing,
      @NotNull @Schema(description = "具有舆论属性 Has public-opinion attributes") Boolean publicOpinion,
      @NotNull @Schema(description = "具有社会动员能力 Has social-mobilisation capability") Boolean mobilisation,
      @NotEmpty @Size(max = AiServices.MAX_ITEMS) @Schema(description = "应用领域代码 Field codes", example = "[\"digital-government\"]") List<String> fields,
      @Size(max = AiServices.MAX_ITEMS) @Schema(description = "处理的个人信息种类（无则为空）Kinds of personal data processed (empty: none)") List<String> personalData,
      @Schema(description = "上线日期（算法备案期限自此起算）The day the service starts (the algorithm-filing deadline counts from it)",
          example = "2027-03-01") LocalDate startedOn,
      @NotEmpty @Size(max = AiServices.MAX_ITEMS) List<@Valid @NotNull ModelRequest> models) {

    AiService.ServiceFacts facts() {
      return new AiService.ServiceFacts(name, purpose, usersReached, publicFacing, publicOpinion, mobilisation, fields,
          personalData == null ? List.of() : personalData, startedOn,
          models.stream().map(m -> new ServiceModel(m.modelName(), m.provider(), m.ownModel(), m.filingNumber())).toList());
    }
  }

  /** Why the firm withdraws a service. */
  @Schema(name = "AiServiceWithdrawal")
  public record WithdrawalRequest(@NotBlank @Size(max = 1000) @Schema(example = "该服务已停止运营") String reason) {
  }

  static final String READINESS_EXAMPLE = "{\"contentBank\":2400,\"contentSampled\":1200,\"contentAcceptablePct\":93.5,\"refuseBank\":600,"
      + "\"refuseSampled\":320,\"refusalPct\":96.2,\"answerBank\":600,\"answerSampled\":320,\"wrongRefusalPct\":3.1,\"keywords\":12000,"
      + "\"note\":\"测试题库按 TC260-003 附录构建\"}";

  /**
   * The firm's readiness self-assessment against TC260-003 (percentages 0–100); the corpus figures are asked only of
   * a service on its own model (route ALGORITHM_THEN_LARGE_MODEL).
   */
  @Schema(name = "ReadinessRequest")
  public record ReadinessRequest(
      @PositiveOrZero @Schema(description = "语料人工抽检条数 Corpus items sampled and checked by hand (own model only)", example = "4200") Integer corpusSampled,
      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "语料合格率 % (own model only)", example = "97.5") BigDecimal corpusAcceptablePct,
      @NotNull @PositiveOrZero @Schema(description = "生成内容测试题库题数 Generated-content test bank", example = "2400") Integer contentBank,
      @NotNull @PositiveOrZero @Schema(description = "生成内容抽检题数 Generated-content sample", example = "1200") Integer contentSampled,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "生成内容合格率 %", example = "93.5") BigDecimal contentAcceptablePct,
      @NotNull @PositiveOrZero @Schema(description = "应拒答题库题数 Should-refuse bank", example = "600") Integer refuseBank,
      @NotNull @PositiveOrZero @Schema(description = "应拒答抽检题数 Should-refuse sample", example = "320") Integer refuseSampled,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "应拒答题拒答率 %", example = "96.2") BigDecimal refusalPct,
      @NotNull @PositiveOrZero @Schema(description = "非拒答题库题数 Should-not-refuse bank", example = "600") Integer answerBank,
      @NotNull @PositiveOrZero @Schema(description = "非拒答抽检题数 Should-not-refuse sample", example = "320") Integer answerSampled,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "非拒答题拒答率 %", example = "3.1") BigDecimal wrongRefusalPct,
      @NotNull @PositiveOrZero @Schema(description = "关键词库条数 Keyword list entries", example = "12000") Integer keywords,
      @Size(max = 2000) @Schema(description = "说明 Note") String note) {

    Readiness.Figures figures() {
      return new Readiness.Figures(corpusSampled, corpusAcceptablePct, contentBank, contentSampled, contentAcceptablePct, refuseBank, refuseSampled,
          refusalPct, answerBank, answerSampled, wrongRefusalPct, keywords);
    }
  }

  /** The outcome of the filing: the number granted, or the refusal with its reason. */
  @Schema(name = "FilingResult")
  public record ResultRequest(@NotNull @Schema(description = "是否获准 Granted", example = "true") Boolean granted,
      @Size(max = 64) @Schema(description = "备案号或登记编号（获准时）The number granted", example = "Beijing-ExampleChat-20270415S0001") String number,
      @Size(max = 1000) @Schema(description = "未获通过的理由 Why it was refused") String reason) {
  }

  /** A filed service's number, for a proposal or voucher to name the models it uses. */
  @Schema(name = "FiledModel")
  public record FiledModelView(@Schema(example = "示例通用大模型服务") String serviceName, @Schema(example = "Beijing-ExampleChat-20240315S0001") String filingNumber,
      @Schema(enumeration = {"ALGORITHM_FILING", "ALGORITHM_THEN_LARGE_MODEL", "REGISTRATION"}) String route) {
  }

  @Inject
  AiServices services;

  @Inject
  FilingGuidance guidance;

  @Context
  HttpServletRequest http;

  @Inject
  Storage storage;

  @Inject
  UploadLimits uploadLimits;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "登记 AI 服务：规则给出备案路径与风险等级 Register an AI service: the rules give its filing route and risk tier")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ServiceRequest.class),
      examples = @ExampleObject(name = "service", value = EXAMPLE)))
  @APIResponse(responseCode = "201", description = "已登记 Registered", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "400", description = "信息不全或格式不对（指明字段）Missing or malformed facts (the field is named)")
  public Response register(@Valid @NotNull ServiceRequest body) {
    AiService service = guidance.register(caller(), body.facts());
    return Response.status(Response.Status.CREATED).entity(AiServiceView.of(service)).build();
  }

  @GET
  @Operation(summary = "本单位的 AI 服务 The caller's organisation's AI services")
  @APIResponse(responseCode = "200", description = "本单位的服务 Own services",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AiServiceView.class)))
  public List<AiServiceView> list() {
    return services.own(caller()).stream().map(AiServiceView::of).toList();
  }

  @GET
  @Path("filed-models")
  @Operation(summary = "登记册中已备案的服务及其备案号（供申报选取）Filed services and their numbers (to pick from in a proposal)")
  @APIResponse(responseCode = "200", description = "已备案 Filed", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FiledModelView.class)))
  public List<FiledModelView> filedModels() {
    return services.filed().stream().map(s -> new FiledModelView(s.getName(), s.getFilingNumber(), s.getRoute().name())).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "查看本单位的 AI 服务 Read one of the organisation's AI services")
  @APIResponse(responseCode = "200", description = "服务 The service", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "404", description = "没有该服务，或不是本单位的 No such service, or not the organisation's")
  public AiServiceView get(@PathParam("id") String id) {
    return AiServiceView.of(services.own(caller(), id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "备案前修改服务信息（重新评估路径与等级）Correct a service's facts before filing (route and tier evaluated again)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ServiceRequest.class),
      examples = @ExampleObject(name = "service", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "已修改 Changed", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "409", description = "已备案、被拒或已撤回，不能修改 Filed, refused or withdrawn: no longer editable")
  public AiServiceView update(@PathParam("id") String id, @Valid @NotNull ServiceRequest body) {
    return AiServiceView.of(guidance.update(caller(), id, body.facts()));
  }

  @POST
  @Path("{id}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "撤回 AI 服务（停止运营）Withdraw an AI service (no longer run)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
      examples = @ExampleObject(name = "withdrawal", value = "{\"reason\":\"该服务已停止运营\"}")))
  @APIResponse(responseCode = "200", description = "已撤回 Withdrawn", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "409", description = "已撤回 Withdrawn already")
  public AiServiceView withdraw(@PathParam("id") String id, @Valid @NotNull WithdrawalRequest body) {
    return AiServiceView.of(guidance.withdraw(caller(), id, body.reason()));
  }

  @POST
  @Path("{id}/readiness")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交备案就绪自评估（对照 TC260-003）Submit the readiness self-assessment (against TC260-003)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReadinessRequest.class),
      examples = @ExampleObject(name = "readiness", value = READINESS_EXAMPLE)))
  @APIResponse(responseCode = "201", description = "已提交，逐项对照门槛 Submitted, compared with each threshold",
      content = @Content(schema = @Schema(implementation = FilingViews.ReadinessView.class)))
  @APIResponse(responseCode = "409", description = "当前不接受自评估（无需备案、预审中或已报送）Not waiting for a self-assessment")
  public Response selfAssess(@PathParam("id") String id, @Valid @NotNull ReadinessRequest body) {
    ReadinessAssessment assessment = guidance.selfAssess(caller(), id, body.figures(), body.note());
    return Response.status(Response.Status.CREATED).entity(FilingViews.ReadinessView.of(assessment, guidance.checks(assessment))).build();
  }

  @GET
  @Path("{id}/readiness")
  @Operation(summary = "最近一次自评估 The latest self-assessment")
  @APIResponse(responseCode = "200", description = "自评估 The self-assessment", content = @Content(schema = @Schema(implementation = FilingViews.ReadinessView.class)))
  @APIResponse(responseCode = "404", description = "尚未提交 None submitted yet")
  public FilingViews.ReadinessView readiness(@PathParam("id") String id) {
    AiService service = services.own(caller(), id);
    ReadinessAssessment assessment = guidance.latestAssessment(service.getId()).orElseThrow(() -> DomainException.notFound("ai-service.no-assessment", null,
        "尚未提交自评估", "no self-assessment submitted yet"));
    return FilingViews.ReadinessView.of(assessment, guidance.checks(assessment));
  }

  /** Uploads an assessment report: the raw PDF as the body, its name in the query. */
  @POST
  @Path("{id}/reports")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "上传评估报告（PDF）Upload an assessment report (PDF)")
  @RequestBody(required = true, content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "201", description = "已上传 Stored", content = @Content(schema = @Schema(implementation = FilingViews.ReportView.class)))
  @APIResponse(responseCode = "400", description = "不是可读的未加密 PDF Not a readable, unencrypted PDF")
  @APIResponse(responseCode = "413", description = "文件超过 10 MB Larger than 10 MB")
  @APIResponse(responseCode = "429", description = "同时上传过多，请按 Retry-After 稍后重试 Too many uploads at once; retry after Retry-After")
  public Response upload(@PathParam("id") String id,
      @Parameter(description = "文件名 The file's name", example = "安全评估报告.pdf") @QueryParam("name") String name, InputStream body) throws IOException {
    if (http.getContentLengthLong() > ServiceReport.MAX_BYTES) {
      throw PdfFile.tooLarge(name, ServiceReport.MAX_BYTES);
    }
    String user = caller();
    // streamed to a spool file (size limit, SHA-256) before the transaction that stores it, within the upload limits
    try (UploadLimits.Permit permit = uploadLimits.enter(user);
        Spool upload = storage.receive(body, ServiceReport.MAX_BYTES, () -> PdfFile.tooLarge(name, ServiceReport.MAX_BYTES))) {
      return Response.status(Response.Status.CREATED).entity(FilingViews.ReportView.of(guidance.uploadReport(user, id, name, upload))).build();
    }
  }

  @GET
  @Path("{id}/reports")
  @Operation(summary = "服务的评估报告 A service's assessment reports")
  @APIResponse(responseCode = "200", description = "报告 The reports",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FilingViews.ReportView.class)))
  public List<FilingViews.ReportView> reports(@PathParam("id") String id) {
    return guidance.reports(services.own(caller(), id).getId()).stream().map(FilingViews.ReportView::of).toList();
  }

  @POST
  @Path("{id}/filing-result")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "登记备案结果：备案号或未获通过 Record the filing's outcome: the number granted, or the refusal")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResultRequest.class),
      examples = @ExampleObject(name = "granted", value = "{\"granted\":true,\"number\":\"Beijing-ExampleChat-20270415S0001\"}")))
  @APIResponse(responseCode = "200", description = "已登记 Recorded", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "400", description = "备案号格式不符或与路径不符 The number's form is wrong or does not fit the route")
  @APIResponse(responseCode = "409", description = "尚未报送，或备案号已被另一服务登记 Not sent forward yet, or the number is another service's")
  public AiServiceView recordResult(@PathParam("id") String id, @Valid @NotNull ResultRequest body) {
    return AiServiceView.of(guidance.recordResult(caller(), id, body.granted(), body.number(), body.reason()));
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
