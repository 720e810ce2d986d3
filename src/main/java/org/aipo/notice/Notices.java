package org.aipo.notice;

import org.aipo.common.DomainException;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.call.DemonstrationCall;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.variable.Variables;

/** Public notices (公示) of proposed awardees and the real-name objections lodged against them. */
@ApplicationScoped
@Transactional
public class Notices {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  AuditLog auditLog;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  Proposals proposals;

  private final Clock clock = Clock.systemUTC();

  /** The proposed awardees of a call in notice (nothing else of the call is public). */
  public List<Proposal> proposedAwardees(Call call) {
    return proposals.ofCall(call.getId())
        .stream().filter(p -> p.getStatus() == Proposal.Status.PROPOSED).toList();
  }

  /**
   * Stores the objection and hands it to the programme office (a Tasklist task), in one transaction.
   * Refused outside the notice window and for a proposal that is not a proposed awardee of this call.
   */
  public Objection lodge(String callId, String proposalId, String name, String contact, String organisation, String grounds) {
    Call call = calls.found(callId);
    if (!call.isNoticeOpenAt(clock.instant())) {
      throw call.getNoticeClosesAt() != null && clock.instant().isAfter(call.getNoticeClosesAt())
          ? DomainException.conflict("notice.closed", null, "公示期已结束，不再受理异议。",
              "The notice period ended at " + call.getNoticeClosesAt() + "; objections are no longer accepted.")
          : DomainException.conflict("notice.none-open", null, "该征集当前没有公示。", "This call has no notice open for objections.");
    }
    Proposal proposal = proposalId == null ? null : entityManager.find(Proposal.class, proposalId);
    if (proposal == null || !proposal.getCallId().equals(callId) || proposal.getStatus() != Proposal.Status.PROPOSED) {
      throw DomainException.badInput("notice.not-proposed", "proposalId", "该项目不在本次公示名单中", "proposalId: not a proposed awardee in this notice");
    }
    Objection objection = new Objection(callId, call.getNoticeRound(), proposalId, name, contact, organisation, grounds, clock.instant());
    entityManager.persist(objection);
    try {
      workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(DemonstrationCall.MESSAGE_OBJECTION)
          .processInstanceBusinessKey(callId)
          .setVariablesLocal(Variables.createVariables().putValue(DemonstrationCall.VAR_OBJECTION, objection.getId()))
          .correlate();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      // the notice ended between the check above and now: nothing is stored (the transaction rolls back)
      throw DomainException.conflict("notice.closed", null, "公示期已结束，不再受理异议。",
          "The notice period has just ended; objections are no longer accepted.");
    }
    auditLog.record("public:" + objection.getName(), "objection.lodged", "objection", objection.getId(),
        "call " + callId + ", proposal " + proposalId);
    return objection;
  }

  /** The objections lodged in one notice round of a call. */
  public List<Objection> ofCallRound(String callId, int round) {
    return entityManager.createNamedQuery(Objection.OF_CALL_ROUND, Objection.class).setParameter("call", callId).setParameter("round", round)
        .getResultList();
  }

  /** Records the office's answer to an objection. */
  public static void answer(Objection objection, Objection.Decision decision, String answer, String actor, java.time.Instant now) {
    objection.answer(decision, answer, actor, now);
  }
}
