package org.aipo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.aipo.config.Profile;
import org.junit.jupiter.api.Test;

class DemoUsersProfileTest {

  @Test
  void demoUsersOnlyInTheDemoProfileOnTheEmbeddedDatabase() {
    assertThat(DemoUsers.apply(Profile.DEMO, true)).isTrue();
    assertThat(DemoUsers.apply(Profile.DEMO, false)).as("demo profile on PostgreSQL").isFalse();
    assertThat(DemoUsers.apply(Profile.PRODUCTION, true)).as("production on H2").isFalse();
    assertThat(DemoUsers.apply(Profile.PRODUCTION, false)).isFalse();
  }
}
