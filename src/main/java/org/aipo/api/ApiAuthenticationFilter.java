package org.aipo.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.aipo.platform.WorkflowEngine;

/**
 * HTTP Basic for our API at /api, against the engine's identity service (the same users as Tasklist and
 * /engine-rest; a success is remembered briefly, see {@link org.aipo.platform.auth.CachingBasicAuthenticationProvider}).
 * Resources say who may call them with Jakarta's {@code @RolesAllowed} (the roles are the Camunda groups), on the
 * method or else on the class; {@code @PermitAll} or no annotation is public, {@code @DenyAll} nobody.
 */

@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  /** Session attribute holding the {@link ApiUser} of a portal login ({@link SessionResource}). */
  public static final String SESSION_USER = ApiUser.class.getName() + ".session";

  /**
   * Header a portal page sends with every change: a cross-site form or link cannot set it, so a session
   * cookie alone never changes anything (CSRF).
   */
  public static final String PORTAL_HEADER = "X-AIPO-Portal";

  @Context
  ResourceInfo resourceInfo;

  @Context
  jakarta.servlet.http.HttpServletRequest http;

  @Inject
  WorkflowEngine workflowEngine;

  @Override
  public void filter(ContainerRequestContext request) {
    String[] allowed = rolesAllowed();
    if (allowed == null) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null && sessionUser() != null) {
      ApiUser user = sessionUser();
      if (!isSafe(request.getMethod()) && request.getHeaderString(PORTAL_HEADER) == null) {
        request.abortWith(ApiErrors.problem(403, "auth.portal-header", null, "门户会话中的修改须带 " + PORTAL_HEADER + " 请求头",
            "a change from a portal session needs the " + PORTAL_HEADER + " header").build());
        return;
      }
      if (!permits(allowed, user.groups())) {
        request.abortWith(ApiErrors.problem(403, "auth.role", null, "您的角色无权执行此操作", "not allowed for your role").build());
        return;
      }
      authenticated(request, user);
      return;
    }
    if (header == null && (isSafe(request.getMethod()) || request.getHeaderString(PORTAL_HEADER) != null)) {
      ApiUser tasklistUser = webappUser();
      if (tasklistUser != null) {
        if (!permits(allowed, tasklistUser.groups())) {
          request.abortWith(ApiErrors.problem(403, "auth.role", null, "您的角色无权执行此操作", "not allowed for your role").build());
          return;
        }
        authenticated(request, tasklistUser);
        return;
      }
    }
    String[] credentials = decode(header);
    String source = http == null ? null : http.getRemoteAddr();
    if (credentials != null) {
      long wait = org.aipo.platform.auth.LoginThrottle.refusedForSeconds(source);
      if (wait > 0) {
        request.abortWith(ApiErrors.throttled(wait).build());
        return;
      }
    }
    org.aipo.platform.auth.CachingBasicAuthenticationProvider.Authenticated known = credentials == null ? null
        : org.aipo.platform.auth.CachingBasicAuthenticationProvider.check(workflowEngine.processEngine(), credentials[0], credentials[1]);
    if (known == null && credentials != null) {
      org.aipo.platform.auth.LoginThrottle.failed(source, credentials[0], "api");
    }
    if (known == null) {
      Response.ResponseBuilder refused = ApiErrors.problem(401, "auth.required", null, "需要登录（HTTP Basic）", "credentials required (HTTP Basic)");
      if (request.getHeaderString(PORTAL_HEADER) == null) {
        // not to the portal's pages: a browser would put up its own password dialog instead of the page's login
        refused.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"AI Programme Office\"");
      }
      request.abortWith(refused.build());
      return;
    }
    List<String> groups = known.groups();
    if (!permits(allowed, groups)) {
      request.abortWith(ApiErrors.problem(403, "auth.role", null, "您的角色无权执行此操作", "not allowed for your role").build());
      return;
    }
    authenticated(request, new ApiUser(credentials[0], groups));
  }

  private ApiUser sessionUser() {
    jakarta.servlet.http.HttpSession session = http == null ? null : http.getSession(false);
    return session == null ? null : (ApiUser) session.getAttribute(SESSION_USER);
  }

  /**
   * The user logged into Tasklist (or Cockpit, Admin) in this browser: Camunda's webapps keep their login in the same
   * HTTP session (one WAR, one context root), so a link in a Tasklist form, such as a proposal document's, opens with
   * that login. A link reads only (GET, HEAD); a change with that login needs the portal's header, which a page of
   * another site cannot send (the officials' pages /console/ send it, as the portal's do). The groups are read afresh from the identity service, not from the webapp's cache.
   */
  private ApiUser webappUser() {
    jakarta.servlet.http.HttpSession session = http == null ? null : http.getSession(false);
    return org.aipo.platform.auth.WebappLogin.of(session, workflowEngine.processEngine())
        .map(login -> new ApiUser(login.userId(), login.groups())).orElse(null);
  }

  /** Whether a user in these groups may call: one of the allowed roles, or {@code "**"} (any authenticated user, as in Jakarta Security). */
  static boolean permits(String[] allowed, List<String> groups) {
    return Arrays.stream(allowed).anyMatch(role -> ANY_AUTHENTICATED.equals(role) || groups.contains(role));
  }

  /** {@code @RolesAllowed("**")}: any user who is logged in. */
  public static final String ANY_AUTHENTICATED = "**";

  private static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /** The caller for the resource ({@link ApiUser#of}) and for JAX-RS ({@code SecurityContext}: roles are groups). */
  private static void authenticated(ContainerRequestContext request, ApiUser user) {
    request.setProperty(ApiUser.PROPERTY, user);
    boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    request.setSecurityContext(new jakarta.ws.rs.core.SecurityContext() {
      @Override
      public java.security.Principal getUserPrincipal() {
        return user::userId;
      }

      @Override
      public boolean isUserInRole(String role) {
        return user.groups().contains(role);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return jakarta.ws.rs.core.SecurityContext.BASIC_AUTH;
      }
    });
  }

  /**
   * The roles that may call the resource method: {@code @RolesAllowed} on the method, else on its class; null (public)
   * for {@code @PermitAll} or no annotation; none for {@code @DenyAll}.
   */
  private String[] rolesAllowed() {
    Method method = resourceInfo.getResourceMethod();
    if (method != null) {
      if (method.isAnnotationPresent(DenyAll.class)) {
        return new String[0];
      }
      if (method.isAnnotationPresent(PermitAll.class)) {
        return null;
      }
      if (method.isAnnotationPresent(RolesAllowed.class)) {
        return method.getAnnotation(RolesAllowed.class).value();
      }
    }
    Class<?> type = resourceInfo.getResourceClass();
    if (type != null && type.isAnnotationPresent(DenyAll.class)) {
      return new String[0];
    }
    return type == null || !type.isAnnotationPresent(RolesAllowed.class) ? null : type.getAnnotation(RolesAllowed.class).value();
  }

  static String[] decode(String header) {
    return header == null ? null : org.aipo.platform.auth.CachingBasicAuthenticationProvider.credentials(header);
  }

}
