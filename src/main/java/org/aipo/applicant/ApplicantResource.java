package org.aipo.applicant;

import jakarta.annotation.security.PermitAll;

import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant API for organisations: they register themselves (no login), read their own record and add
 * colleagues. Calls, proposals and project reports have their own resources under {@code /api/applicant} in
 * the packages of what they serve. An applicant only ever sees their own organisation.
 * The organisation's and the user's values are checked by {@link Organisation} and {@link Registration}
 * (their refusals name the same fields, e.g. {@code contact.email}, {@code user.password}).
 */
@RequestScoped
@Path("applicant")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applicant", description = "申报单位 Applicants")
public class ApplicantResource implements ApiResource {

  /** The organisation's contact person. */
  @Schema(name = "Contact")
  public record Contact(@Schema(example = "张三") String name, @Schema(example = "010-12345678") String phone,
      @Schema(example = "zhang@example.cn") String email,
      @Schema(description = "通知邮件的语言 The language of the contact's messages: zh (default) or en", example = "zh") String language) {
  }

  /** An applicant user account. */
  @Schema(name = "ApplicantUserRequest")
  public record UserRequest(@Schema(example = "zhangsan") String userId, @Schema(example = "secret12345") String password,
      @Schema(example = "张三") String name) {
  }

  /** A new organisation with its first user. */
  @Schema(name = "RegistrationRequest")
  public record RegistrationRequest(@Schema(example = "示例科技有限公司") String name,
      @Schema(description = "统一社会信用代码 Unified social credit code", example = "91110108MA01A2B3C4") String creditCode,
      @Schema(description = "COMPANY, UNIVERSITY, INSTITUTE or OTHER", example = "COMPANY") String kind,
      @NotNull @Valid Contact contact, @NotNull @Valid UserRequest user) {
  }

  /** An organisation as the API shows it. */
  @Schema(name = "Organisation")
  public record OrganisationView(String id, String name, String creditCode, String kind, Contact contact, Instant registeredAt) {

    static OrganisationView of(Organisation organisation) {
      return new OrganisationView(organisation.getId(), organisation.getName(), organisation.getCreditCode(), organisation.getKind().name(),
          new Contact(organisation.getContactName(), organisation.getContactPhone(), organisation.getContactEmail(),
              organisation.getContactLanguage()),
          organisation.getRegisteredAt());
    }
  }

  @Inject
  Registration registration;

  @Context
  HttpServletRequest http;

  @POST
  @PermitAll
  @Path("organisations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "注册申报单位 Register an organisation and its first user")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RegistrationRequest.class),
      examples = @ExampleObject(name = "organisation", value = "{\"name\":\"示例科技有限公司\",\"creditCode\":\"91110108MA01A2B3C4\","
          + "\"kind\":\"COMPANY\",\"contact\":{\"name\":\"张三\",\"phone\":\"010-12345678\",\"email\":\"zhang@example.cn\",\"language\":\"zh\"},"
          + "\"user\":{\"userId\":\"zhangsan\",\"password\":\"secret12345\",\"name\":\"张三\"}}")))
  @APIResponse(responseCode = "201", description = "已注册 Registered", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
  public Response register(@Valid @NotNull RegistrationRequest body) {
    Organisation organisation = new Organisation(body.name(), body.creditCode(), body.kind(), body.contact().name(), body.contact().phone(),
        body.contact().email(), body.contact().language(), Instant.now());
    registration.register(organisation, body.user().userId(), body.user().password(), body.user().name());
    return Response.status(Response.Status.CREATED).entity(OrganisationView.of(organisation)).build();
  }

  @GET
  @Path("organisation")
  @RolesAllowed("applicant")
  @Operation(summary = "本单位信息 The caller's organisation")
  @APIResponse(responseCode = "200", description = "本单位 The organisation", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
  public OrganisationView own() {
    return OrganisationView.of(registration.organisationOf(caller()));
  }

  @POST
  @Path("users")
  @RolesAllowed("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "为本单位添加用户 Add a colleague's account")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserRequest.class),
      examples = @ExampleObject(name = "user", value = "{\"userId\":\"lisi\",\"password\":\"secret12345\",\"name\":\"李四\"}")))
  @APIResponse(responseCode = "201", description = "已添加，无内容 Added, no body")
  public Response addUser(@Valid @NotNull UserRequest body) {
    registration.addUser(caller(), body.userId(), body.password(), body.name());
    return Response.status(Response.Status.CREATED).build();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
