package org.aipo.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.aipo.applicant.Organisation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal as officials see it: the applicant's view with the organisation, score, rank, award and reason. */
@Schema(name = "OfficeProposal")
public record OfficeProposalView(String id, String callId, String status, long version, Instant updatedAt, String title, String field,
    String summary, String technicalApproach, String models, String dataSources, BigDecimal budget, BigDecimal coFunding,
    String expectedOutcomes, String team, String checkReasons, String midTermResult, boolean benchmark, Instant submittedAt,
    OrganisationRef organisation, BigDecimal score, Integer rankInField, BigDecimal award, String outcomeReason,
    @Schema(description = "合作申报单位 Co-applicant organisations") java.util.List<Particulars.CoApplicant> coApplicants,
    @Schema(description = "所答场景 The call's scenarios the proposal answers") java.util.List<String> scenarios,
    @Schema(description = "申请回避的专家或单位及理由（仅官员可见，专家看不到）Exclusions asked for, with reasons (officials only, never experts)")
    java.util.List<Particulars.Exclusion> exclusions,
    @Schema(description = "考核指标 Measurable indicators") java.util.List<Particulars.Indicator> indicators) {

  /** The applicant organisation, by name and credit code. */
  @Schema(name = "ProposalOrganisation")
  public record OrganisationRef(String name, String creditCode) {
  }

  static OfficeProposalView of(Proposal proposal, Organisation organisation) {
    ProposalView p = ProposalView.of(proposal);
    return new OfficeProposalView(p.id(), p.callId(), p.status(), p.version(), p.updatedAt(), p.title(), p.field(), p.summary(),
        p.technicalApproach(), p.models(), p.dataSources(), p.budget(), p.coFunding(), p.expectedOutcomes(), p.team(), p.checkReasons(),
        p.midTermResult(), p.benchmark(), p.submittedAt(), new OrganisationRef(organisation.getName(), organisation.getCreditCode()),
        proposal.getScore(), proposal.getRankInField(), proposal.getAward(), proposal.getOutcomeReason(), p.coApplicants(), p.scenarios(),
        p.exclusions(), p.indicators());
  }
}
