package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import org.junit.jupiter.api.Test;

class StatementTimedOutTest {

  @Test
  void aCancelledStatementAnywhereInTheCausesIsATimeout() {
    assertThat(StatementTimedOut.in(new RuntimeException("wrapped", new SQLException("canceling statement due to user request", "57014"))))
        .isTrue();
    assertThat(StatementTimedOut.in(new IllegalStateException(new SQLTimeoutException("timed out")))).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(StatementTimedOut.in(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(StatementTimedOut.in(new SQLException("refused", "08001"))).isFalse();
    assertThat(StatementTimedOut.in(new SQLException("no state"))).isFalse();
    assertThat(StatementTimedOut.in(new NullPointerException())).isFalse();
  }
}
