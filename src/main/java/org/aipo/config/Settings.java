package org.aipo.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server settings from MicroProfile Config: server.xml variables, environment, system properties. */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "aipo.profile", defaultValue = "demo")
  String profile;

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "8080")
  String httpPort;

  public Profile profile() {
    return Profile.parse(profile);
  }

  /** What a newcomer opens first, printed once the engine runs. */
  public String readyBanner() {
    String base = "http://localhost:" + httpPort;
    StringBuilder banner = new StringBuilder("AI Programme Office is ready (profile ").append(profile()).append(")")
        .append("\n  Portal    ").append(base).append("/portal/  (applicants)")
        .append("\n  Tasklist  ").append(base).append("/camunda/app/tasklist/")
        .append("\n  Cockpit   ").append(base).append("/camunda/app/cockpit/")
        .append("\n  Admin     ").append(base).append("/camunda/app/admin/")
        .append("\n  REST API  ").append(base).append("/engine-rest/engine")
        .append("\n  Ready?    ").append(base).append("/health/ready");
    if (profile() == Profile.DEMO) {
      banner.append("\n  Demo logins (password 'demo'): office, secretary, expert1, leader in Tasklist; "
          + "applicant1 in the portal; admin everywhere");
    }
    return banner.toString();
  }
}
