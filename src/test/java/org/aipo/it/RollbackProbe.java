package org.aipo.it;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.platformcheck.PlatformCheckService;

/** Test-only: calls a real service inside a transaction that then fails. */
@ApplicationScoped
public class RollbackProbe {

  @Inject
  PlatformCheckService service;

  /** Records a request and starts its process (through the service), then fails. */
  @Transactional
  public void requestThenFail(String requestedBy, String[] businessKey) {
    businessKey[0] = service.request(requestedBy, "rolled back", Duration.ofDays(2));
    throw new IllegalStateException("failure after the writes");
  }
}
