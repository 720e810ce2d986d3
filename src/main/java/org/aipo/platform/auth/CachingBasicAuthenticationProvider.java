package org.aipo.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for /engine-rest with the outcome of a successful check kept briefly: Camunda's own provider
 * checks the password (a salted hash) and then reads the user's groups and tenants, three database
 * transactions before every request does any work. Here a success is remembered for
 * {@code aipo.auth.cacheSeconds} (default 30; 0 turns the cache off) under the user id and a SHA-256 of
 * the password (never the password), with the groups and tenants read at that moment. Failures are never
 * remembered, so every wrong password is checked and counted against its source ({@link LoginThrottle}).
 * Any change to users, groups, memberships or tenants on this node empties the cache at once
 * ({@link IdentityChangeListener}); on the other nodes of a cluster it takes effect within the same time.
 */
public class CachingBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  static final String SECONDS = "aipo.auth.cacheSeconds";

  private static final long TTL_SECONDS = cacheSeconds();

  private static final Cache<String, Authenticated> CACHE = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofSeconds(Math.max(TTL_SECONDS, 0))).maximumSize(10_000).build();

  /** Who the credentials belong to, with the groups and tenants they had when checked. */
  public record Authenticated(String userId, List<String> groups, List<String> tenants) {
  }

  static long cacheSeconds() {
    try {
      return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(SECONDS, Long.class).orElse(30L);
    } catch (RuntimeException | LinkageError noConfig) {
      return Long.getLong(SECONDS, 30L);
    }
  }

  /** Forgets every remembered success (a user, group, membership or tenant changed). */
  public static void forgetAll() {
    CACHE.invalidateAll();
  }

  /**
   * The user these credentials authenticate, with groups and tenants, or null when the password is wrong
   * (every wrong password reaches Camunda's check). Also used by our own API at /api.
   */
  public static Authenticated check(ProcessEngine engine, String userId, String password) {
    IdentityService identity = engine.getIdentityService();
    if (TTL_SECONDS <= 0) {
      return identity.checkPassword(userId, password) ? lookUp(identity, userId) : null;
    }
    String key = engine.getName() + '\n' + userId + '\n' + sha256(password);
    Authenticated known = CACHE.getIfPresent(key);
    if (known == null) {
      if (!identity.checkPassword(userId, password)) {
        return null;
      }
      known = lookUp(identity, userId);
      CACHE.put(key, known);
    }
    return known;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    String[] credentials = header == null ? null : credentials(header);
    if (credentials == null) {
      return AuthenticationResult.unsuccessful();
    }
    Authenticated known = check(engine, credentials[0], credentials[1]);
    if (known == null) {
      LoginThrottle.failed(request.getRemoteAddr(), credentials[0], "engine-rest");
      return AuthenticationResult.unsuccessful(credentials[0]);
    }
    AuthenticationResult result = AuthenticationResult.successful(known.userId());
    result.setGroups(known.groups());
    result.setTenants(known.tenants());
    return result;
  }

  /** User id and password of an Authorization header ("Basic ..."), or null when it is not one. */
  public static String[] credentials(String header) {
    if (!header.regionMatches(true, 0, BASIC_AUTH_HEADER_PREFIX, 0, BASIC_AUTH_HEADER_PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  /** The groups and tenants as Camunda's filter reads them (tenants also through the user's groups). */
  static Authenticated lookUp(IdentityService identity, String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    return new Authenticated(userId, groups, tenants);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
