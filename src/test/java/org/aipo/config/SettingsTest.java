package org.aipo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void theStatementTimeoutIsWholeSecondsOrNone() {
    assertThat(Settings.statementTimeoutSeconds("PT60S")).isEqualTo(60);
    assertThat(Settings.statementTimeoutSeconds(" PT2M ")).isEqualTo(120);
    assertThat(Settings.statementTimeoutSeconds("PT0S")).isZero();
  }

  @Test
  void aStatementTimeoutThatJdbcCannotTakeIsRefusedByName() {
    assertThatThrownBy(() -> Settings.statementTimeoutSeconds("60")).hasMessageContaining("aipo.db.statementTimeout")
        .hasMessageContaining("PT60S");
    assertThatThrownBy(() -> Settings.statementTimeoutSeconds("PT0.5S")).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> Settings.statementTimeoutSeconds("-PT5S")).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> Settings.statementTimeoutSeconds(null)).hasMessageContaining("aipo.db.statementTimeout");
  }
}
