package org.aipo.supervision;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Incident reports about AI services: anyone may report (no login; real name and a contact required), which opens the
 * office's handling task; the office reads the reports and records the outcome (or completes the task in Tasklist).
 */
@RequestScoped
@Path("incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "分级监管与双随机抽查 Tiered supervision and random spot checks")
public class IncidentResource implements ApiResource {

  /** A public incident report: the service (by id from the register, or by name), what happened, the reporter. */
  @Schema(name = "IncidentRequest")
  public record IncidentRequest(@Schema(description = "登记库中的服务 id（可选）The service's id in the register (optional)") String serviceId,
      @Schema(description = "服务名称（无 id 时必填）The service's name (required without an id)", example = "示例对话助手") String serviceName,
      @Schema(example = "该服务生成了虚假医疗建议 The service generated false medical advice") String description,
      @Schema(description = "实名 Real name", example = "李雷") String reporterName,
      @Schema(description = "电话或邮箱 Phone or e-mail", example = "lilei@example.com") String contact) {
  }

  /** An incident report as stored. */
  @Schema(name = "Incident")
  public record IncidentView(String id, String serviceId, String serviceName, String description, String reporterName, String contact,
      String reportedBy, Instant reportedAt, String status, String outcome, String handledBy, Instant handledAt) {

    static IncidentView of(Incident i) {
      return new IncidentView(i.getId(), i.getServiceId(), i.getServiceName(), i.getDescription(), i.getReporterName(), i.getContact(),
          i.getReportedBy(), i.getReportedAt(), i.getStatus().name(), i.getOutcome(), i.getHandledBy(), i.getHandledAt());
    }
  }

  /** The office's outcome. */
  @Schema(name = "IncidentOutcomeRequest")
  public record OutcomeRequest(@Schema(example = "已约谈企业，问题功能已下线 The firm was summoned; the feature is offline") String outcome) {
  }

  /** What the public reporter gets back: the report's id and status, not the stored record. */
  @Schema(name = "IncidentReceipt")
  public record Receipt(String id, String status, Instant reportedAt) {
  }

  @Inject
  SupervisionPlanService plans;

  @Context
  HttpServletRequest http;

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "公众实名报告 AI 服务事件（无需登录）Report an incident of an AI service, real name required (no login)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IncidentRequest.class),
      examples = @ExampleObject(name = "incident", value = "{\"serviceName\":\"示例对话助手\",\"description\":\"该服务生成了虚假医疗建议\","
          + "\"reporterName\":\"李雷\",\"contact\":\"lilei@example.com\"}")))
  @APIResponse(responseCode = "201", description = "已受理 Accepted", content = @Content(schema = @Schema(implementation = Receipt.class)))
  public Response report(@Valid @NotNull IncidentRequest body) {
    Incident incident = plans.report(null, body.serviceId(), body.serviceName(), body.description(), body.reporterName(), body.contact());
    return Response.status(Response.Status.CREATED).entity(new Receipt(incident.getId(), incident.getStatus().name(), incident.getReportedAt())).build();
  }

  @GET
  @RolesAllowed({"programme-office", "camunda-admin", "auditor"})
  @Operation(summary = "事件报告 Incident reports")
  @APIResponse(responseCode = "200", description = "最新在前 Newest first", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
      implementation = IncidentView.class)))
  public List<IncidentView> incidents() {
    return plans.incidents().stream().map(IncidentView::of).toList();
  }

  @POST
  @Path("{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "项目办记录处理结果（完成 Tasklist 任务）The office records the outcome (completes the Tasklist task)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OutcomeRequest.class),
      examples = @ExampleObject(name = "outcome", value = "{\"outcome\":\"已约谈企业，问题功能已下线\"}")))
  @APIResponse(responseCode = "200", description = "已处理 Handled", content = @Content(schema = @Schema(implementation = IncidentView.class)))
  public IncidentView outcome(@PathParam("id") String id, @Valid @NotNull OutcomeRequest body) {
    plans.handle(id, body.outcome(), ApiUser.of(http).userId());
    return IncidentView.of(plans.incident(id));
  }
}
