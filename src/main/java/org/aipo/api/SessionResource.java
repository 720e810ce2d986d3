package org.aipo.api;

import jakarta.annotation.security.PermitAll;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The portal's login: a session for an applicant's user or a compute supplier's staff member, so that pages need
 * not hold the password. Officials and experts work in Tasklist and are not let in here. Changes made with the session
 * need the {@link ApiAuthenticationFilter#PORTAL_HEADER} header.
 */
@RequestScoped
@PermitAll
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "门户登录 Portal session")
public class SessionResource implements ApiResource {

  static final String APPLICANT = "applicant";
  /** A compute supplier's staff follow their supplier's listing in the portal (issue 23). */
  static final String COMPUTE_SUPPLIER = "compute-supplier";

  /** An applicant's user and password. */
  @Schema(name = "LoginRequest")
  public record LoginRequest(@NotBlank @Schema(example = "applicant1") String userId,
      @NotEmpty @Schema(example = "demo") String password) {
  }

  /** Who the session belongs to ({@code userId} null: nobody is logged in). */
  @Schema(name = "Session")
  public record SessionView(@Schema(nullable = true) String userId,
      @Schema(nullable = true, description = "applicant 申报单位 or compute-supplier 算力服务商；未登录为 null. Which portal pages the user sees",
          enumeration = {"applicant", "compute-supplier"}) String portalRole) {

    static SessionView of(ApiUser user) {
      return user == null ? new SessionView(null, null)
          : new SessionView(user.userId(), user.groups().contains(APPLICANT) ? APPLICANT : COMPUTE_SUPPLIER);
    }
  }

  @Inject
  WorkflowEngine workflowEngine;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "登录门户 Log in to the portal (applicants and compute suppliers' staff)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LoginRequest.class),
      examples = @ExampleObject(name = "login", value = "{\"userId\":\"applicant1\",\"password\":\"demo\"}")))
  @APIResponse(responseCode = "200", description = "已登录 Logged in", content = @Content(schema = @Schema(implementation = SessionView.class)))
  public Response login(@Valid @NotNull LoginRequest body) {
    String userId = body.userId();
    String password = body.password();
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    String source = http.getRemoteAddr();
    long wait = org.aipo.platform.auth.LoginThrottle.refusedForSeconds(source);
    if (wait > 0) {
      return ApiErrors.throttled(wait).build();
    }
    if (!identity.checkPassword(userId, password)) {
      org.aipo.platform.auth.LoginThrottle.failed(source, userId, "portal");
      return ApiErrors.problem(401, "session.wrong-credentials", "password", "用户名或密码错误", "wrong user or password").build();
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (!groups.contains(APPLICANT) && !groups.contains(COMPUTE_SUPPLIER)) {
      return ApiErrors.problem(403, "session.not-applicant", "userId", "门户仅供申报单位和算力服务商使用；工作人员和评审专家请使用 Tasklist",
          "the portal is for applicants and compute suppliers; officials and experts use Tasklist").build();
    }
    HttpSession old = http.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = http.getSession(true);
    session.setMaxInactiveInterval(30 * 60);
    ApiUser user = new ApiUser(userId, groups);
    session.setAttribute(ApiAuthenticationFilter.SESSION_USER, user);
    return Response.ok(SessionView.of(user)).build();
  }

  @GET
  @Operation(summary = "当前会话 Who is logged in (userId null: nobody)")
  @APIResponse(responseCode = "200", description = "会话 The session", content = @Content(schema = @Schema(implementation = SessionView.class)))
  public SessionView current() {
    HttpSession session = http.getSession(false);
    ApiUser user = session == null ? null : (ApiUser) session.getAttribute(ApiAuthenticationFilter.SESSION_USER);
    // asked by every portal page on load: nobody logged in is an answer, not an error
    return SessionView.of(user);
  }

  @DELETE
  @Operation(summary = "退出登录 Log out")
  @APIResponse(responseCode = "204", description = "已退出 Logged out")
  public Response logout() {
    HttpSession session = http.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }
}
