package org.aipo.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final List<LoginThrottle.Failure> recorded = new ArrayList<>();

  @BeforeEach
  void freshCounts() {
    LoginThrottle.reset();
    LoginThrottle.onFailure(recorded::add);
  }

  @AfterEach
  void noSink() {
    LoginThrottle.onFailure(f -> {
    });
  }

  @Test
  void theTenthFailureRefusesTheSourceAndEachFurtherOneDoublesTheWait() {
    for (int i = 1; i <= 9; i++) {
      LoginThrottle.failed("203.0.113.9", "applicant1", "portal");
      assertThat(LoginThrottle.refusedForSeconds("203.0.113.9")).as("after failure " + i).isZero();
    }
    LoginThrottle.failed("203.0.113.9", "applicant1", "portal");
    assertThat(LoginThrottle.refusedForSeconds("203.0.113.9")).isBetween(59L, 60L);
    LoginThrottle.failed("203.0.113.9", "applicant1", "api");
    assertThat(LoginThrottle.refusedForSeconds("203.0.113.9")).isBetween(119L, 120L);
    assertThat(LoginThrottle.refusedForSeconds("198.51.100.7")).as("another source").isZero();
    assertThat(recorded).hasSize(11);
    assertThat(recorded.get(8).refusedForSeconds()).isZero();
    assertThat(recorded.get(9).refusedForSeconds()).isEqualTo(60);
    assertThat(recorded.get(10)).satisfies(f -> {
      assertThat(f.source()).isEqualTo("203.0.113.9");
      assertThat(f.userId()).isEqualTo("applicant1");
      assertThat(f.channel()).isEqualTo("api");
    });
  }

  @Test
  void theWaitNeverExceedsTheMaximum() {
    for (int i = 0; i < 40; i++) {
      LoginThrottle.failed("203.0.113.10", "x", "portal");
    }
    assertThat(LoginThrottle.refusedForSeconds("203.0.113.10")).isBetween(3599L, 3600L);
  }

  @Test
  void aSinkThatFailsDoesNotStopTheCount() {
    LoginThrottle.onFailure(f -> {
      throw new IllegalStateException("database down");
    });
    for (int i = 0; i < 10; i++) {
      LoginThrottle.failed(null, null, "webapp");
    }
    assertThat(LoginThrottle.refusedForSeconds(null)).isPositive();
  }

  @Test
  void theWebappFormsUserIdIsReadFromTheBody() {
    assertThat(WebappLoginThrottleFilter.userId("username=%E5%BC%A0%E4%B8%89&password=x%26y".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("张三");
    assertThat(WebappLoginThrottleFilter.userId("password=x".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(WebappLoginThrottleFilter.userId("username=%ZZ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("%ZZ");
  }
}
