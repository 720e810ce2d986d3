package org.aipo.api;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * The applicant portal's login: a session for an applicant's user, so that pages need not hold the
 * password. Officials and experts work in Tasklist and are not let in here. Changes made with the session
 * need the {@link ApiAuthenticationFilter#PORTAL_HEADER} header.
 */
@RequestScoped
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource implements ApiResource {

  static final String APPLICANT = "applicant";

  @Inject
  WorkflowEngine workflowEngine;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(JsonObject body) {
    JsonBody.require(body);
    String userId = JsonBody.string(body, "userId");
    String password = JsonBody.string(body, "password");
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId is required");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password is required");
    }
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    if (!identity.checkPassword(userId, password)) {
      return ApiErrors.problem(401, "session.wrong-credentials", "password", "用户名或密码错误", "wrong user or password").build();
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (!groups.contains(APPLICANT)) {
      return ApiErrors.problem(403, "session.not-applicant", "userId", "门户仅供申报单位使用；工作人员和评审专家请使用 Tasklist",
          "the portal is for applicants; officials and experts use Tasklist").build();
    }
    HttpSession old = http.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = http.getSession(true);
    session.setMaxInactiveInterval(30 * 60);
    session.setAttribute(ApiAuthenticationFilter.SESSION_USER, new ApiUser(userId, groups));
    return Response.ok(me(userId).toString()).build();
  }

  @GET
  public Response current() {
    HttpSession session = http.getSession(false);
    ApiUser user = session == null ? null : (ApiUser) session.getAttribute(ApiAuthenticationFilter.SESSION_USER);
    if (user == null) {
      // asked by every portal page on load: an answer, not an error
      return Response.ok(Json.createObjectBuilder().add("userId", jakarta.json.JsonValue.NULL).build().toString()).build();
    }
    return Response.ok(me(user.userId()).toString()).build();
  }

  @DELETE
  public Response logout() {
    HttpSession session = http.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }

  private static JsonObject me(String userId) {
    return Json.createObjectBuilder().add("userId", userId).build();
  }
}
