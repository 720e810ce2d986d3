package org.aipo.platform.auth;

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

  /**
   * The credential check reads the database before any JAX-RS mapper is in reach: with the database down
   * it would end as a servlet 500. Answered 503 with Retry-After instead, like every other request then.
   */
  @Override
  public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response, jakarta.servlet.FilterChain chain)
      throws java.io.IOException, jakarta.servlet.ServletException {
    jakarta.servlet.http.HttpServletRequest httpRequest = (jakarta.servlet.http.HttpServletRequest) request;
    long wait = httpRequest.getHeader("Authorization") == null ? 0 : LoginThrottle.refusedForSeconds(request.getRemoteAddr());
    if (wait > 0) {
      LoginThrottle.refuse((jakarta.servlet.http.HttpServletResponse) response, wait);
      return;
    }
    try {
      super.doFilter(request, response, chain);
    } catch (RuntimeException | jakarta.servlet.ServletException e) {
      if (!org.aipo.platform.DatabaseUnavailable.in(e) || response.isCommitted()) {
        throw e;
      }
      jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) response;
      http.setStatus(503);
      http.setHeader("Retry-After", Integer.toString(org.aipo.platform.DatabaseUnavailable.RETRY_AFTER_SECONDS));
      http.setContentType("application/json;charset=UTF-8");
      http.getWriter().write(jakarta.json.Json.createObjectBuilder().add("type", "ServiceUnavailableException")
          .add("message", org.aipo.platform.DatabaseUnavailable.MESSAGE).build().toString());
    }
  }
}
