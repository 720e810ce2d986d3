package org.aipo.review;

import org.aipo.expert.PoolMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.review.ExpertDraw.Candidate;
import org.aipo.review.ExpertDraw.Outcome;
import org.aipo.expert.PoolMember.Relationship;
import org.junit.jupiter.api.Test;

class ExpertDrawTest {

  static final String FIELD = "intelligent-manufacturing";

  static PoolMember expert(String id, String organisation, Relationship... relationships) {
    return new PoolMember(id, organisation, Set.of(FIELD), List.of(relationships));
  }

  static List<PoolMember> pool(int size) {
    List<PoolMember> pool = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      pool.add(expert(String.format("e%02d", i), "University " + i));
    }
    return pool;
  }

  @Test
  void drawsAPanelAndReservesFromTheFieldOnly() {
    List<PoolMember> pool = new ArrayList<>(pool(12));
    pool.add(new PoolMember("other", "Elsewhere", Set.of("biomedicine"), List.of()));

    ExpertDraw.Result result = ExpertDraw.draw(pool, FIELD, Avoidance.of(Set.of()), 5, 3, 42L);

    assertThat(result.panel()).hasSize(5).doesNotHaveDuplicates();
    assertThat(result.reserves()).hasSize(3).doesNotContainAnyElementsOf(result.panel());
    assertThat(result.candidates()).hasSize(12).extracting(Candidate::expertId).doesNotContain("other");
    assertThat(result.candidates()).filteredOn(c -> c.outcome() == Outcome.NOT_DRAWN).hasSize(4);
    assertThat(result.shortfall()).isZero();
  }

  @Test
  void replayingTheStoredSeedAndPoolGivesTheSamePanelWhateverTheOrderOfThePool() {
    List<PoolMember> pool = pool(20);
    ExpertDraw.Result original = ExpertDraw.draw(pool, FIELD, Avoidance.of(Set.of("University 3")), 7, 2, 20261122L);

    List<PoolMember> shuffled = new ArrayList<>(pool);
    Collections.shuffle(shuffled);
    ExpertDraw.Result replay = ExpertDraw.draw(shuffled, FIELD, Avoidance.of(Set.of("University 3")), 7, 2, 20261122L);

    assertThat(replay).isEqualTo(original);
  }

  @Test
  void differentSeedsGiveDifferentPanels() {
    Set<List<String>> panels = new HashSet<>();
    for (long seed = 1; seed <= 10; seed++) {
      panels.add(ExpertDraw.draw(pool(20), FIELD, Avoidance.of(Set.of()), 5, 0, seed).panel());
    }
    assertThat(panels).hasSizeGreaterThan(5);
  }

  @Test
  void everyGroundOfAvoidanceKeepsTheExpertOutWithItsReason() {
    List<PoolMember> pool = new ArrayList<>(pool(10));
    pool.add(expert("same-org", " ACME AI Co. "));
    pool.add(expert("collaborator", "Tsinghua", new Relationship("acme ai co.", Relationship.Kind.RECENT_COLLABORATOR)));
    pool.add(expert("relative", "Fudan", new Relationship("Partner Lab", Relationship.Kind.RELATIVE)));
    pool.add(expert("co-applicant-org", "Partner Lab"));
    pool.add(expert("co-applicant", "Zhejiang University"));
    pool.add(expert("excluded", "SJTU"));
    Avoidance avoidance = new Avoidance(Set.of("ACME AI Co."), Set.of("Partner Lab"), Set.of("co-applicant"),
        Map.of("excluded", "competitor's adviser"));

    ExpertDraw.Result result = ExpertDraw.draw(pool, FIELD, avoidance, 5, 5, 7L);

    Map<String, String> avoided = new java.util.HashMap<>();
    result.candidates().stream().filter(c -> c.outcome() == Outcome.AVOIDED).forEach(c -> avoided.put(c.expertId(), c.reason()));
    assertThat(avoided).containsOnlyKeys("same-org", "collaborator", "relative", "co-applicant-org", "co-applicant", "excluded");
    assertThat(avoided.get("same-org")).contains("same organisation");
    assertThat(avoided.get("collaborator")).contains("recent collaborator").contains("acme ai co.");
    assertThat(avoided.get("relative")).contains("relative");
    assertThat(avoided.get("co-applicant-org")).contains("co-applicant");
    assertThat(avoided.get("co-applicant")).contains("co-applicant");
    assertThat(avoided.get("excluded")).contains("competitor's adviser");
    assertThat(result.panel()).doesNotContainAnyElementsOf(avoided.keySet());
    assertThat(result.reserves()).doesNotContainAnyElementsOf(avoided.keySet());
  }

  @Test
  void tooFewEligibleAfterAvoidanceLeavesSeatsEmptyForTheSecretariatInsteadOfFailing() {
    List<PoolMember> pool = List.of(expert("a", "X"), expert("b", "X"), expert("c", "Y"), expert("d", "Z"), expert("e", "W"));

    ExpertDraw.Result result = ExpertDraw.draw(pool, FIELD, Avoidance.of(Set.of("X", "Y")), 5, 2, 1L);

    assertThat(result.panel()).containsExactlyInAnyOrder("d", "e");
    assertThat(result.reserves()).isEmpty();
    assertThat(result.shortfall()).isEqualTo(3);
  }

  @Test
  void anEvenTooSmallOrTooLargePanelIsRefusedBeforeAnythingIsDrawn() {
    assertThatThrownBy(() -> ExpertDraw.draw(pool(10), FIELD, Avoidance.of(Set.of()), 4, 0, 1L)).hasMessageContaining("panelSize must be odd");
    assertThatThrownBy(() -> ExpertDraw.draw(pool(10), FIELD, Avoidance.of(Set.of()), 1, 0, 1L)).hasMessageContaining("at least 3");
    assertThatThrownBy(() -> ExpertDraw.draw(pool(4), FIELD, Avoidance.of(Set.of()), 5, 0, 1L))
        .hasMessageContaining("panelSize 5 is larger than the 4 active experts");
    assertThatThrownBy(() -> ExpertDraw.draw(pool(10), FIELD, Avoidance.of(Set.of()), 5, -1, 1L)).hasMessageContaining("reserves");
  }
}
