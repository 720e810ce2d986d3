package org.aipo.demo;

import org.aipo.identity.IdentitySetup;
import org.aipo.identity.Roles;

import static org.assertj.core.api.Assertions.assertThat;

import org.aipo.testing.InMemoryEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

  private final ProcessEngine engine = InMemoryEngine.start();
  private final IdentityService identity = engine.getIdentityService();

  @BeforeEach
  void groups() {
    new IdentitySetup(engine).apply();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void everyRoleHasADemoUserWhoCanLogIn() {
    assertThat(new DemoUsers(engine).seedOnce()).isTrue();

    for (Roles role : Roles.values()) {
      assertThat(identity.createUserQuery().memberOfGroup(role.groupId()).count()).as(role.groupId()).isPositive();
    }
    for (DemoUsers.DemoUser user : DemoUsers.USERS) {
      assertThat(identity.checkPassword(user.id(), DemoUsers.PASSWORD)).as(user.id()).isTrue();
      assertThat(identity.checkPassword(user.id(), "wrong")).isFalse();
    }
  }

  @Test
  void seedsOnlyOnceSoThatRemovedUsersStayRemoved() {
    new DemoUsers(engine).seedOnce();
    identity.deleteUser("applicant2");

    assertThat(new DemoUsers(engine).seedOnce()).isFalse();
    assertThat(identity.createUserQuery().userId("applicant2").count()).isZero();
  }
}
