package org.aipo.demo;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.aipo.config.Settings;
import org.aipo.platform.EngineStarted;

/**
 * The demo data: users, experts, organisations and a demonstration call, seeded once on the first start of the
 * demo profile on the embedded database (or a throw-away test database that sets {@code aipo.demo.anyDatabase}).
 * Nothing depends on this package.
 */
@ApplicationScoped
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  Settings settings;

  @Inject
  DemoExperts demoExperts;

  @Inject
  DemoSelection demoSelection;

  @Inject
  DemoVouchers demoVouchers;

  @Inject
  DemoAiServices demoAiServices;

  @Inject
  DemoSupervision demoSupervision;

  void seed(@Observes @Priority(EngineStarted.DEMO) EngineStarted started) {
    if (!DemoUsers.apply(settings.profile(), settings.demoOnAnyDatabase() || started.embeddedDatabase())) {
      return;
    }
    if (new DemoUsers(started.engine()).seedOnce()) {
      demoExperts.seed();
      demoSelection.seed();
      demoVouchers.seed();
      demoAiServices.seed();
      demoSupervision.seed();
      LOG.info("Demo data seeded: users, experts, organisations, a demonstration call, a voucher round and AI services under supervision");
    }
  }
}
