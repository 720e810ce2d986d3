package org.aipo.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;

/** The readiness self-assessment against TC260-003's thresholds, and the pre-review form's table. */
class ReadinessTest {

  static Readiness.Figures passing() {
    return new Readiness.Figures(4000, new BigDecimal("96"), 2000, 1000, new BigDecimal("90"), 500, 300, new BigDecimal("95"), 500, 300,
        new BigDecimal("5"), 10000);
  }

  @Test
  void exactlyTheThresholdsAreMet() {
    List<Readiness.Check> checks = Readiness.checks(Readiness.check(passing(), AiService.Route.ALGORITHM_THEN_LARGE_MODEL), Readiness.Thresholds.DEFAULTS);

    assertThat(checks).hasSize(12).allMatch(Readiness.Check::met);
    assertThat(Readiness.unmet(checks)).isZero();
  }

  @Test
  void eachFigureBelowItsThresholdIsUnmet() {
    Readiness.Figures low = new Readiness.Figures(3999, new BigDecimal("95.99"), 1999, 999, new BigDecimal("89.99"), 499, 299, new BigDecimal("94.99"),
        499, 299, new BigDecimal("5.01"), 9999);

    List<Readiness.Check> checks = Readiness.checks(Readiness.check(low, AiService.Route.ALGORITHM_THEN_LARGE_MODEL), Readiness.Thresholds.DEFAULTS);

    assertThat(checks).noneMatch(Readiness.Check::met);
    assertThat(checks.stream().filter(c -> c.key().equals("wrongRefusalPct")).findFirst().orElseThrow().threshold()).isEqualTo("≤ 5 %");
  }

  @Test
  void corpusFiguresCountOnlyForAnOwnModel() {
    Readiness.Figures checked = Readiness.check(passing(), AiService.Route.REGISTRATION);

    assertThat(checked.corpusSampled()).isNull();
    assertThat(Readiness.checks(checked, Readiness.Thresholds.DEFAULTS)).hasSize(10).noneMatch(c -> c.key().startsWith("corpus"));
  }

  @Test
  void aMissingOrOutOfRangeFigureNamesTheField() {
    Readiness.Figures missing = new Readiness.Figures(4000, new BigDecimal("96"), null, 1000, new BigDecimal("90"), 500, 300, new BigDecimal("95"),
        500, 300, new BigDecimal("5"), 10000);
    assertThatThrownBy(() -> Readiness.check(missing, AiService.Route.REGISTRATION))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("contentBank"));
    Readiness.Figures over = new Readiness.Figures(4000, new BigDecimal("101"), 2000, 1000, new BigDecimal("90"), 500, 300, new BigDecimal("95"),
        500, 300, new BigDecimal("5"), 10000);
    assertThatThrownBy(() -> Readiness.check(over, AiService.Route.ALGORITHM_THEN_LARGE_MODEL))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("corpusAcceptablePct"));
  }

  @Test
  void theTableEscapesTheFirmsWords() {
    List<Readiness.Check> checks = Readiness.checks(Readiness.check(passing(), AiService.Route.REGISTRATION), Readiness.Thresholds.DEFAULTS);

    String md = Readiness.markdown(checks, "见 [链接](javascript:alert(1)) **粗体**", List.of("report_<b>.pdf"));

    assertThat(md).contains("| 关键词库条数 Keyword list, entries | 10000 | ≥ 10000 | ✅ 达标 met |").contains("全部达标");
    assertThat(md).doesNotContain("[链接](javascript").doesNotContain("**粗体**").doesNotContain("<b>");
  }
}
