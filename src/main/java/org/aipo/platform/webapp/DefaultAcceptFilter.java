package org.aipo.platform.webapp;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request to the webapps' API ({@code /camunda/api/*}) without an {@code Accept} header, or with just
 * {@code *}{@code /*} (curl's default), asks for JSON first.
 * Some of Camunda's webapp resources (the login, for one) declare no media type; asked for anything, the JAX-RS
 * runtime chose {@code application/octet-stream}, found no writer for the answer and gave a 500 after the
 * login had succeeded. Tasklist and browsers name the types they want and are not touched.
 */
public class DefaultAcceptFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String ACCEPT = "Accept";
  static final String JSON_FIRST = "application/json, */*;q=0.1";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String accept = request.getHeader(ACCEPT);
    boolean anything = accept == null || accept.isBlank() || "*/*".equals(accept.trim());
    chain.doFilter(anything ? new JsonFirst(request) : request, response);
  }

  static final class JsonFirst extends HttpServletRequestWrapper {

    JsonFirst(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return ACCEPT.equalsIgnoreCase(name) ? JSON_FIRST : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(JSON_FIRST)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      if (names.stream().noneMatch(ACCEPT::equalsIgnoreCase)) {
        names.add(ACCEPT);
      }
      return Collections.enumeration(names);
    }
  }
}
