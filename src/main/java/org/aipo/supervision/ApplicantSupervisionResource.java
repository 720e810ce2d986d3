package org.aipo.supervision;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.filing.AiService;
import org.aipo.filing.AiServices;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A firm's side of supervision: the spot checks of its services (findings, rectification; never the inspectors'
 * notes), its rectifications, its self-inspection reports under each service's plan, and its incident reports.
 * Another firm's inspection or service is 404.
 */
@RequestScoped
@Path("applicant/supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"applicant"})
@Tag(name = "supervision", description = "分级监管与双随机抽查 Tiered supervision and random spot checks")
public class ApplicantSupervisionResource implements ApiResource {

  /** An inspection of the firm's service as the firm sees it: no inspectors' notes. */
  @Schema(name = "FirmSpotCheck")
  public record FirmInspectionView(String id, String serviceId, String serviceName, String status, String result, String findings,
      Instant inspectedAt, Instant rectificationDue, String rectification, Instant rectifiedAt, boolean rectificationLate) {

    static FirmInspectionView of(SpotCheckInspection i) {
      return new FirmInspectionView(i.getId(), i.getServiceId(), i.getServiceName(), i.getStatus().name(), i.getResult() == null ? null
          : i.getResult().name(), i.getFindings(), i.getInspectedAt(), i.getRectificationDue(), i.getRectification(), i.getRectifiedAt(),
          i.isRectificationLate());
    }
  }

  /** The firm's rectification of the findings. */
  @Schema(name = "RectificationRequest")
  public record RectificationRequest(@Schema(example = "已上线生成内容标识并补充用户提示 Labels added to generated content") String rectification) {
  }

  /** A self-inspection report. */
  @Schema(name = "SelfInspectionRequest")
  public record SelfInspectionRequest(@Schema(example = "本季度完成语料抽检与拒答测试，未发现重大风险 Corpus and refusal checks done this quarter") String summary) {
  }

  /** A stored self-inspection report. */
  @Schema(name = "SelfInspection")
  public record SelfInspectionView(String id, String serviceId, String tier, Instant dueAt, boolean late, String summary, String submittedBy,
      Instant submittedAt) {

    static SelfInspectionView of(SelfInspection r) {
      return new SelfInspectionView(r.getId(), r.getServiceId(), r.getTier().name(), r.getDueAt(), r.isLate(), r.getSummary(), r.getSubmittedBy(),
          r.getSubmittedAt());
    }
  }

  /** A service's supervision plan: its tier, whether it reports self-inspections, the next due date and the reports. */
  @Schema(name = "SupervisionPlan")
  public record PlanView(String serviceId, String serviceName, String tier, @Schema(description = "QUARTERLY, YEARLY 或 NONE（仅抽查 spot checks only）")
      String selfInspection, Instant nextDue, List<SelfInspectionView> reports) {
  }

  /** A firm's incident report about its own service. */
  @Schema(name = "FirmIncidentRequest")
  public record FirmIncidentRequest(@Schema(description = "本企业的 AI 服务 The firm's own service") String serviceId,
      @Schema(example = "3 月 2 日生成内容出现违规信息，已下线处理 Prohibited content generated on 2 March, taken down") String description,
      @Schema(example = "周明") String reporterName, @Schema(example = "13800000000") String contact) {
  }

  @Inject
  SpotChecks spotChecks;

  @Inject
  SupervisionPlanService plans;

  @Inject
  AiServices aiServices;

  @Context
  HttpServletRequest http;

  @GET
  @Path("inspections")
  @Operation(summary = "本企业服务的抽查与整改 The spot checks of my firm's services")
  @APIResponse(responseCode = "200", description = "抽查 Inspections", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = FirmInspectionView.class)))
  public List<FirmInspectionView> inspections() {
    return spotChecks.inspectionsOfFirm(ApiUser.of(http).userId()).stream().map(FirmInspectionView::of).toList();
  }

  @POST
  @Path("inspections/{id}/rectification")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交整改情况 Submit the rectification of the findings")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RectificationRequest.class),
      examples = @ExampleObject(name = "rectification", value = "{\"rectification\":\"已上线生成内容标识并补充用户提示\"}")))
  @APIResponse(responseCode = "200", description = "已提交，等待复查 Submitted; the follow-up check is next",
      content = @Content(schema = @Schema(implementation = FirmInspectionView.class)))
  public FirmInspectionView rectify(@PathParam("id") String id, @Valid @NotNull RectificationRequest body) {
    return FirmInspectionView.of(spotChecks.submitRectification(ApiUser.of(http).userId(), id, body.rectification()));
  }

  @GET
  @Path("services/{id}/plan")
  @Operation(summary = "本企业服务的监管计划与自查报告 My service's supervision plan and self-inspection reports")
  @APIResponse(responseCode = "200", description = "监管计划 The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
  public PlanView plan(@PathParam("id") String id) {
    AiService service = aiServices.own(ApiUser.of(http).userId(), id);
    return planOf(service);
  }

  private PlanView planOf(AiService service) {
    return new PlanView(service.getId(), service.getName(), service.getTier().name(), SupervisionPlans.mode(service.getTier()),
        plans.nextDue(service.getId()), plans.selfInspections(service.getId()).stream().map(SelfInspectionView::of).toList());
  }

  @GET
  @Path("services")
  @Operation(summary = "本企业各服务的监管计划 My firm's services and their supervision plans")
  @APIResponse(responseCode = "200", description = "监管计划 Plans", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = PlanView.class)))
  public List<PlanView> services() {
    return aiServices.own(ApiUser.of(http).userId()).stream().map(this::planOf).toList();
  }

  @POST
  @Path("services/{id}/self-inspections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交定期自查报告 Submit a periodic self-inspection report")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SelfInspectionRequest.class),
      examples = @ExampleObject(name = "report", value = "{\"summary\":\"本季度完成语料抽检与拒答测试，未发现重大风险\"}")))
  @APIResponse(responseCode = "201", description = "已提交 Submitted", content = @Content(schema = @Schema(implementation = SelfInspectionView.class)))
  public Response selfInspection(@PathParam("id") String id, @Valid @NotNull SelfInspectionRequest body) {
    SelfInspection report = plans.submitSelfInspection(ApiUser.of(http).userId(), id, body.summary());
    return Response.status(Response.Status.CREATED).entity(SelfInspectionView.of(report)).build();
  }

  @POST
  @Path("incidents")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "企业报告本企业服务的事件 A firm reports an incident of its own service")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FirmIncidentRequest.class),
      examples = @ExampleObject(name = "incident", value = "{\"serviceId\":\"3f1c…\",\"description\":\"3 月 2 日生成内容出现违规信息，已下线处理\","
          + "\"reporterName\":\"周明\",\"contact\":\"13800000000\"}")))
  @APIResponse(responseCode = "201", description = "已受理，项目办处理 Accepted; the office handles it",
      content = @Content(schema = @Schema(implementation = IncidentResource.IncidentView.class)))
  public Response incident(@Valid @NotNull FirmIncidentRequest body) {
    if (body.serviceId() == null || body.serviceId().isBlank()) {
      throw org.aipo.common.DomainException.badInput("field.required", "serviceId", "serviceId 为必填项", "serviceId is required");
    }
    Incident incident = plans.report(ApiUser.of(http).userId(), body.serviceId(), null, body.description(), body.reporterName(), body.contact());
    return Response.status(Response.Status.CREATED).entity(IncidentResource.IncidentView.of(incident)).build();
  }
}
