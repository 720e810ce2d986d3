package org.aipo.demo;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.aipo.config.Settings;
import org.aipo.dashboard.Tally;
import org.aipo.dashboard.Targets;
import org.aipo.platform.EngineStarted;

/**
 * The programme office's targets for the current year (Beijing) in the demo profile, so that the dashboard shows
 * targets beside the demo data's achievements on the first start. Set once: a year that has targets keeps them.
 */
@ApplicationScoped
public class DemoTargets {

  private static final Logger LOG = Logger.getLogger(DemoTargets.class.getName());

  @Inject
  Settings settings;

  @Inject
  Targets targets;

  void seed(@Observes @Priority(EngineStarted.DEMO + 10) EngineStarted started) {
    if (!DemoUsers.apply(settings.profile(), settings.demoOnAnyDatabase() || started.embeddedDatabase())) {
      return;
    }
    int year = ZonedDateTime.now(Tally.ZONE).getYear();
    if (!targets.of(year).isEmpty()) {
      return;
    }
    targets.set(year, List.of(line("scenarioListsPublished", null, 4), line("scenariosListed", null, 40), line("callsOpened", null, 3),
        line("proposalsSubmitted", null, 200), line("proposalsSubmitted", "robotics", 80), line("proposalsSubmitted", "intelligent-manufacturing", 80),
        line("awardsAnnounced", null, 20), line("awardFunds", null, 30_000_000), line("projectsAccepted", null, 10), line("benchmarkProjects", null, 3),
        line("vouchersIssued", null, 50), line("voucherAmountIssued", null, 10_000_000), line("vouchersRedeemed", null, 30),
        line("voucherAmountPaid", null, 6_000_000), line("servicesFiled", null, 20), line("spotChecksDone", null, 12),
        line("spotCheckResultsPublished", null, 12)), "office");
    LOG.info("Demo data seeded: the programme office's dashboard targets for " + year);
  }

  private static Targets.Line line(String measure, String field, long value) {
    return new Targets.Line(measure, field, BigDecimal.valueOf(value));
  }
}
