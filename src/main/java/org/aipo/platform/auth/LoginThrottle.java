package org.aipo.platform.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows the source of failed logins, not the account's owner (issue 29, 等保 2.0). Camunda's own defence locks the
 * <em>account</em> after ten wrong passwords (WorkflowEngine turns that off), so anyone who knows a user id could lock its
 * owner out. Here failed logins are counted per source address (the client's, or the one a trusted proxy names in
 * X-Forwarded-For, see {@code remoteIp} in server.xml) on every channel: the portal's login, HTTP Basic at /api and
 * /engine-rest, the webapps' login form. From the {@code aipo.login.freeFailures}-th failure within
 * {@code aipo.login.windowSeconds} the source is refused every login (429 with Retry-After) for
 * {@code aipo.login.blockSeconds}, doubling with each further failure up to {@code aipo.login.maxBlockSeconds}; a quiet
 * window forgets it. The owner, from another address, logs in as before. Every failure is handed to the registered
 * sink (the audit log records it for the administrator). The count lives in the node's memory: each node of a cluster
 * counts what reaches it.
 */
public final class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  /** A failed login: where from, for which user id (as typed), through which door, and whether the source is now refused. */
  public record Failure(String source, String userId, String channel, Instant at, long refusedForSeconds) {
  }

  /** The settings, read once. */
  record Settings(int freeFailures, Duration window, Duration firstBlock, Duration maxBlock) {
    static Settings read() {
      return new Settings((int) setting("aipo.login.freeFailures", 10), Duration.ofSeconds(setting("aipo.login.windowSeconds", 900)),
          Duration.ofSeconds(setting("aipo.login.blockSeconds", 60)), Duration.ofSeconds(setting("aipo.login.maxBlockSeconds", 3600)));
    }
  }

  private static final class State {
    int failures;
    long lastFailureMillis;
    long refusedUntilMillis;
  }

  private static volatile Settings settings = Settings.read();

  private static final Cache<String, State> STATES = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
      .maximumSize(100_000).build();

  private static volatile Consumer<Failure> sink = failure -> {
  };

  private LoginThrottle() {
  }

  static long setting(String name, long fallback) {
    try {
      return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(name, Long.class).orElse(fallback);
    } catch (RuntimeException | LinkageError noConfig) {
      return Long.getLong(name, fallback);
    }
  }

  /** Where each failure goes besides the server log (one sink; the audit log registers itself at start). */
  public static void onFailure(Consumer<Failure> failures) {
    sink = failures;
  }

  /** Seconds this source must still wait before any login is tried again; 0 when it may try now. */
  public static long refusedForSeconds(String source) {
    State state = STATES.getIfPresent(key(source));
    if (state == null) {
      return 0;
    }
    synchronized (state) {
      long left = state.refusedUntilMillis - System.currentTimeMillis();
      return left <= 0 ? 0 : (left + 999) / 1000;
    }
  }

  /** Counts a failed login of this source; the source is refused from the configured failure on. */
  public static void failed(String source, String userId, String channel) {
    long now = System.currentTimeMillis();
    Settings limits = settings;
    State state = STATES.get(key(source), k -> new State());
    long refusedFor;
    synchronized (state) {
      if (now - state.lastFailureMillis > limits.window().toMillis()) {
        state.failures = 0;
      }
      state.failures++;
      state.lastFailureMillis = now;
      refusedFor = 0;
      int over = state.failures - limits.freeFailures();
      if (over >= 0) {
        long block = limits.firstBlock().toMillis() << Math.min(over, 20);
        refusedFor = Math.min(block, limits.maxBlock().toMillis());
        state.refusedUntilMillis = now + refusedFor;
      }
    }
    Failure failure = new Failure(key(source), userId == null ? "" : userId, channel, Instant.ofEpochMilli(now), refusedFor / 1000);
    LOG.warning(() -> "Failed login for '" + failure.userId() + "' from " + failure.source() + " (" + channel + ")"
        + (failure.refusedForSeconds() > 0 ? "; the source is refused logins for " + failure.refusedForSeconds() + " s" : ""));
    try {
      sink.accept(failure);
    } catch (RuntimeException e) {
      LOG.warning("The failed login could not be recorded: " + e);
    }
  }

  /** Answers 429 with Retry-After and a problem body (for the servlet filters; /api answers through ApiErrors). */
  public static void refuse(jakarta.servlet.http.HttpServletResponse response, long retryAfterSeconds) throws java.io.IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    response.setContentType("application/problem+json;charset=UTF-8");
    String zh = "来自此地址的登录失败次数过多，请 " + retryAfterSeconds + " 秒后再试";
    String en = "too many failed logins from this address; try again in " + retryAfterSeconds + " s";
    response.getWriter().write(jakarta.json.Json.createObjectBuilder().add("type", "urn:aipo:problem:auth.throttled")
        .add("title", "Too Many Requests").add("status", 429).add("code", "auth.throttled").addNull("field")
        .add("detail", en).add("message", zh + " " + en)
        .add("messages", jakarta.json.Json.createObjectBuilder().add("zh", zh).add("en", en)).build().toString());
  }

  /** Forgets every count and re-reads the settings (tests). */
  static void reset() {
    STATES.invalidateAll();
    settings = Settings.read();
  }

  private static String key(String source) {
    return source == null || source.isBlank() ? "unknown" : source;
  }
}
