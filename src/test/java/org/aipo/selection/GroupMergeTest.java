package org.aipo.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.ProposalFixtures;
import org.aipo.proposal.Proposals;
import org.junit.jupiter.api.Test;

/**
 * The ranking of a field reviewed in several groups merges them by the call's rule (docs/adr/0020). Group A scored
 * 90, 89, 70 and group B 80, 60, 59: normalised within each group B's 80 is the field's best (z 1.41 against A's 90 at
 * 0.76); by rank within group the two firsts lead, the higher score first.
 */
class GroupMergeTest {

  List<Proposal> proposals = new ArrayList<>();
  Map<String, String> groupOf = new java.util.HashMap<>();
  Map<String, BigDecimal> scoreOf = new java.util.HashMap<>();

  Call call(String rule) {
    Instant now = Instant.now();
    Call call = new Call("分组合并 Merge", Set.of("robotics"), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
        new BigDecimal("100000000"), new BigDecimal("1000000"), 10, "office");
    call.groupedBy(3, 2, rule);
    Calls.enter(call, Call.Stage.OPEN);
    add(call, "A90", "A", "90");
    add(call, "A89", "A", "89");
    add(call, "A70", "A", "70");
    add(call, "B80", "B", "80");
    add(call, "B60", "B", "60");
    add(call, "B59", "B", "59");
    return call;
  }

  void add(Call call, String title, String group, String score) {
    Proposal proposal = ProposalFixtures.submitted(call, "org-" + title, title, "robotics", new BigDecimal("100000"),
        call.getOpensAt().plusSeconds(60 + proposals.size()), Proposal.FormalCheck.ELIGIBLE);
    Proposals.underReview(proposal, "request-" + group);
    proposals.add(proposal);
    scoreOf.put(proposal.getId(), new BigDecimal(score));
  }

  List<String> ranked(Call call) {
    CallStageService.rankAll(call, proposals, p -> new CallStageService.Reviewed(scoreOf.get(p.getId()), Map.of(), p.getReviewRequestId()),
        (score, lowest) -> new CallStages.Verdict(true, "passes"));
    return proposals.stream().sorted(Comparator.comparing(Proposal::getRankInField)).map(p -> p.content().title()).toList();
  }

  @Test
  void normalisedScoresMergeTheGroupsByTheirZScore() {
    Call call = call("NORMALISED");
    assertThat(ranked(call)).containsExactly("B80", "A90", "A89", "B60", "B59", "A70");
    assertThat(proposals.get(0).getScore()).as("each proposal keeps its own aggregated score").isEqualByComparingTo("90");
  }

  @Test
  void rankInGroupMergesRankFirstThenScore() {
    Call call = call("RANK_IN_GROUP");
    assertThat(ranked(call)).containsExactly("A90", "B80", "A89", "B60", "A70", "B59");
  }

  @Test
  void aFieldReviewedAsOneGroupRanksByScoreUnderEitherRule() {
    for (String rule : List.of("NORMALISED", "RANK_IN_GROUP")) {
      proposals.clear();
      Call call = call(rule);
      proposals.forEach(p -> Proposals.underReview(p, "request-one"));
      assertThat(ranked(call)).as(rule).containsExactly("A90", "A89", "B80", "A70", "B60", "B59");
    }
  }
}
