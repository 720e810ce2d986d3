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
import org.aipo.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Spot-check inspections for inspectors and officials: an inspector sees and works only the inspections drawn for
 * them (another's is 404); the office and auditors see all. Inspectors' avoidance declarations.
 */
@RequestScoped
@Path("supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "分级监管与双随机抽查 Tiered supervision and random spot checks")
public class SupervisionResource implements ApiResource {

  /** An inspection as its inspectors and officials see it, with the working notes. */
  @Schema(name = "SpotCheckInspection")
  public record InspectionView(String id, String campaignId, String serviceId, String serviceName, String organisationName, String tier,
      List<String> inspectors, String status, String result, String findings, String notes, Instant inspectedAt, Instant rectificationDue,
      String rectification, Instant rectifiedAt, boolean rectificationLate, String followUpNotes, Instant publishedAt) {

    static InspectionView of(SpotCheckInspection i) {
      return new InspectionView(i.getId(), i.getCampaignId(), i.getServiceId(), i.getServiceName(), i.getOrganisationName(), i.getTier().name(),
          i.getInspectors(), i.getStatus().name(), i.getResult() == null ? null : i.getResult().name(), i.getFindings(), i.getNotes(),
          i.getInspectedAt(), i.getRectificationDue(), i.getRectification(), i.getRectifiedAt(), i.isRectificationLate(), i.getFollowUpNotes(),
          i.getPublishedAt());
    }
  }

  /** The drawn inspectors' result (completes the Tasklist task). */
  @Schema(name = "SpotCheckResultRequest")
  public record ResultRequest(@Schema(description = "true: 发现问题，须整改 findings to rectify; false: 未发现问题 none") Boolean findingsFound,
      @Schema(description = "发现的问题（企业可见）Findings (the firm sees them)", example = "未对生成内容进行标识 Generated content is not labelled") String findings,
      @Schema(description = "工作记录（从不公开）Working notes (never published)", example = "现场查看了日志抽样") String notes) {
  }

  /** The follow-up check (completes the Tasklist task). */
  @Schema(name = "SpotCheckFollowUpRequest")
  public record FollowUpRequest(@Schema(description = "true: 已整改到位 rectified; false: 未整改到位 not rectified") Boolean rectified,
      @Schema(example = "已核查整改后的标识功能 Checked the new labelling") String notes) {
  }

  /** An avoidance declaration: the inspector (the caller, unless the office declares for one), the firm and why. */
  @Schema(name = "InspectorAvoidanceRequest")
  public record AvoidanceRequest(@Schema(description = "检查人员（项目办代为声明时填写）The inspector (when the office declares)", example = "inspector2")
      String inspectorId, @Schema(description = "需回避企业的统一社会信用代码 The firm's credit code", example = "91310000MA1D3M0A13") String creditCode,
      @Schema(description = "EMPLOYER（任职单位）或 RELATIONSHIP（其他利害关系）", example = "RELATIONSHIP") String kind,
      @Schema(example = "近三年曾为该企业提供咨询 Advised the firm in the last three years") String reason) {
  }

  /** A stored avoidance declaration. */
  @Schema(name = "InspectorAvoidance")
  public record AvoidanceView(String id, String inspectorId, String creditCode, String kind, String reason, String declaredBy, Instant declaredAt) {

    static AvoidanceView of(InspectorAvoidance a) {
      return new AvoidanceView(a.getId(), a.getInspectorId(), a.getCreditCode(), a.getKind().name(), a.getReason(), a.getDeclaredBy(),
          a.getDeclaredAt());
    }
  }

  /** A supervised service as officials see it: tier, plan and reports. */
  @Schema(name = "SupervisedService")
  public record ServiceView(String id, String name, String organisationId, String tier, String status,
      @Schema(description = "QUARTERLY, YEARLY 或 NONE（仅抽查 spot checks only）") String selfInspection, Instant nextDue, int reports,
      int lateReports) {
  }

  @Inject
  SpotChecks spotChecks;

  @Inject
  SupervisionPlanService plans;

  @Inject
  org.aipo.filing.AiServices aiServices;

  @Context
  HttpServletRequest http;

  private static boolean official(ApiUser user) {
    return user.groups().contains(Roles.PROGRAMME_OFFICE.groupId()) || user.groups().contains(Roles.ADMIN.groupId())
        || user.groups().contains(Roles.AUDITOR.groupId());
  }

  @GET
  @Path("services")
  @RolesAllowed({"programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "分级监管总览：各服务的风险等级、自查周期与报告 Supervision overview: each service's tier, self-inspection plan and reports")
  @APIResponse(responseCode = "200", description = "登记库中的服务 The register's services", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = ServiceView.class)))
  public List<ServiceView> services() {
    return aiServices.all().stream().map(s -> {
      List<SelfInspection> reports = plans.selfInspections(s.getId());
      return new ServiceView(s.getId(), s.getName(), s.getOrganisationId(), s.getTier().name(), s.getStatus().name(), SupervisionPlans.mode(s.getTier()),
          plans.nextDue(s.getId()), reports.size(), (int) reports.stream().filter(SelfInspection::isLate).count());
    }).toList();
  }

  @GET
  @Path("inspections")
  @RolesAllowed({"inspector", "programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "抽查（检查人员仅见抽中自己的）Spot-check inspections (an inspector sees only those drawn for them)")
  @APIResponse(responseCode = "200", description = "抽查 Inspections", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = InspectionView.class)))
  public List<InspectionView> inspections() {
    ApiUser user = ApiUser.of(http);
    return (official(user) ? spotChecks.allInspections() : spotChecks.inspectionsOfInspector(user.userId())).stream().map(InspectionView::of).toList();
  }

  @GET
  @Path("inspections/{id}")
  @RolesAllowed({"inspector", "programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "一项抽查 One inspection")
  @APIResponse(responseCode = "200", description = "抽查 The inspection", content = @Content(schema = @Schema(implementation = InspectionView.class)))
  public InspectionView inspection(@PathParam("id") String id) {
    ApiUser user = ApiUser.of(http);
    return InspectionView.of(official(user) ? spotChecks.inspection(id) : spotChecks.drawnFor(user.userId(), id));
  }

  @POST
  @Path("inspections/{id}/result")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"inspector"})
  @Operation(summary = "抽中的检查人员记录抽查结果（完成 Tasklist 任务）A drawn inspector records the result (completes the Tasklist task)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResultRequest.class),
      examples = @ExampleObject(name = "findings", value = "{\"findingsFound\":true,\"findings\":\"未对生成内容进行标识\",\"notes\":\"现场查看了日志抽样\"}")))
  @APIResponse(responseCode = "200", description = "已记录 Recorded", content = @Content(schema = @Schema(implementation = InspectionView.class)))
  public InspectionView result(@PathParam("id") String id, @Valid @NotNull ResultRequest body) {
    String user = ApiUser.of(http).userId();
    spotChecks.submitResult(user, id, body.findingsFound(), body.findings(), body.notes());
    return InspectionView.of(spotChecks.inspection(id));
  }

  @POST
  @Path("inspections/{id}/follow-up")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"inspector"})
  @Operation(summary = "抽中的检查人员记录整改复查结论 A drawn inspector records the follow-up check")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FollowUpRequest.class),
      examples = @ExampleObject(name = "rectified", value = "{\"rectified\":true,\"notes\":\"已核查整改后的标识功能\"}")))
  @APIResponse(responseCode = "200", description = "已记录 Recorded", content = @Content(schema = @Schema(implementation = InspectionView.class)))
  public InspectionView followUp(@PathParam("id") String id, @Valid @NotNull FollowUpRequest body) {
    String user = ApiUser.of(http).userId();
    spotChecks.submitFollowUp(user, id, body.rectified(), body.notes());
    return InspectionView.of(spotChecks.inspection(id));
  }

  @GET
  @Path("inspector-avoidances")
  @RolesAllowed({"inspector", "programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "检查人员回避声明（检查人员仅见自己的）Inspectors' avoidance declarations (an inspector sees their own)")
  @APIResponse(responseCode = "200", description = "回避声明 Declarations", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = AvoidanceView.class)))
  public List<AvoidanceView> avoidances() {
    ApiUser user = ApiUser.of(http);
    return spotChecks.avoidances().stream().filter(a -> official(user) || a.getInspectorId().equals(user.userId())).map(AvoidanceView::of).toList();
  }

  @POST
  @Path("inspector-avoidances")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"inspector", "programme-office", "camunda-admin"})
  @Operation(summary = "声明回避（抽取时不再派往该企业）Declare an avoidance (the draw never sends the inspector to that firm)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AvoidanceRequest.class),
      examples = @ExampleObject(name = "relationship", value = "{\"creditCode\":\"91310000MA1D3M0A13\",\"kind\":\"RELATIONSHIP\",\"reason\":\"近三年曾为该企业提供咨询\"}")))
  @APIResponse(responseCode = "201", description = "已声明 Declared", content = @Content(schema = @Schema(implementation = AvoidanceView.class)))
  public Response declare(@Valid @NotNull AvoidanceRequest body) {
    ApiUser user = ApiUser.of(http);
    boolean office = user.groups().contains(Roles.PROGRAMME_OFFICE.groupId()) || user.groups().contains(Roles.ADMIN.groupId());
    String inspector = office && body.inspectorId() != null ? body.inspectorId() : user.userId();
    if (!office && body.inspectorId() != null && !body.inspectorId().equals(user.userId())) {
      throw org.aipo.common.DomainException.forbidden("inspector.own-declaration", "检查人员只能为自己声明回避", "an inspector declares only their own avoidance");
    }
    InspectorAvoidance avoidance = spotChecks.declareAvoidance(inspector, body.creditCode(), body.kind(), body.reason(), user.userId());
    return Response.status(Response.Status.CREATED).entity(AvoidanceView.of(avoidance)).build();
  }
}
