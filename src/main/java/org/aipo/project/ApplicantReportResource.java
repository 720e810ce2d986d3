package org.aipo.project;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;
import org.aipo.applicant.Registration;
import org.aipo.proposal.ProposalJson;

/** An awarded project's reports, sent by its applicant. */
@RequestScoped
@Path("applicant/proposals/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantReportResource implements ApiResource {

  @Inject
  Registration registration;

  @Inject
  ProjectStageService projects;

  @Context
  HttpServletRequest http;

  /** An awarded project's mid-term report or acceptance application: {@code {"milestone":"mid-term"|"acceptance","summary":..}}. */
  @POST
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public String report(@PathParam("id") String id, JsonObject body) {
    JsonBody.require(body);
    String milestone = JsonBody.string(body, "milestone");
    ProjectStages.Milestone which;
    if ("mid-term".equals(milestone)) {
      which = ProjectStages.Milestone.MID_TERM;
    } else if ("acceptance".equals(milestone)) {
      which = ProjectStages.Milestone.ACCEPTANCE;
    } else {
      throw new IllegalArgumentException("milestone must be mid-term or acceptance");
    }
    return ProposalJson.proposal(projects.report(id, organisationId(), which, JsonBody.string(body, "summary"), caller())).toString();
  }

  private String organisationId() {
    return registration.organisationOf(caller()).getId();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
