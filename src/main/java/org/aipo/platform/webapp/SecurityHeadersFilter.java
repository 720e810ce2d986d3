package org.aipo.platform.webapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers a government site sends (等保 2.0; issue 29) on everything of ours outside the Camunda webapps, which
 * send their own (Camunda's HttpHeaderSecurityFilter on /camunda/*):
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: same-origin};</li>
 * <li>on our pages (the portal, the dashboard, the outbox, the console) a Content-Security-Policy that allows scripts only
 * from this server (no inline script, no eval), nothing framed and no framing ({@code frame-ancestors 'none'});
 * inline style stays allowed (the charts set it); on the API and the engine's REST API only
 * {@code frame-ancestors 'none'}, so a PDF download still opens in the browser's viewer;</li>
 * <li>{@code Strict-Transport-Security} on a request that came over TLS (to Liberty, or to a trusted proxy that says so
 * in X-Forwarded-Proto: server.xml's {@code remoteIp});</li>
 * <li>{@code Content-Language: zh-CN} on our pages, whose text is Chinese first (the server's own default said
 * {@code en}); the API's problem answers carry both languages and say {@code zh-CN, en}.</li>
 * </ul>
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
      + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
      + "form-action 'self'";

  static final String API_POLICY = "frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/camunda/")) {
      chain.doFilter(request, response);
      return;
    }
    boolean api = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    if (api) {
      response.setHeader("Content-Language", "zh-CN, en");
    } else {
      // the locale, not only the header: the server writes Content-Language from the response's locale
      response.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
      response.setHeader("Content-Language", "zh-CN");
    }
    chain.doFilter(request, response);
  }
}
