package org.aipo.web;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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

import org.aipo.workflow.WorkflowEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * HTTP Basic for our API at /api, against the engine's identity service (the same users as Tasklist and
 * /engine-rest). Resources say who may call them with {@link AllowedGroups}.
 */

@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  @Context
  ResourceInfo resourceInfo;

  @Inject
  WorkflowEngine workflowEngine;

  @Override
  public void filter(ContainerRequestContext request) {
    AllowedGroups allowed = allowedGroups();
    if (allowed == null) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String[] credentials = decode(header);
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      request.abortWith(ApiErrors.response(Response.Status.UNAUTHORIZED, null, "credentials required (HTTP Basic)")
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"AI Programme Office\"").build());
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(credentials[0]).list().stream().map(Group::getId).toList();
    if (Arrays.stream(allowed.value()).noneMatch(groups::contains)) {
      request.abortWith(ApiErrors.response(Response.Status.FORBIDDEN, null, "not allowed for your role").build());
      return;
    }
    request.setProperty(ApiUser.PROPERTY, new ApiUser(credentials[0], groups));
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
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
