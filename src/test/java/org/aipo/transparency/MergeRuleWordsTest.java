package org.aipo.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import org.aipo.call.Call;
import org.junit.jupiter.api.Test;

/** The evaluation report states the call's merge rule of review groups in both languages (docs/adr/0020). */
class MergeRuleWordsTest {

  @Test
  void eachRuleIsStatedInChineseAndEnglish() {
    assertThat(EvaluationReports.mergeRule(Call.MergeRule.NORMALISED)).contains("组内标准化").contains("NORMALISED").contains("z-score");
    assertThat(EvaluationReports.mergeRule(Call.MergeRule.RANK_IN_GROUP)).contains("组内排名").contains("RANK_IN_GROUP")
        .contains("rank within the group first");
  }
}
