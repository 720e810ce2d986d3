package org.aipo.proposal;

import jakarta.annotation.security.RolesAllowed;

import org.aipo.api.ApiResource;

import org.aipo.call.Calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.applicant.Organisation;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Officials read a proposal in full (Tasklist forms show it cut to what a task variable holds), with its
 * status, score, rank and award. A call's proposals: {@code GET /api/calls/{id}/proposals}.
 */
@RequestScoped
@Path("proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "committee-secretariat", "auditor", "camunda-admin"})
@Transactional
@Tag(name = "proposals", description = "申报书（项目办） Proposals for officials")
public class OfficeProposalResource implements ApiResource {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @GET
  @Path("{id}")
  @Operation(summary = "查看申报书全文 Read a proposal in full")
  @APIResponse(responseCode = "200", description = "申报书 The proposal",
      content = @Content(schema = @Schema(implementation = OfficeProposalView.class)))
  public OfficeProposalView proposal(@PathParam("id") String id) {
    Proposal proposal = id == null ? null : entityManager.find(Proposal.class, id);
    if (proposal == null) {
      throw DomainException.notFound("proposal.not-found", null, "没有申报书 " + id, "no proposal " + id);
    }
    return withOrganisation(proposal);
  }

  public java.util.List<OfficeProposalView> ofCall(String callId) {
    return entityManager.createNamedQuery(Proposal.OF_CALL, Proposal.class).setParameter("call", callId).getResultList()
        .stream().map(this::withOrganisation).toList();
  }

  OfficeProposalView withOrganisation(Proposal proposal) {
    return OfficeProposalView.of(proposal, entityManager.find(Organisation.class, proposal.getOrganisationId()));
  }
}
