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

  public Profile profile() {
    return Profile.parse(profile);
  }
}
