package org.aipo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MeasureTest {

  @Test
  void keysAreUniqueAndFoundAgain() {
    Set<String> keys = Arrays.stream(Measure.values()).map(Measure::key).collect(Collectors.toSet());
    assertThat(keys).hasSize(Measure.values().length);
    Arrays.stream(Measure.values()).forEach(m -> assertThat(Measure.of(m.key())).contains(m));
    assertThat(Measure.of("happiness")).isEmpty();
  }

  @Test
  void onlyWhatIsPublishedIsPublic() {
    assertThat(Arrays.stream(Measure.values()).filter(Measure::isPublished).map(Measure::key))
        .containsExactlyInAnyOrder("scenarioListsPublished", "scenariosListed", "awardsAnnounced", "awardFunds", "spotCheckResultsPublished");
    assertThat(Arrays.stream(Measure.values()).filter(Measure::isAmount).map(Measure::key))
        .containsExactlyInAnyOrder("awardFunds", "voucherAmountIssued", "voucherAmountPaid");
  }
}
