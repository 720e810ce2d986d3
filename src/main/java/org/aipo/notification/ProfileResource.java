package org.aipo.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's messaging profile (issue 25): the e-mail address messages go to (the engine user's, kept in Admin)
 * and the language they are written in, which each user chooses here (Chinese unless they choose English).
 */
@RequestScoped
@Path("profile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("**")
@Tag(name = "outbox", description = "发件箱 The e-mail outbox")
public class ProfileResource implements ApiResource {

  /** Where and in which language the caller's messages go. */
  @Schema(name = "MessagingProfile")
  public record ProfileView(@Schema(example = "expert1") String userId, @Schema(example = "expert1@example.org") String email,
      @Schema(example = "zh", description = "zh 或 en") String language) {
  }

  /** The language to write the caller's messages in. */
  @Schema(name = "MessagingLanguage")
  public record LanguageRequest(@Schema(example = "en", description = "zh（默认 default）或 or en") String language) {
  }

  @Inject
  WorkflowEngine workflowEngine;

  @Context
  HttpServletRequest http;

  @GET
  @Operation(summary = "我的通知设置：邮箱与语言 My messages: address and language")
  @APIResponse(responseCode = "200", description = "通知设置 The profile", content = @Content(schema = @Schema(implementation = ProfileView.class)))
  public ProfileView get() {
    return view(ApiUser.of(http).userId());
  }

  @PUT
  @Path("language")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "设置通知邮件的语言 Choose the language of my messages")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LanguageRequest.class),
      examples = @ExampleObject(name = "english", value = "{\"language\":\"en\"}")))
  @APIResponse(responseCode = "200", description = "已设置 Set", content = @Content(schema = @Schema(implementation = ProfileView.class)))
  public ProfileView language(@NotNull LanguageRequest body) {
    if (!"zh".equals(body.language()) && !"en".equals(body.language())) {
      throw DomainException.badInput("language.invalid", "language", "language 须为 zh 或 en", "language must be zh or en");
    }
    String userId = ApiUser.of(http).userId();
    workflowEngine.processEngine().getIdentityService().setUserInfo(userId, Notifications.LANGUAGE_INFO, body.language());
    return view(userId);
  }

  private ProfileView view(String userId) {
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    String language = identity.getUserInfo(userId, Notifications.LANGUAGE_INFO);
    return new ProfileView(userId, user == null ? null : user.getEmail(), "en".equals(language) ? "en" : "zh");
  }
}
