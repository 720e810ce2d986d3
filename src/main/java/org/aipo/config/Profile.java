package org.aipo.config;

import java.util.Locale;

/**
 * How the server runs. {@code demo} seeds demo users on the embedded database; {@code production}
 * never creates a user. Set with the Liberty variable {@code aipo.profile} or the environment
 * variable {@code AIPO_PROFILE}.
 */
public enum Profile {
  DEMO,
  PRODUCTION;

  public static Profile parse(String value) {
    if (value == null || value.isBlank()) {
      return DEMO;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("aipo.profile must be 'demo' or 'production', not '" + value + "'", e);
    }
  }
}
