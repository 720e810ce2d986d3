package org.aipo.platform.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webapps' login form (POST /camunda/api/admin/auth/user/{engine}/login/{app}, Camunda's own resource) under the
 * same per-source throttle as every other login ({@link LoginThrottle}): a refused source gets 429 before Camunda sees
 * the password, and Camunda's 401 counts as a failure of the user id the form named. Lives in the Camunda corner: the
 * path and the answer are Camunda's.
 */
public class WebappLoginThrottleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** A login form is a user id and a password: anything longer is not read for the user id. */
  private static final int MAX_FORM = 16 * 1024;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (!"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/")) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    long wait = LoginThrottle.refusedForSeconds(source);
    if (wait > 0) {
      LoginThrottle.refuse(response, wait);
      return;
    }
    byte[] form = request.getInputStream().readNBytes(MAX_FORM);
    chain.doFilter(new Replayed(request, form), response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      LoginThrottle.failed(source, userId(form), "webapp");
    }
  }

  static String userId(byte[] form) {
    for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && "username".equals(pair.substring(0, equals))) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
          return pair.substring(equals + 1);
        }
      }
    }
    return "";
  }

  /** The request with its body read once here and handed on unchanged. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("not asynchronous");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          getCharacterEncoding() == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
    }

    // a JAX-RS runtime may take form fields from the servlet's parameters instead of the stream: both read the same bytes
    private java.util.Map<String, String[]> parameters;

    @Override
    public synchronized java.util.Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        java.util.Map<String, java.util.List<String>> fields = new java.util.LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> fields.computeIfAbsent(name, n -> new java.util.ArrayList<>()).addAll(java.util.List.of(values)));
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int equals = pair.indexOf('=');
          fields.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), n -> new java.util.ArrayList<>())
              .add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        java.util.Map<String, String[]> map = new java.util.LinkedHashMap<>();
        fields.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        parameters = java.util.Collections.unmodifiableMap(map);
      }
      return parameters;
    }

    private static String decode(String text) {
      try {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badEscape) {
        return text;
      }
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
