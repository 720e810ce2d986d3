package org.aipo.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;

/** Forming balanced review groups and moving a proposal between them (docs/adr/0020). */
class ReviewGroupingTest {

  static List<Integer> sizes(int items, int max) {
    return ReviewGrouping.balanced(IntStream.range(0, items).boxed().toList(), max).stream().map(List::size).toList();
  }

  @Test
  void groupsAreTheFewestOfAtMostTheMaximumAndBalanced() {
    assertThat(sizes(45, 20)).containsExactly(15, 15, 15);
    assertThat(sizes(41, 20)).containsExactly(14, 14, 13);
    assertThat(sizes(20, 20)).containsExactly(20);
    assertThat(sizes(21, 20)).containsExactly(11, 10);
    assertThat(sizes(500, 20)).hasSize(25).allMatch(n -> n == 20);
    assertThat(sizes(0, 20)).isEmpty();
  }

  /**
   * 40 robotics proposals, titles interleaved: 20 answer scenario S1, 10 answer S2, 10 none. Sorted by sub-field
   * first, the 20 of S1 form one group and S2's ten share the other with the ten that name no scenario, instead of
   * being spread by title over both groups.
   */
  @Test
  void groupsFollowTheScenarioAProposalAnswersBeforeItsTitle() {
    java.time.Instant now = java.time.Instant.now();
    org.aipo.call.Call call = new org.aipo.call.Call("分组 Sub-fields", java.util.Set.of("robotics"), now.plusSeconds(86_400), now.plusSeconds(30 * 86_400L),
        new java.math.BigDecimal("100000000"), new java.math.BigDecimal("1000000"), 10, "office");
    org.aipo.call.Calls.enter(call, org.aipo.call.Call.Stage.OPEN);
    List<org.aipo.proposal.Proposal> eligible = new java.util.ArrayList<>();
    java.util.Map<String, String> scenarioOf = new java.util.HashMap<>();
    for (int i = 0; i < 40; i++) {
      org.aipo.proposal.Proposal p = org.aipo.proposal.ProposalFixtures.submitted(call, "org-" + i, String.format("课题 Project %02d", i), "robotics",
          new java.math.BigDecimal("100000"), call.getOpensAt().plusSeconds(60 + i), org.aipo.proposal.Proposal.FormalCheck.ELIGIBLE);
      String scenario = i % 2 == 0 ? "S1 工业质检 Inspection" : i % 4 == 1 ? "S2 仓储物流 Logistics" : null;
      if (scenario != null) {
        org.aipo.proposal.ProposalFixtures.answering(p, scenario);
      }
      scenarioOf.put(p.getId(), scenario == null ? "none" : scenario.substring(0, 2));
      eligible.add(p);
    }
    List<ReviewGrouping.Formed> groups = ReviewGrouping.form(eligible, 20);
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).proposals()).extracting(p -> scenarioOf.get(p.getId())).containsOnly("S1").hasSize(20);
    assertThat(groups.get(1).proposals()).extracting(p -> scenarioOf.get(p.getId())).containsOnly("S2", "none");
    // within a sub-field, the keyword (title) orders them
    assertThat(groups.get(0).proposals()).extracting(p -> p.content().title()).isSorted();
  }

  List<ReviewGroup> round() {
    return List.of(new ReviewGroup("c", 1, 1, "robotics", List.of("p1", "p2"), Instant.now()),
        new ReviewGroup("c", 1, 2, "robotics", List.of("p3", "p4", "p5"), Instant.now()),
        new ReviewGroup("c", 1, 3, "healthcare", List.of("p6"), Instant.now()));
  }

  static void refused(Runnable move, DomainException.Kind kind, String field) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.field()).isEqualTo(field);
    });
  }

  @Test
  void aMoveNeedsAReasonAKnownTargetOfTheSameFieldAndRoomInIt() {
    List<ReviewGroup> round = round();
    refused(() -> ReviewGrouping.move(round, "p1", 2, "", 3), DomainException.Kind.BAD_INPUT, "reason");
    refused(() -> ReviewGrouping.move(round, "p1", 9, "r", 3), DomainException.Kind.BAD_INPUT, "toGroup");
    refused(() -> ReviewGrouping.move(round, "p1", null, "r", 3), DomainException.Kind.BAD_INPUT, "toGroup");
    refused(() -> ReviewGrouping.move(round, "p1", 3, "r", 3), DomainException.Kind.BAD_INPUT, "toGroup");
    refused(() -> ReviewGrouping.move(round, "p1", 1, "r", 3), DomainException.Kind.BAD_INPUT, "toGroup");
    refused(() -> ReviewGrouping.move(round, "nope", 2, "r", 3), DomainException.Kind.BAD_INPUT, "proposalId");
    refused(() -> ReviewGrouping.move(round, "p1", 2, "r", 3), DomainException.Kind.CONFLICT, "toGroup");

    ReviewGroup from = ReviewGrouping.move(round, "p3", 1, "same topic", 3);
    assertThat(from.getGroupNo()).isEqualTo(2);
    assertThat(round.get(0).getProposalIds()).containsExactly("p1", "p2", "p3");
    assertThat(round.get(1).getProposalIds()).containsExactly("p4", "p5");
    refused(() -> ReviewGrouping.move(round, "p6", 2, "r", 3), DomainException.Kind.BAD_INPUT, "toGroup");
  }

  @Test
  void aMoveMayNotEmptyAGroupNorFollowTheDraw() {
    List<ReviewGroup> round = List.of(new ReviewGroup("c", 1, 1, "robotics", List.of("p1"), Instant.now()),
        new ReviewGroup("c", 1, 2, "robotics", List.of("p2"), Instant.now()));
    refused(() -> ReviewGrouping.move(round, "p1", 2, "r", 3), DomainException.Kind.CONFLICT, "proposalId");
    round.get(0).drawnAs("request-1");
    assertThatThrownBy(() -> ReviewGrouping.move(round, "p2", 1, "r", 3)).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.code()).isEqualTo("review-group.drawn"));
  }

  @Test
  void onlyASplitFieldAsksTheOfficeToConfirm() {
    assertThat(ReviewGrouping.needsConfirmation(round())).isTrue();
    assertThat(ReviewGrouping.needsConfirmation(List.of(round().get(0), round().get(2)))).isFalse();
  }
}
