package org.aipo.proposal;

import org.aipo.common.DomainException;

import org.aipo.call.Call;
import org.aipo.call.Calls;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/**
 * Proposal drafts, always within one organisation: another organisation's proposal is "not found",
 * never shown or changed.
 */
@ApplicationScoped
@Transactional
public class Proposals implements FormalCheckRecorder {

  public static final String SUBJECT_TYPE = "proposal";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  AuditLog auditLog;

  @Inject
  org.aipo.platform.WorkflowEngine workflowEngine;

  private final Clock clock = Clock.systemUTC();

  public Proposal createDraft(String callId, String organisationId, Proposal.Content content, String userId) {
    Call call = calls.require(callId);
    if (!call.isOpenAt(clock.instant())) {
      throw DomainException.conflict("call.closed", "callId", "该征集当前不受理申报（受理时间 " + call.getOpensAt() + " 至 " + call.getClosesAt() + "）",
          "the call is not open for proposals (open " + call.getOpensAt() + " to " + call.getClosesAt() + ")");
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

  /**
   * Submits the draft and starts its formal check, in one transaction. Submitting again (a retry after
   * a timeout) returns the same proposal and starts nothing.
   */
  public Proposal submit(String proposalId, String organisationId, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    if (proposal.submit(calls.require(proposal.getCallId()), clock.instant())) {
      workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(FormalCheckProcess.PROCESS_KEY,
          proposal.getId(), java.util.Map.of(FormalCheckProcess.VAR_PROPOSAL, proposal.getId()));
      auditLog.record(userId, "proposal.submitted", SUBJECT_TYPE, proposal.getId(), null);
    }
    return proposal;
  }

  /** The applicant's correction after a return: content saved and the formal check resumed. */
  public Proposal correct(String proposalId, String organisationId, Proposal.Content content, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    proposal.correct(calls.require(proposal.getCallId()), content, clock.instant());
    workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(FormalCheckProcess.MESSAGE_CORRECTED)
        .processInstanceBusinessKey(proposal.getId()).correlate();
    auditLog.record(userId, "proposal.corrected", SUBJECT_TYPE, proposal.getId(), null);
    return proposal;
  }

  /** Attaches a PDF to a draft or a returned proposal. */
  public Attachment attach(String proposalId, String organisationId, String fileName, byte[] content, String userId) {
    Proposal proposal = own(proposalId, organisationId);
    if (proposal.getStatus() != Proposal.Status.DRAFT && proposal.getStatus() != Proposal.Status.RETURNED) {
      throw DomainException.conflict("attachment.not-editable", "file", "只有草稿或退回补正的申报可以添加附件，本申报当前状态为 " + proposal.getStatus(),
          "attachments can be added to a draft or a returned proposal; this one is " + proposal.getStatus());
    }
    Attachment attachment = new Attachment(proposal.getId(), fileName, content, clock.instant());
    entityManager.persist(attachment);
    auditLog.record(userId, "proposal.attachment-added", SUBJECT_TYPE, proposal.getId(),
        attachment.getFileName() + " (" + attachment.getSize() + " bytes, sha256 " + attachment.getSha256() + ")");
    return attachment;
  }

  public java.util.List<Attachment> attachments(String proposalId, String organisationId) {
    own(proposalId, organisationId);
    return entityManager.createNamedQuery(Attachment.OF_PROPOSAL, Attachment.class).setParameter("proposal", proposalId).getResultList();
  }

  @Override
  public void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor) {
    find(proposalId).formalCheck(outcome, reasons);
    auditLog.record(actor, "proposal.formal-check." + outcome.name().toLowerCase(java.util.Locale.ROOT), SUBJECT_TYPE, proposalId, reasons);
  }

  @Override
  public void withdrawUncorrected(String proposalId) {
    find(proposalId).withdrawUncorrected();
    auditLog.record("system", "proposal.withdrawn-uncorrected", SUBJECT_TYPE, proposalId, null);
  }

  @Override
  public boolean excludeForPastAcceptance(String proposalId) {
    Proposal proposal = find(proposalId);
    org.aipo.applicant.Organisation organisation = entityManager.find(org.aipo.applicant.Organisation.class, proposal.getOrganisationId());
    int years = calls.require(proposal.getCallId()).getAdverseAcceptanceYears();
    if (years == 0) {
      return false;
    }
    java.time.LocalDate since = java.time.LocalDate.now(org.aipo.calendar.WorkingDayCalendar.CHINA).minusYears(years);
    java.util.List<AcceptanceRecord> adverse = entityManager.createNamedQuery(AcceptanceRecord.ADVERSE_SINCE, AcceptanceRecord.class)
        .setParameter("code", organisation.getCreditCode()).setParameter("since", since).getResultList();
    if (adverse.isEmpty()) {
      return false;
    }
    AcceptanceRecord latest = adverse.get(0);
    proposal.formalCheck(Proposal.FormalCheck.INELIGIBLE, "近三年内有验收" + (latest.getOutcome() == AcceptanceRecord.Outcome.FAILED ? "未通过" : "逾期")
        + "的项目（" + latest.getProject() + "，" + latest.getDecidedOn() + "）。An acceptance " + latest.getOutcome().name().toLowerCase()
        + " in the last three years (" + latest.getProject() + ", " + latest.getDecidedOn() + ").");
    auditLog.record("system", "proposal.formal-check.ineligible", SUBJECT_TYPE, proposalId, proposal.getCheckReasons());
    return true;
  }

  /** Records an acceptance result (until the acceptance process records them itself). */
  public AcceptanceRecord recordAcceptance(AcceptanceRecord record, String actor) {
    entityManager.persist(record);
    auditLog.record(actor, "acceptance.recorded", "acceptance", record.getProject(), record.getOutcome().name());
    return record;
  }

  @Override
  public String details(String proposalId) {
    Proposal proposal = find(proposalId);
    org.aipo.applicant.Organisation organisation = entityManager.find(org.aipo.applicant.Organisation.class, proposal.getOrganisationId());
    return ProposalText.markdown(proposal, organisation.getName() + "（" + organisation.getCreditCode() + "）",
        entityManager.createNamedQuery(Attachment.OF_PROPOSAL, Attachment.class).setParameter("proposal", proposalId).getResultList());
  }

  @Override
  public String title(String proposalId) {
    return find(proposalId).content().title();
  }

  @Override
  public String applicant(String proposalId) {
    return entityManager.find(org.aipo.applicant.Organisation.class, find(proposalId).getOrganisationId()).getName();
  }

  @Override
  public String callTitle(String proposalId) {
    Call call = entityManager.find(Call.class, find(proposalId).getCallId());
    return call == null ? "" : call.getTitle();
  }

  private Proposal find(String proposalId) {
    Proposal proposal = entityManager.find(Proposal.class, proposalId);
    if (proposal == null) {
      throw DomainException.badInput("proposal.unknown", "proposalId", "没有编号为 " + proposalId + " 的申报", "proposalId: no proposal " + proposalId);
    }
    return proposal;
  }

  public Proposal own(String proposalId, String organisationId) {
    Proposal proposal = proposalId == null ? null : entityManager.find(Proposal.class, proposalId);
    if (proposal == null || !proposal.getOrganisationId().equals(organisationId)) {
      throw DomainException.notFound("proposal.not-found", null, "没有该申报", "no proposal " + proposalId);
    }
    return proposal;
  }

  public List<Proposal> ofOrganisation(String organisationId) {
    return entityManager.createNamedQuery(Proposal.OF_ORGANISATION, Proposal.class)
        .setParameter("organisation", organisationId).getResultList();
  }

  // The selection and project processes change a proposal through these operations of its own capability,
  // never by calling the entity (docs/architecture.md, package rules)

  public java.util.List<Proposal> ofCall(String callId) {
    return entityManager.createNamedQuery(Proposal.OF_CALL, Proposal.class).setParameter("call", callId).getResultList();
  }

  public java.util.List<Attachment> attachmentsOf(String proposalId) {
    return entityManager.createNamedQuery(Attachment.OF_PROPOSAL, Attachment.class).setParameter("proposal", proposalId).getResultList();
  }

  public static void underReview(Proposal proposal, String reviewRequestId) {
    proposal.underReview(reviewRequestId);
  }

  public static void backToReview(Proposal proposal, String reason) {
    proposal.backToReview(reason);
  }

  public static void ranked(Proposal proposal, java.math.BigDecimal score, Integer rankInField, java.math.BigDecimal award, String reason) {
    proposal.ranked(score, rankInField, award, reason);
  }

  public static void published(Proposal proposal) {
    proposal.published();
  }

  public static void excluded(Proposal proposal, String reason) {
    proposal.excluded(reason);
  }

  public static void reopenForRanking(Proposal proposal) {
    proposal.reopenForRanking();
  }

  public static void awarded(Proposal proposal) {
    proposal.awarded();
  }

  public static void midTerm(Proposal proposal, String result) {
    proposal.midTerm(result);
  }

  public static void accepted(Proposal proposal, AcceptanceRecord.Outcome outcome) {
    proposal.accepted(outcome);
  }

  public static void designateBenchmark(Proposal proposal, boolean designated) {
    proposal.designateBenchmark(designated);
  }
}
