package org.aipo.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.common.DomainException;
import org.aipo.filing.AiService.Tier;
import org.junit.jupiter.api.Test;

/** The seeded draw of spot-check campaigns: replayable, share per tier, inspectors with avoidance. */
class SpotCheckDrawTest {

  static final SpotCheckDraw.Rules DEFAULTS = new SpotCheckDraw.Rules(30, 10, 3, 2);

  /** 10 high-tier services of firms F0..F4, 20 medium, 40 low; six inspectors, insp1 avoids firm F1, insp2 F2. */
  static SpotCheckDraw.Snapshot pool() {
    Map<Tier, List<SpotCheckDraw.Candidate>> services = new EnumMap<>(Tier.class);
    int[] sizes = {10, 20, 40};
    for (Tier tier : Tier.values()) {
      List<SpotCheckDraw.Candidate> candidates = new ArrayList<>();
      for (int i = 0; i < sizes[tier.ordinal()]; i++) {
        candidates.add(new SpotCheckDraw.Candidate(tier.name().toLowerCase() + "-" + i, "F" + (i % 5)));
      }
      services.put(tier, candidates);
    }
    List<SpotCheckDraw.Inspector> inspectors = List.of(new SpotCheckDraw.Inspector("insp1", Set.of("F1")), new SpotCheckDraw.Inspector("insp2",
        Set.of("F2")), new SpotCheckDraw.Inspector("insp3", Set.of()), new SpotCheckDraw.Inspector("insp4", Set.of()),
        new SpotCheckDraw.Inspector("insp5", Set.of()), new SpotCheckDraw.Inspector("insp6", Set.of()));
    return new SpotCheckDraw.Snapshot(services, inspectors);
  }

  @Test
  void theSharesPerTierDecideHowManyServicesAreDrawnRoundingUp() {
    List<SpotCheckDraw.Drawn> drawn = SpotCheckDraw.draw("seed-1", pool(), DEFAULTS);

    // 30 % of 10, 10 % of 20, 3 % of 40 = 1.2 → 2
    assertThat(SpotCheckDraw.countByTier(drawn)).containsEntry(Tier.HIGH, 3L).containsEntry(Tier.MEDIUM, 2L).containsEntry(Tier.LOW, 2L);
    assertThat(drawn).allSatisfy(d -> assertThat(d.inspectors()).hasSize(2).doesNotHaveDuplicates());
    assertThat(drawn.stream().map(SpotCheckDraw.Drawn::serviceId)).doesNotHaveDuplicates();
    assertThat(SpotCheckDraw.draw("seed-1", pool(), new SpotCheckDraw.Rules(0, 0, 100, 1))).hasSize(40).allMatch(d -> d.tier() == Tier.LOW);
  }

  @Test
  void theSameSeedAndSnapshotGiveTheSameServicesAndInspectorsAndAnotherSeedOthers() {
    List<SpotCheckDraw.Drawn> first = SpotCheckDraw.draw("a3f9c2", pool(), DEFAULTS);

    assertThat(SpotCheckDraw.draw("a3f9c2", SpotCheckDraw.Snapshot.parse(pool().text()), DEFAULTS)).isEqualTo(first);
    assertThat(SpotCheckDraw.draw("b71e04", pool(), DEFAULTS)).isNotEqualTo(first);
  }

  @Test
  void theDrawIsPinnedSoThatAChangedAlgorithmOrJdkWouldShow() {
    // SHA-256 ordering: computed independently (Python hashlib, the algorithm of docs/adr/0015) for this seed and pool
    List<SpotCheckDraw.Drawn> drawn = SpotCheckDraw.draw("pinned-seed", pool(), DEFAULTS);
    assertThat(SpotCheckDraw.text(drawn)).isEqualTo(PINNED);
  }

  static final String PINNED = "HIGH high-3 insp6,insp2\nHIGH high-9 insp2,insp1\nHIGH high-1 insp3,insp4\nMEDIUM medium-4 insp1,insp3\n"
      + "MEDIUM medium-16 insp5,insp3\nLOW low-25 insp5,insp3\nLOW low-32 insp5,insp4\n";

  @Test
  void aReplayOfTheStoredRecordsMatchesAndAChangedStoredSnapshotIsAMismatch() {
    String seed = "c0ffee";
    String snapshot = pool().text();
    String result = SpotCheckDraw.text(SpotCheckDraw.draw(seed, pool(), DEFAULTS));

    SpotCheckDraw.Replay replay = SpotCheckDraw.replay(seed, snapshot, DEFAULTS, result);
    assertThat(replay.matches()).isTrue();
    assertThat(replay.replayed()).isEqualTo(replay.stored()).isEqualTo(SpotCheckDraw.parseResult(result));

    // a service taken out of the stored snapshot (as if the pool had been edited after the draw)
    String drawnService = replay.stored().get(0).serviceId();
    String tampered = snapshot.lines().filter(line -> !line.contains(" " + drawnService + " ")).reduce("", (a, b) -> a + b + "\n");
    assertThat(tampered).isNotEqualTo(snapshot);
    SpotCheckDraw.Replay mismatch = SpotCheckDraw.replay(seed, tampered, DEFAULTS, result);
    assertThat(mismatch.matches()).isFalse();
    assertThat(mismatch.replayed()).isNotEqualTo(mismatch.stored());

    // another seed stored, or changed rules: a mismatch too
    assertThat(SpotCheckDraw.replay("c0ffef", snapshot, DEFAULTS, result).matches()).isFalse();
    assertThat(SpotCheckDraw.replay(seed, snapshot, new SpotCheckDraw.Rules(30, 10, 3, 3), result).matches()).isFalse();
  }

  @Test
  void anInspectorIsNeverDrawnForAFirmTheyAvoid() {
    for (int s = 0; s < 50; s++) {
      for (SpotCheckDraw.Drawn d : SpotCheckDraw.draw("seed-" + s, pool(), new SpotCheckDraw.Rules(100, 100, 100, 4))) {
        int firm = Integer.parseInt(d.serviceId().substring(d.serviceId().indexOf('-') + 1)) % 5;
        if (firm == 1) {
          assertThat(d.inspectors()).doesNotContain("insp1");
        }
        if (firm == 2) {
          assertThat(d.inspectors()).doesNotContain("insp2");
        }
      }
    }
    // insp1 is drawn for other firms' services, so the filter is not simply dropping it
    assertThat(SpotCheckDraw.draw("seed-0", pool(), new SpotCheckDraw.Rules(100, 100, 100, 5))).anyMatch(d -> d.inspectors().contains("insp1"));
  }

  @Test
  void tooFewInspectorsFreeOfAvoidanceIsRefused() {
    assertThatThrownBy(() -> SpotCheckDraw.draw("seed", pool(), new SpotCheckDraw.Rules(100, 0, 0, 6))).isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code()).isEqualTo("spot-check.too-few-inspectors");
  }

  @Test
  void aSnapshotSurvivesItsStoredForm() {
    SpotCheckDraw.Snapshot snapshot = pool();
    assertThat(SpotCheckDraw.Snapshot.parse(snapshot.text()).text()).isEqualTo(snapshot.text());
    assertThat(SpotCheckDraw.Snapshot.parse(snapshot.text()).inspectors()).hasSize(6);
  }
}
