package org.aipo.applicant;

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

import org.aipo.selection.Calls;
import org.aipo.selection.Proposal;
import org.aipo.selection.ProjectStages;
import org.aipo.selection.ProposalOutcomes;
import org.aipo.selection.Proposals;
import org.aipo.selection.SelectionJson;
import org.aipo.web.AllowedGroups;
import org.aipo.web.ApiUser;
import org.aipo.web.JsonBody;

/**
 * The applicant API: organisations register themselves (no login), read their own record, add
 * colleagues, see open calls, and draft proposals. An applicant only ever sees their own organisation
 * and its proposals; another organisation's proposal is "not found".
 */
@RequestScoped
@Path("applicant")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantResource {

  @Inject
  Registration registration;

  @Inject
  Calls calls;

  @Inject
  Proposals proposals;

  @Inject
  ProposalOutcomes outcomes;

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @POST
  @Path("organisations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(JsonObject body) {
    JsonBody.require(body);
    JsonObject contact = JsonBody.object(body, "contact");
    JsonObject user = JsonBody.object(body, "user");
    Organisation organisation = new Organisation(JsonBody.string(body, "name"), JsonBody.string(body, "creditCode"), JsonBody.string(body, "kind"),
        JsonBody.string(contact, "name", "contact.name"), JsonBody.string(contact, "phone", "contact.phone"), JsonBody.string(contact, "email", "contact.email"),
        Instant.now());
    registration.register(organisation, JsonBody.string(user, "userId", "user.userId"), JsonBody.string(user, "password", "user.password"),
        JsonBody.string(user, "name", "user.name"));
    return Response.status(Response.Status.CREATED).entity(toJson(organisation).toString()).build();
  }

  @GET
  @Path("organisation")
  @AllowedGroups("applicant")
  public String own() {
    return toJson(registration.organisationOf(caller())).toString();
  }

  @POST
  @Path("users")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addUser(JsonObject body) {
    JsonBody.require(body);
    registration.addUser(caller(), JsonBody.string(body, "userId", "user.userId"), JsonBody.string(body, "password", "user.password"),
        JsonBody.string(body, "name", "user.name"));
    return Response.status(Response.Status.CREATED).build();
  }

  @GET
  @Path("calls")
  @AllowedGroups("applicant")
  public String openCalls() {
    JsonArrayBuilder open = Json.createArrayBuilder();
    calls.openNow().forEach(c -> open.add(SelectionJson.call(c)));
    return open.build().toString();
  }

  @POST
  @Path("proposals")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response draft(JsonObject body) {
    JsonBody.require(body);
    Proposal proposal = proposals.createDraft(JsonBody.string(body, "callId"), organisationId(), SelectionJson.content(body), caller());
    return Response.status(Response.Status.CREATED).entity(SelectionJson.proposal(proposal).toString()).build();
  }

  @PUT
  @Path("proposals/{id}")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public String save(@PathParam("id") String id, JsonObject body) {
    JsonBody.require(body);
    return SelectionJson.proposal(proposals.save(id, organisationId(), SelectionJson.content(body), caller())).toString();
  }

  @GET
  @Path("proposals")
  @AllowedGroups("applicant")
  public String ownProposals() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    proposals.ofOrganisation(organisationId()).forEach(p -> list.add(SelectionJson.proposal(p)));
    return list.build().toString();
  }

  @GET
  @Path("proposals/{id}")
  @AllowedGroups("applicant")
  public String ownProposal(@PathParam("id") String id) {
    return SelectionJson.proposal(proposals.own(id, organisationId())).toString();
  }

  /** Submits the draft; a retry of the same submit returns the same proposal and starts nothing new. */
  @POST
  @Path("proposals/{id}/submit")
  @AllowedGroups("applicant")
  public String submit(@PathParam("id") String id) {
    return SelectionJson.proposal(proposals.submit(id, organisationId(), caller())).toString();
  }

  /** Answers a correction request with the corrected content. */
  @POST
  @Path("proposals/{id}/correction")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public String correct(@PathParam("id") String id, JsonObject body) {
    JsonBody.require(body);
    return SelectionJson.proposal(proposals.correct(id, organisationId(), SelectionJson.content(body), caller())).toString();
  }

  /** The outcome: decision, reason, scores and comments by numbered experts (never their names). */
  @GET
  @Path("proposals/{id}/outcome")
  @AllowedGroups("applicant")
  public String outcome(@PathParam("id") String id) {
    return outcomes.outcome(id, organisationId()).toString();
  }

  /** An awarded project's mid-term report or acceptance application: {@code {"milestone":"mid-term"|"acceptance","summary":..}}. */
  @POST
  @Path("proposals/{id}/reports")
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
    return SelectionJson.proposal(proposals.report(id, organisationId(), which, JsonBody.string(body, "summary"), caller())).toString();
  }

  /**
   * Uploads one PDF (body: the file's bytes, {@code Content-Type: application/pdf}, name in the query).
   * Refused before anything is stored when larger than the limit or not a PDF by its content.
   */
  @POST
  @Path("proposals/{id}/attachments")
  @AllowedGroups("applicant")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  public Response attach(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("name") String name, java.io.InputStream body)
      throws java.io.IOException {
    byte[] content = body == null ? new byte[0] : body.readNBytes(org.aipo.selection.Attachment.MAX_BYTES + 1);
    if (content.length > org.aipo.selection.Attachment.MAX_BYTES) {
      return org.aipo.web.ApiErrors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "file",
          "file is larger than " + org.aipo.selection.Attachment.MAX_BYTES / (1024 * 1024) + " MB").build();
    }
    org.aipo.selection.Attachment attachment = proposals.attach(id, organisationId(), name, content, caller());
    return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", attachment.getId())
        .add("fileName", attachment.getFileName()).add("size", attachment.getSize()).add("sha256", attachment.getSha256())
        .build().toString()).build();
  }

  @GET
  @Path("proposals/{id}/attachments")
  @AllowedGroups("applicant")
  public String attachments(@PathParam("id") String id) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    proposals.attachments(id, organisationId()).forEach(a -> list.add(Json.createObjectBuilder().add("id", a.getId())
        .add("fileName", a.getFileName()).add("size", a.getSize()).add("sha256", a.getSha256())));
    return list.build().toString();
  }

  /** What happened to the proposal, in order: action, time and the reasons given; no officials' names. */
  @GET
  @Path("proposals/{id}/timeline")
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

  static JsonObject toJson(Organisation organisation) {
    return Json.createObjectBuilder().add("id", organisation.getId()).add("name", organisation.getName())
        .add("creditCode", organisation.getCreditCode()).add("kind", organisation.getKind().name())
        .add("contact", Json.createObjectBuilder().add("name", organisation.getContactName())
            .add("phone", organisation.getContactPhone()).add("email", organisation.getContactEmail()))
        .add("registeredAt", organisation.getRegisteredAt().toString()).build();
  }

}
