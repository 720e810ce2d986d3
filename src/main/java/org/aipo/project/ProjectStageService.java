package org.aipo.project;

import org.aipo.common.DomainException;
import org.aipo.proposal.AcceptanceRecord;
import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.proposal.Attachment;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.ProposalText;
import org.aipo.proposal.Proposals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.audit.AuditLog;
import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;

/** An awarded project's milestones on the stored proposal, reviews and acceptance records. */
@ApplicationScoped
@Transactional
public class ProjectStageService implements ProjectStages {

  /** What experts judge at a mid-term check and at acceptance (100 points). */
  public static final List<ReviewCriterion> MILESTONE_CRITERIA = List.of(
      new ReviewCriterion("goalAttainment", "目标与指标完成情况 Goals and indicators attained", 40),
      new ReviewCriterion("outcomes", "应用成效与示范效应 Outcomes and demonstration effect", 35),
      new ReviewCriterion("fundsUse", "经费使用与管理 Use of funds", 25));

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  Calls calls;

  @Inject
  ReviewService reviews;

  @Inject
  AuditLog auditLog;

  @Inject
  Proposals proposals;

  @Inject
  org.aipo.platform.WorkflowEngine workflowEngine;

  private final Clock clock = Clock.systemUTC();

  private Proposal proposal(String proposalId) {
    Proposal proposal = proposalId == null ? null : entityManager.find(Proposal.class, proposalId);
    if (proposal == null) {
      throw DomainException.badInput("proposal.unknown", "proposalId", "没有申报书 " + proposalId, "proposalId: no proposal " + proposalId);
    }
    return proposal;
  }

  private void event(String actor, Proposal proposal, String action, String detail) {
    auditLog.record(actor, action, Proposals.SUBJECT_TYPE, proposal.getId(), detail);
  }

  private static String label(Milestone milestone) {
    return milestone == Milestone.MID_TERM ? "中期检查 Mid-term check" : "验收 Acceptance";
  }

  @Override
  public java.time.Instant dueDate(String proposalId, Milestone milestone) {
    Call call = calls.require(proposal(proposalId).getCallId());
    int months = milestone == Milestone.MID_TERM ? call.getProjectMonths() / 2 : call.getProjectMonths();
    return ZonedDateTime.now(clock.withZone(WorkingDayCalendar.CHINA)).plusMonths(months).toInstant();
  }

  @Override
  public String prepareReview(String proposalId, Milestone milestone) {
    Proposal proposal = proposal(proposalId);
    Call call = calls.require(proposal.getCallId());
    ReviewRequest request = new ReviewRequest(label(milestone) + " · " + proposal.content().title(), proposal.content().field(),
        call.getPanelSize(), 2, 10, 60, MILESTONE_CRITERIA.stream().map(c -> new ReviewCriterion(c.getCode(), c.getName(), c.getWeight())).toList(),
        null, "system", clock.instant());
    String organisation = entityManager.find(Organisation.class, proposal.getOrganisationId()).getName();
    String reportAction = milestone == Milestone.MID_TERM ? "project.mid-term-reported" : "project.acceptance-applied";
    String report = auditLog.forSubject(Proposals.SUBJECT_TYPE, proposalId).stream().filter(r -> r.getAction().equals(reportAction))
        .reduce((first, second) -> second).map(r -> r.getDetail()).orElse(null);
    // the proposal's co-applicants and exclusions hold for its mid-term and acceptance reviews too (issue 27)
    org.aipo.proposal.Particulars.Avoiding avoid = proposals.avoidanceOf(List.of(proposal)).get(proposal.getId());
    request.addItem(proposal.getId(), proposal.content().title(), organisation, avoid.coApplicantOrganisations(), avoid.excludedExperts(),
        Integer.MAX_VALUE)
        .describe("**" + label(milestone) + " 报告 Report**: " + org.aipo.common.Markdown.escape(report == null ? "—" : report) + "\n\n"
            + ProposalText.markdown(proposal, organisation, proposals.attachmentsOf(proposalId), call.getDocumentKinds()));
    reviews.create(request, "system");
    event("system", proposal, milestone == Milestone.MID_TERM ? "project.mid-term-review" : "project.acceptance-review", null);
    return request.getId();
  }

  @Override
  public boolean recordReview(String proposalId, Milestone milestone, String reviewRequestId) {
    Proposal proposal = proposal(proposalId);
    ReviewRequest request = reviews.find(reviewRequestId);
    ItemOutcome outcome = request.getOutcomes().get(0);
    boolean passed = outcome.getRecommendation() == ItemOutcome.Recommendation.RECOMMENDED;
    if (milestone == Milestone.MID_TERM) {
      Proposals.midTerm(proposal, passed ? "PASSED" : "FAILED");
      event("system", proposal, passed ? "project.mid-term-passed" : "project.mid-term-failed", "score " + outcome.getScore());
    } else {
      AcceptanceRecord.Outcome result = passed ? AcceptanceRecord.Outcome.PASSED : AcceptanceRecord.Outcome.FAILED;
      recordAcceptance(proposal, result);
      event("system", proposal, passed ? "project.accepted" : "project.acceptance-failed", "score " + outcome.getScore());
    }
    return passed;
  }

  private void recordAcceptance(Proposal proposal, AcceptanceRecord.Outcome result) {
    Proposals.accepted(proposal, result);
    Organisation organisation = entityManager.find(Organisation.class, proposal.getOrganisationId());
    entityManager.persist(new AcceptanceRecord(organisation.getCreditCode(), proposal.content().title(), result,
        LocalDate.now(clock.withZone(WorkingDayCalendar.CHINA))));
    auditLog.record("system", "acceptance.recorded", "acceptance", proposal.content().title(), result.name());
  }

  @Override
  public void recordOverdue(String proposalId, Milestone milestone) {
    Proposal proposal = proposal(proposalId);
    if (milestone == Milestone.MID_TERM) {
      Proposals.midTerm(proposal, "OVERDUE");
      event("system", proposal, "project.mid-term-overdue", null);
    } else {
      recordAcceptance(proposal, AcceptanceRecord.Outcome.OVERDUE);
      event("system", proposal, "project.acceptance-overdue", null);
    }
  }

  @Override
  public void designateBenchmark(String proposalId, boolean designated, String reasons, String actor) {
    Proposal proposal = proposal(proposalId);
    org.aipo.common.Text.required(reasons, "reasons", 2000);
    Proposals.designateBenchmark(proposal, designated);
    event(actor, proposal, designated ? "project.designated-benchmark" : "project.not-designated-benchmark", reasons);
  }

  @Override
  public String title(String proposalId) {
    return proposal(proposalId).content().title();
  }

  /** The applicant's mid-term report or acceptance application for an awarded project. */
  public Proposal report(String proposalId, String organisationId, Milestone milestone, String summary, String userId) {
    Proposal proposal = proposals.own(proposalId, organisationId);
    org.aipo.common.Text.required(summary, "summary", org.aipo.audit.AuditRecord.MAX_DETAIL);
    String message = milestone == Milestone.MID_TERM ? DemonstrationProject.MESSAGE_MID_TERM : DemonstrationProject.MESSAGE_ACCEPTANCE;
    try {
      workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(message)
          .processInstanceBusinessKey(proposal.getId()).correlate();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw DomainException.conflict("project.report-not-awaited", "milestone", "该申报书当前不需要提交" + (milestone == Milestone.MID_TERM ? "中期报告" : "验收申请")
          + "（状态为 " + proposal.getStatus() + "）", "no " + (milestone == Milestone.MID_TERM ? "mid-term report" : "acceptance application")
          + " is awaited for this proposal now (it is " + proposal.getStatus() + ")");
    }
    auditLog.record(userId, milestone == Milestone.MID_TERM ? "project.mid-term-reported" : "project.acceptance-applied",
        Proposals.SUBJECT_TYPE, proposal.getId(), summary);
    return proposal;
  }
}
