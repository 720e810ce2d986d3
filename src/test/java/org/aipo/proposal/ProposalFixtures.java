package org.aipo.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.aipo.call.Call;

/**
 * Proposals for process tests of other capabilities (selection, project), made and changed as the proposal
 * capability would, without a database.
 */
public final class ProposalFixtures {

  private ProposalFixtures() {
  }

  /** Particulars enough to submit: one measurable indicator (issue 27). */
  public static final Particulars MEASURED = new Particulars(java.util.List.of(), java.util.List.of(), java.util.List.of(),
      java.util.List.of(new Particulars.Indicator("良率 Yield", "%", new BigDecimal("90"), new BigDecimal("95"))));

  /** A submitted proposal of the given organisation, with the formal check's outcome (none when null). */
  public static Proposal submitted(Call call, String organisationId, String title, String field, BigDecimal requested, Instant at,
      Proposal.FormalCheck check) {
    Proposal proposal = new Proposal(call, organisationId, new Proposal.Content(title, field, "摘要", "技术路线", "模型", "数据",
        requested, null, "指标", "团队"), "applicant", at);
    proposal.declareParticulars(MEASURED);
    proposal.submit(call, at);
    if (check != null) {
      formalCheck(proposal, check, check == Proposal.FormalCheck.ELIGIBLE ? null : "理由 reasons");
    }
    return proposal;
  }

  /** The proposal answering the given scenarios of its call ("code title"), with MEASURED's indicator. */
  public static Proposal answering(Proposal proposal, String... scenarios) {
    proposal.declareParticulars(new Particulars(java.util.List.of(), java.util.List.of(scenarios), java.util.List.of(), MEASURED.indicators()));
    return proposal;
  }

  public static void formalCheck(Proposal proposal, Proposal.FormalCheck outcome, String reasons) {
    proposal.formalCheck(outcome, reasons);
  }
}
