package org.aipo.notice;

import org.aipo.api.ApiResource;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.proposal.Proposal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.applicant.Organisation;
import org.aipo.api.JsonBody;

/**
 * The public notice (公示) of proposed awardees, open to anyone without an account, and real-name
 * objections to it during the notice window.
 */
@RequestScoped
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource implements ApiResource {

  @Inject
  Notices notices;

  @Inject
  Calls calls;

  @jakarta.persistence.PersistenceContext(unitName = "programmeOffice")
  jakarta.persistence.EntityManager entityManager;

  @GET
  public String list() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    calls.inNotice().forEach(call -> list.add(notice(call)));
    return list.build().toString();
  }

  @GET
  @Path("{callId}")
  public String get(@PathParam("callId") String callId) {
    Call call = calls.require(callId);
    if (call.getNoticeOpensAt() == null) {
      throw new jakarta.ws.rs.NotFoundException("no notice for call " + callId);
    }
    return notice(call).toString();
  }

  private JsonObject notice(Call call) {
    JsonArrayBuilder awardees = Json.createArrayBuilder();
    for (Proposal proposal : notices.proposedAwardees(call)) {
      Organisation organisation = entityManager.find(Organisation.class, proposal.getOrganisationId());
      awardees.add(Json.createObjectBuilder().add("proposalId", proposal.getId()).add("title", proposal.content().title())
          .add("organisation", organisation.getName()).add("field", proposal.content().field())
          .add("score", proposal.getScore()).add("rankInField", proposal.getRankInField()).add("award", proposal.getAward()));
    }
    return Json.createObjectBuilder().add("callId", call.getId()).add("title", call.getTitle())
        .add("round", call.getNoticeRound()).add("opensAt", call.getNoticeOpensAt().toString())
        .add("closesAt", call.getNoticeClosesAt().toString()).add("open", call.isNoticeOpenAt(java.time.Instant.now()))
        .add("proposedAwardees", awardees).build();
  }

  /** A real-name objection: proposalId, name, contact (phone or e-mail), organisation (optional), grounds. */
  @POST
  @Path("{callId}/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response object(@PathParam("callId") String callId, JsonObject body) {
    JsonBody.require(body);
    Objection objection = notices.lodge(callId, JsonBody.string(body, "proposalId"), JsonBody.string(body, "name"),
        JsonBody.string(body, "contact"), JsonBody.string(body, "organisation"), JsonBody.string(body, "grounds"));
    return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", objection.getId())
        .add("lodgedAt", objection.getLodgedAt().toString())
        .add("message", "异议已受理，项目办将予以答复。The objection is registered; the programme office will answer it.").build().toString())
        .build();
  }
}
