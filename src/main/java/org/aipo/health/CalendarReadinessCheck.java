package org.aipo.health;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.calendar.WorkingDays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the loaded holiday years and what is missing. Always UP: a missing schedule degrades
 * deadlines to weekends-only, it does not stop the server; the warning is for administrators.
 */
@Readiness
@ApplicationScoped
public class CalendarReadinessCheck implements HealthCheck {

  @Inject
  WorkingDays workingDays;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("working-day-calendar").up()
        .withData("loadedYears", new TreeSet<>(workingDays.calendar().loadedYears()).toString());
    List<String> warnings = workingDays.warnings(LocalDate.now(WorkingDayCalendar.CHINA));
    if (!warnings.isEmpty()) {
      response.withData("warning", String.join("; ", warnings));
    }
    return response.build();
  }
}
