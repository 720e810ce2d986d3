package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

class EveryGroupAuthorizationManagerTest {

  @Test
  void theUsersGroupsAreCheckedAsTheyAreWithoutReadingTheGrantsGroups() {
    // Camunda's own manager reads SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION here, which needs a command
    // context; outside one it fails, so this also shows that nothing is read
    List<String> groups = new EveryGroupAuthorizationManager().filterAuthenticatedGroupIds(List.of("programme-office", "leadership"));
    assertThat(groups).containsExactly("programme-office", "leadership");
    assertThat(new EveryGroupAuthorizationManager().filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void itIsOpenedWhereTheEngineAsksForItsAuthorizationManager() {
    EveryGroupAuthorizationManager.Factory factory = new EveryGroupAuthorizationManager.Factory();
    assertThat(factory.getSessionType()).isEqualTo(AuthorizationManager.class);
    assertThat(factory.openSession()).isInstanceOf(EveryGroupAuthorizationManager.class);
  }
}
