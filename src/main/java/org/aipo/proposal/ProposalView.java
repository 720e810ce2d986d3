package org.aipo.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal as its applicant sees it. */
@Schema(name = "Proposal")
public record ProposalView(String id, String callId, String status, long version, Instant updatedAt, String title, String field,
    String summary, String technicalApproach, String models, String dataSources, BigDecimal budget, BigDecimal coFunding,
    String expectedOutcomes, String team,
    @Schema(description = "所用模型的备案号 The filing numbers of the models used") java.util.List<String> modelFilingNumbers, String checkReasons, String midTermResult, boolean benchmark, Instant submittedAt) {

  public static ProposalView of(Proposal proposal) {
    Proposal.Content c = proposal.content();
    return new ProposalView(proposal.getId(), proposal.getCallId(), proposal.getStatus().name(), proposal.getVersion(),
        proposal.getUpdatedAt(), c.title(), c.field(), c.summary(), c.technicalApproach(), c.models(), c.dataSources(), c.budget(),
        c.coFunding(), c.expectedOutcomes(), c.team(), proposal.getModelFilingNumbers(), proposal.getCheckReasons(), proposal.getMidTermResult(), proposal.isBenchmark(),
        proposal.getSubmittedAt());
  }
}
