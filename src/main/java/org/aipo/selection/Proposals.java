package org.aipo.selection;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.aipo.audit.AuditLog;

/**
 * Proposal drafts, always within one organisation: another organisation's proposal is "not found",
 * never shown or changed.
 */
@ApplicationScoped
@Transactional
public class Proposals {

  public static final String SUBJECT_TYPE = "proposal";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  public Proposal createDraft(String callId, String organisationId, Proposal.Content content, String userId) {
    Call call = calls.require(callId);
    if (!call.isOpenAt(clock.instant())) {
      throw new IllegalStateException("the call is not open for proposals (open " + call.getOpensAt() + " to " + call.getClosesAt() + ")");
    }
    Proposal proposal = new Proposal(call, organisationId, content, userId, clock.instant());
    entityManager.persist(proposal);
    auditLog.record(userId, "proposal.drafted", SUBJECT_TYPE, proposal.getId(), content.title());
    return proposal;
  }

  public Proposal save(String proposalId, String organisationId, Proposal.Content content, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    proposal.update(calls.require(proposal.getCallId()), content, clock.instant());
    auditLog.record(userId, "proposal.saved", SUBJECT_TYPE, proposal.getId(), null);
    return proposal;
  }

  public Proposal own(String proposalId, String organisationId) {
    Proposal proposal = proposalId == null ? null : entityManager.find(Proposal.class, proposalId);
    if (proposal == null || !proposal.getOrganisationId().equals(organisationId)) {
      throw new NotFoundException("no proposal " + proposalId);
    }
    return proposal;
  }

  public List<Proposal> ofOrganisation(String organisationId) {
    return entityManager.createNamedQuery(Proposal.OF_ORGANISATION, Proposal.class)
        .setParameter("organisation", organisationId).getResultList();
  }
}
