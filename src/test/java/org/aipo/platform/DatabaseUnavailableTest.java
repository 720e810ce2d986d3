package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void connectionFailuresAnywhereInTheCausesMeanUnavailable() {
    assertThat(DatabaseUnavailable.in(new RuntimeException("wrapped", new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseUnavailable.in(new IllegalStateException(new SQLException("terminating connection", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.in(new RuntimeException(new SQLTransientConnectionException("pool")))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAndFaultsAreNot() {
    assertThat(DatabaseUnavailable.in(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.in(new SQLException("no state"))).isFalse();
    assertThat(DatabaseUnavailable.in(new NullPointerException())).isFalse();
    assertThat(DatabaseUnavailable.in(new IllegalArgumentException("title: required"))).isFalse();
  }
}
