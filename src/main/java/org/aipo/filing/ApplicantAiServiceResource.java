package org.aipo.filing;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

  @Inject
  AiServices services;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "登记 AI 服务：规则给出备案路径与风险等级 Register an AI service: the rules give its filing route and risk tier")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ServiceRequest.class),
      examples = @ExampleObject(name = "service", value = EXAMPLE)))
  @APIResponse(responseCode = "201", description = "已登记 Registered", content = @Content(schema = @Schema(implementation = AiServiceView.class)))
  @APIResponse(responseCode = "400", description = "信息不全或格式不对（指明字段）Missing or malformed facts (the field is named)")
  public Response register(@Valid @NotNull ServiceRequest body) {
    AiService service = services.register(caller(), body.facts());
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
    return AiServiceView.of(services.update(caller(), id, body.facts()));
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
    return AiServiceView.of(services.withdraw(caller(), id, body.reason()));
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
