package org.aipo.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
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
 * Resources say who may call them with {@link AllowedGroups}.
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
    AllowedGroups allowed = allowedGroups();
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
      if (Arrays.stream(allowed.value()).noneMatch(user.groups()::contains)) {
        request.abortWith(ApiErrors.problem(403, "auth.role", null, "您的角色无权执行此操作", "not allowed for your role").build());
        return;
      }
      request.setProperty(ApiUser.PROPERTY, user);
      return;
    }
    String[] credentials = decode(header);
    org.aipo.platform.auth.CachingBasicAuthenticationProvider.Authenticated known = credentials == null ? null
        : org.aipo.platform.auth.CachingBasicAuthenticationProvider.check(workflowEngine.processEngine(), credentials[0], credentials[1]);
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
    if (Arrays.stream(allowed.value()).noneMatch(groups::contains)) {
      request.abortWith(ApiErrors.problem(403, "auth.role", null, "您的角色无权执行此操作", "not allowed for your role").build());
      return;
    }
    request.setProperty(ApiUser.PROPERTY, new ApiUser(credentials[0], groups));
  }

  private ApiUser sessionUser() {
    jakarta.servlet.http.HttpSession session = http == null ? null : http.getSession(false);
    return session == null ? null : (ApiUser) session.getAttribute(SESSION_USER);
  }

  private static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  private AllowedGroups allowedGroups() {
    Method method = resourceInfo.getResourceMethod();
    if (method != null && method.isAnnotationPresent(AllowedGroups.class)) {
      return method.getAnnotation(AllowedGroups.class);
    }
    Class<?> type = resourceInfo.getResourceClass();
    return type == null ? null : type.getAnnotation(AllowedGroups.class);
  }

  static String[] decode(String header) {
    return header == null ? null : org.aipo.platform.auth.CachingBasicAuthenticationProvider.credentials(header);
  }

}
