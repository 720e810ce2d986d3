package org.aipo.applicant;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

/**
 * The applicant API for organisations: they register themselves (no login), read their own record and add
 * colleagues. Calls, proposals and project reports have their own resources under {@code /api/applicant} in
 * the packages of what they serve. An applicant only ever sees their own organisation.
 */
@RequestScoped
@Path("applicant")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantResource implements ApiResource {

  @Inject
  Registration registration;

  @Context
  HttpServletRequest http;

  @POST
  @Path("organisations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(JsonObject body) {
    JsonBody.require(body);
    JsonObject contact = JsonBody.object(body, "contact");
    JsonObject user = JsonBody.object(body, "user");
    Organisation organisation = new Organisation(JsonBody.string(body, "name"), JsonBody.string(body, "creditCode"), JsonBody.string(body, "kind"),
        JsonBody.string(contact, "name", "contact.name"), JsonBody.string(contact, "phone", "contact.phone"), JsonBody.string(contact, "email", "contact.email"),
        Instant.now());
    registration.register(organisation, JsonBody.string(user, "userId", "user.userId"), JsonBody.string(user, "password", "user.password"),
        JsonBody.string(user, "name", "user.name"));
    return Response.status(Response.Status.CREATED).entity(toJson(organisation).toString()).build();
  }

  @GET
  @Path("organisation")
  @AllowedGroups("applicant")
  public String own() {
    return toJson(registration.organisationOf(caller())).toString();
  }

  @POST
  @Path("users")
  @AllowedGroups("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addUser(JsonObject body) {
    JsonBody.require(body);
    registration.addUser(caller(), JsonBody.string(body, "userId", "user.userId"), JsonBody.string(body, "password", "user.password"),
        JsonBody.string(body, "name", "user.name"));
    return Response.status(Response.Status.CREATED).build();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }

  static JsonObject toJson(Organisation organisation) {
    return Json.createObjectBuilder().add("id", organisation.getId()).add("name", organisation.getName())
        .add("creditCode", organisation.getCreditCode()).add("kind", organisation.getKind().name())
        .add("contact", Json.createObjectBuilder().add("name", organisation.getContactName())
            .add("phone", organisation.getContactPhone()).add("email", organisation.getContactEmail()))
        .add("registeredAt", organisation.getRegisteredAt().toString()).build();
  }

}
