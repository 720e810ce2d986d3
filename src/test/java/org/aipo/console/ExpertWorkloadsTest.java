package org.aipo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.expert.Expert;
import org.aipo.review.Assignment.Status;
import org.junit.jupiter.api.Test;

/** The workload rows of one review: counts per expert; a vacant seat and an expert gone from the pool are rows, not failures. */
class ExpertWorkloadsTest {

  @Test
  void countsPerExpertAndAVacantSeatIsARow() {
    Expert wang = new Expert("expert1", "王专家", "某大学", Set.of("healthcare"));
    Expert li = new Expert("expert2", "李专家", "某研究院", Set.of("healthcare"));
    Map<String, Expert> pool = Map.of("e-wang", wang, "e-li", li);
    List<Map.Entry<String, Status>> assignments = List.of(Map.entry("e-wang", Status.SCORED), Map.entry("e-wang", Status.SCORING),
        Map.entry("e-wang", Status.RECUSED), Map.entry("e-li", Status.DECLARING), new java.util.AbstractMap.SimpleImmutableEntry<>(null, Status.SCORING),
        new java.util.AbstractMap.SimpleImmutableEntry<>(null, Status.SCORING), Map.entry("e-gone", Status.REPLACED));

    List<List<Object>> rows = ExpertWorkloads.rows("医疗组 1", null, "SCORING", assignments, pool::get);

    assertThat(rows).hasSize(4);
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(ExpertWorkloads.HEADERS.size()));
    assertThat(rows.get(0)).containsExactly("医疗组 1", "", "SCORING", "王专家", "expert1", "某大学", 3, 1, 1, 1, 0);
    assertThat(rows.get(1)).containsExactly("医疗组 1", "", "SCORING", "李专家", "expert2", "某研究院", 1, 0, 1, 0, 0);
    assertThat(rows.get(2)).as("two seats the draw left empty").containsExactly("医疗组 1", "", "SCORING", ExpertWorkloads.VACANT, "", "", 2, 0, 2, 0, 0);
    assertThat(rows.get(3)).as("an expert no longer in the pool: the id").containsExactly("医疗组 1", "", "SCORING", "e-gone", "", "", 1, 0, 0, 0, 1);
  }
}
