package org.aipo.selection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.applicant.Registration;

/**
 * Demo data for trying selection on a demo server: the demo users applicant1 and applicant2 act for two
 * organisations, and one call (robotics, intelligent manufacturing) is open for 60 days. Seeded with the
 * demo users, once.
 */
@ApplicationScoped
public class DemoSelection {

  @Inject
  Registration registration;

  @Inject
  Calls calls;

  @Transactional
  public void seed() {
    registration.registerForExistingUser(new Organisation("示例智造有限公司 Demo Manufacturing Co.", "91310000MA1D3M0A13", "COMPANY",
        "周经理", "021-5555 0001", "applicant1@demo.example", Instant.now()), "applicant1", "system");
    registration.registerForExistingUser(new Organisation("示例机器人研究院 Demo Robotics Institute", "12310000MB1D3M0B2E", "INSTITUTE",
        "吴老师", "021-5555 0002", "applicant2@demo.example", Instant.now()), "applicant2", "system");
    Instant today = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Call call = new Call("2026 机器人与智能制造示范项目征集（演示）Demo call: robotics and intelligent manufacturing",
        Set.of("robotics", "intelligent-manufacturing"), today.minus(Duration.ofMinutes(1)), today.plus(Duration.ofDays(60)),
        new BigDecimal("5000000"), new BigDecimal("1000000"), 5, "system");
    calls.open(call.reviewedBy(3, null, null).answers(java.util.List.of("工业视觉质检 Industrial visual inspection",
        "人形机器人柔性装配 Flexible assembly by humanoid robots"), null), "system");
  }
}
