package org.aipo.proposal;

import org.aipo.api.ApiResource;

import org.aipo.call.Calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.applicant.Organisation;
import org.aipo.api.AllowedGroups;

/**
 * Officials read a proposal in full (Tasklist forms show it cut to what a task variable holds), with its
 * status, score, rank and award. A call's proposals: {@code GET /api/calls/{id}/proposals}.
 */
@RequestScoped
@Path("proposals")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "leadership", "committee-secretariat", "camunda-admin"})
@Transactional
public class OfficeProposalResource implements ApiResource {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @GET
  @Path("{id}")
  public String proposal(@PathParam("id") String id) {
    Proposal proposal = id == null ? null : entityManager.find(Proposal.class, id);
    if (proposal == null) {
      throw new NotFoundException("no proposal " + id);
    }
    return withOrganisation(proposal).toString();
  }

  public java.util.List<JsonObject> ofCall(String callId) {
    return entityManager.createNamedQuery(Proposal.OF_CALL, Proposal.class).setParameter("call", callId).getResultList()
        .stream().map(this::withOrganisation).toList();
  }

  JsonObject withOrganisation(Proposal proposal) {
    Organisation organisation = entityManager.find(Organisation.class, proposal.getOrganisationId());
    return Json.createObjectBuilder(ProposalJson.proposal(proposal))
        .add("organisation", Json.createObjectBuilder().add("name", organisation.getName()).add("creditCode", organisation.getCreditCode()))
        .add("score", proposal.getScore() == null ? jakarta.json.JsonValue.NULL : Json.createValue(proposal.getScore()))
        .add("rankInField", proposal.getRankInField() == null ? jakarta.json.JsonValue.NULL : Json.createValue(proposal.getRankInField()))
        .add("award", proposal.getAward() == null ? jakarta.json.JsonValue.NULL : Json.createValue(proposal.getAward()))
        .add("outcomeReason", proposal.getOutcomeReason() == null ? jakarta.json.JsonValue.NULL : Json.createValue(proposal.getOutcomeReason()))
        .build();
  }
}
