package org.aipo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.expert.PoolMember;
import org.junit.jupiter.api.Test;

/** The call-level draw of review groups at province scale (docs/adr/0020, DOMAIN.md process 2b). */
class GroupDrawTest {

  static final List<String> FIELDS = List.of("robotics", "healthcare", "education", "transport", "agriculture", "finance");

  @Test
  void threeThousandProposalsInSixFieldsFromSixHundredExpertsStayUnderTheCapAndAvoidEveryApplicant() {
    // 600 experts, 100 a field, at 300 organisations; 3,000 proposals, 500 a field, from the same 300 organisations
    Map<String, List<PoolMember>> pools = new HashMap<>();
    for (int e = 0; e < 600; e++) {
      String field = FIELDS.get(e % 6);
      pools.computeIfAbsent(field, f -> new ArrayList<>())
          .add(new PoolMember(String.format("ex-%03d", e), "Org " + (e % 300), Set.of(field), List.of()));
    }
    List<GroupDraw.Group> groups = new ArrayList<>();
    List<Set<String>> applicants = new ArrayList<>();
    int proposal = 0;
    for (String field : FIELDS) {
      for (int g = 0; g < 25; g++) {
        Set<String> organisations = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
          organisations.add("Org " + (proposal++ * 7 % 300));
        }
        applicants.add(organisations);
        groups.add(new GroupDraw.Group(field, pools.get(field), Avoidance.of(organisations), 5, 2));
      }
    }
    long started = System.nanoTime();
    List<GroupDraw.Drawn> drawn = GroupDraw.draw(groups, 2, 20261207L);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(drawn).hasSize(150);
    assertThat(millis).as("150 groups drawn in memory").isLessThan(5_000);
    Map<String, Integer> groupsOf = new HashMap<>();
    for (int g = 0; g < drawn.size(); g++) {
      ExpertDraw.Result result = drawn.get(g).result();
      List<String> seated = new ArrayList<>(result.panel());
      seated.addAll(result.reserves());
      seated.forEach(e -> groupsOf.merge(e, 1, Integer::sum));
      Set<String> organisations = applicants.get(g);
      Map<String, String> orgOf = new HashMap<>();
      groups.get(g).pool().forEach(m -> orgOf.put(m.expertId(), m.organisation()));
      assertThat(seated).as("group " + g + ": no expert of an applicant").noneMatch(e -> organisations.contains(orgOf.get(e)));
    }
    assertThat(groupsOf.values()).as("no expert on more than 2 groups (panel or reserve)").allMatch(n -> n <= 2);
    int shortSeats = drawn.stream().mapToInt(d -> d.result().shortfall()).sum();
    assertThat(drawn.stream().mapToInt(d -> d.result().panel().size()).sum() + shortSeats).isEqualTo(750);

    List<GroupDraw.Drawn> again = GroupDraw.draw(groups, 2, 20261207L);
    for (int g = 0; g < drawn.size(); g++) {
      assertThat(again.get(g).result()).as("same seed, same draw").isEqualTo(drawn.get(g).result());
    }
  }

  @Test
  void anExpertAtTheCapIsSetAsideWithTheReason() {
    List<PoolMember> pool = new ArrayList<>();
    for (int e = 1; e <= 6; e++) {
      pool.add(new PoolMember("ex" + e, "University " + e, Set.of("robotics"), List.of()));
    }
    GroupDraw.Group group = new GroupDraw.Group("robotics", pool, Avoidance.of(Set.of("ACME")), 3, 0);
    List<GroupDraw.Drawn> drawn = GroupDraw.draw(List.of(group, group, group), 1, 42L);
    assertThat(drawn.get(0).capped()).isEmpty();
    assertThat(drawn.get(1).capped()).containsExactlyInAnyOrderElementsOf(drawn.get(0).result().panel());
    assertThat(drawn.get(1).result().panel()).doesNotContainAnyElementsOf(drawn.get(0).result().panel()).hasSize(3);
    assertThat(drawn.get(2).result().panel()).as("everyone at the cap: the group is short").isEmpty();
    assertThat(drawn.get(2).result().shortfall()).isEqualTo(3);
    assertThat(drawn.get(2).result().candidates()).allSatisfy(c -> assertThat(c.reason()).isEqualTo(ExpertDraw.CAP_REASON));
  }
}
