package org.aipo.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's REST authentication filter (HTTP Basic against the engine's identity service), with one
 * change: Camunda lets anonymous callers list the engines at {@code /engine-rest/engine}; here every
 * path under /engine-rest requires credentials.
 */
public class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}
