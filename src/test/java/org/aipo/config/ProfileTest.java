package org.aipo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileTest {

  @Test
  void parsesTheTwoProfilesInAnyCase() {
    assertThat(Profile.parse("production")).isEqualTo(Profile.PRODUCTION);
    assertThat(Profile.parse(" Demo ")).isEqualTo(Profile.DEMO);
    assertThat(Profile.parse(null)).isEqualTo(Profile.DEMO);
  }

  @Test
  void refusesATypoInsteadOfFallingBackToDemo() {
    assertThatThrownBy(() -> Profile.parse("prod")).hasMessageContaining("aipo.profile");
  }
}
