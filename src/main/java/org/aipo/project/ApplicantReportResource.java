package org.aipo.project;

import jakarta.annotation.security.RolesAllowed;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.applicant.Registration;
import org.aipo.common.DomainException;
import org.aipo.proposal.ProposalView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An awarded project's reports, sent by its applicant. */
@RequestScoped
@Path("applicant/proposals/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applicant", description = "申报单位 Applicants")
public class ApplicantReportResource implements ApiResource {

  /** A mid-term report or an acceptance application. */
  @Schema(name = "ProjectReportRequest")
  public record ReportRequest(@Schema(description = "mid-term or acceptance", example = "mid-term") String milestone,
      @Schema(example = "已完成数据集建设与模型训练……") String summary) {
  }

  @Inject
  Registration registration;

  @Inject
  ProjectStageService projects;

  @Context
  HttpServletRequest http;

  /** An awarded project's mid-term report or acceptance application: {@code {"milestone":"mid-term"|"acceptance","summary":..}}. */
  @POST
  @RolesAllowed("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交中期报告或验收申请 Send a mid-term report or the acceptance application")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportRequest.class),
      examples = @ExampleObject(name = "report", value = "{\"milestone\":\"mid-term\",\"summary\":\"已完成数据集建设与模型训练……\"}")))
  @APIResponse(responseCode = "200", description = "申报书 The proposal", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public ProposalView report(@PathParam("id") String id, @Valid @NotNull ReportRequest body) {
    ProjectStages.Milestone which;
    if ("mid-term".equals(body.milestone())) {
      which = ProjectStages.Milestone.MID_TERM;
    } else if ("acceptance".equals(body.milestone())) {
      which = ProjectStages.Milestone.ACCEPTANCE;
    } else {
      throw DomainException.badInput("project.milestone", "milestone", "milestone 须为 mid-term 或 acceptance", "milestone must be mid-term or acceptance");
    }
    return ProposalView.of(projects.report(id, organisationId(), which, body.summary(), caller()));
  }

  private String organisationId() {
    return registration.organisationOf(caller()).getId();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
