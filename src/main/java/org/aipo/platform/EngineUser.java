package org.aipo.platform;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user the engine is acting for in a delegate or listener (the REST or Tasklist caller), if any. */
public final class EngineUser {

  private EngineUser() {
  }

  public static Optional<String> current(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
  }
}
