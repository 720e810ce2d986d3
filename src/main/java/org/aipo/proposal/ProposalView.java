package org.aipo.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal as its applicant sees it. */
@Schema(name = "Proposal")
public record ProposalView(String id, String callId, String status, long version, Instant updatedAt, String title, String field,
    String summary, String technicalApproach, String models, String dataSources, BigDecimal budget, BigDecimal coFunding,
    String expectedOutcomes, String team,
    @Schema(description = "所用模型的备案号 The filing numbers of the models used") java.util.List<String> modelFilingNumbers, String checkReasons, String midTermResult, boolean benchmark, Instant submittedAt,
    @Schema(description = "合作申报单位 Co-applicant organisations") java.util.List<Particulars.CoApplicant> coApplicants,
    @Schema(description = "所答场景（本征集的场景）The call's scenarios the proposal answers") java.util.List<String> scenarios,
    @Schema(description = "申请回避的专家或单位及理由 Experts or organisations asked to be excluded, with reasons") java.util.List<Particulars.Exclusion> exclusions,
    @Schema(description = "考核指标 Measurable indicators") java.util.List<Particulars.Indicator> indicators) {

  public static ProposalView of(Proposal proposal) {
    Proposal.Content c = proposal.content();
    Particulars p = proposal.particulars();
    return new ProposalView(proposal.getId(), proposal.getCallId(), proposal.getStatus().name(), proposal.getVersion(),
        proposal.getUpdatedAt(), c.title(), c.field(), c.summary(), c.technicalApproach(), c.models(), c.dataSources(), c.budget(),
        c.coFunding(), c.expectedOutcomes(), c.team(), proposal.getModelFilingNumbers(), proposal.getCheckReasons(), proposal.getMidTermResult(), proposal.isBenchmark(),
        proposal.getSubmittedAt(), p.coApplicants(), p.scenarios(), p.exclusions(), p.indicators());
  }
}
