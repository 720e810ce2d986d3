package org.aipo.proposal;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;
import org.aipo.applicant.Registration;

/**
 * The applicant's proposals: draft, save, submit, correct, attach PDFs, read the outcome and the timeline.
 * An applicant only ever sees their own organisation's proposals; another organisation's is "not found".
 */
@RequestScoped
@Path("applicant/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantProposalResource implements ApiResource {

  @Inject
  Registration registration;

  @Inject
  Proposals proposals;

  @Inject
  ProposalOutcomes outcomes;

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Context
  HttpServletRequest http;


  @POST
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response draft(JsonObject body) {
    JsonBody.require(body);
    Proposal proposal = proposals.createDraft(JsonBody.string(body, "callId"), organisationId(), ProposalJson.content(body), caller());
    return Response.status(Response.Status.CREATED).entity(ProposalJson.proposal(proposal).toString()).build();
  }

  @PUT
  @Path("{id}")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public String save(@PathParam("id") String id, JsonObject body) {
    JsonBody.require(body);
    return ProposalJson.proposal(proposals.save(id, organisationId(), ProposalJson.content(body), caller())).toString();
  }

  @GET
  @AllowedGroups("applicant")
  public String ownProposals() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    proposals.ofOrganisation(organisationId()).forEach(p -> list.add(ProposalJson.proposal(p)));
    return list.build().toString();
  }

  @GET
  @Path("{id}")
  @AllowedGroups("applicant")
  public String ownProposal(@PathParam("id") String id) {
    return ProposalJson.proposal(proposals.own(id, organisationId())).toString();
  }

  /** Submits the draft; a retry of the same submit returns the same proposal and starts nothing new. */
  @POST
  @Path("{id}/submit")
  @AllowedGroups("applicant")
  public String submit(@PathParam("id") String id) {
    return ProposalJson.proposal(proposals.submit(id, organisationId(), caller())).toString();
  }

  /** Answers a correction request with the corrected content. */
  @POST
  @Path("{id}/correction")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public String correct(@PathParam("id") String id, JsonObject body) {
    JsonBody.require(body);
    return ProposalJson.proposal(proposals.correct(id, organisationId(), ProposalJson.content(body), caller())).toString();
  }

  /** The outcome: decision, reason, scores and comments by numbered experts (never their names). */
  @GET
  @Path("{id}/outcome")
  @AllowedGroups("applicant")
  public String outcome(@PathParam("id") String id) {
    return outcomes.outcome(id, organisationId()).toString();
  }

  /**
   * Uploads one PDF (body: the file's bytes, {@code Content-Type: application/pdf}, name in the query).
   * Refused before anything is stored when larger than the limit or not a PDF by its content.
   */
  @POST
  @Path("{id}/attachments")
  @AllowedGroups("applicant")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  public Response attach(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("name") String name, java.io.InputStream body)
      throws java.io.IOException {
    byte[] content = body == null ? new byte[0] : body.readNBytes(Attachment.MAX_BYTES + 1);
    if (content.length > Attachment.MAX_BYTES) {
      return org.aipo.api.ApiErrors.problem(413, "attachment.too-large", "file", "文件不得超过 " + Attachment.MAX_BYTES / (1024 * 1024) + " MB",
          "file is larger than " + Attachment.MAX_BYTES / (1024 * 1024) + " MB").build();
    }
    Attachment attachment = proposals.attach(id, organisationId(), name, content, caller());
    return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", attachment.getId())
        .add("fileName", attachment.getFileName()).add("size", attachment.getSize()).add("sha256", attachment.getSha256())
        .build().toString()).build();
  }

  @GET
  @Path("{id}/attachments")
  @AllowedGroups("applicant")
  public String attachments(@PathParam("id") String id) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    proposals.attachments(id, organisationId()).forEach(a -> list.add(Json.createObjectBuilder().add("id", a.getId())
        .add("fileName", a.getFileName()).add("size", a.getSize()).add("sha256", a.getSha256())));
    return list.build().toString();
  }

  /** What happened to the proposal, in order: action, time and the reasons given; no officials' names. */
  @GET
  @Path("{id}/timeline")
  @AllowedGroups("applicant")
  public String timeline(@PathParam("id") String id) {
    proposals.own(id, organisationId());
    JsonArrayBuilder steps = Json.createArrayBuilder();
    auditLog.forSubject(Proposals.SUBJECT_TYPE, id).forEach(r -> steps.add(Json.createObjectBuilder()
        .add("action", r.getAction()).add("at", r.getOccurredAt().toString())
        .add("detail", r.getDetail() == null ? JsonValue.NULL : Json.createValue(r.getDetail()))));
    return steps.build().toString();
  }


  private String organisationId() {
    return registration.organisationOf(caller()).getId();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
