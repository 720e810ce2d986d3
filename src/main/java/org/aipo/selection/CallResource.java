package org.aipo.selection;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.web.AllowedGroups;
import org.aipo.web.ApiUser;
import org.aipo.web.JsonBody;

/** The programme office opens calls for demonstration projects. */
@RequestScoped
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "camunda-admin"})
public class CallResource {

  @Inject
  Calls calls;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(JsonObject body) {
    JsonBody.require(body);
    String actor = ApiUser.of(http).userId();
    Call call = new Call(JsonBody.string(body, "title"), JsonBody.strings(body, "fields"), JsonBody.instant(body, "opensAt"),
        JsonBody.instant(body, "closesAt"), JsonBody.amount(body, "budget"), JsonBody.amount(body, "maxAward"),
        JsonBody.integer(body, "awardCount", null), actor);
    calls.open(call, actor);
    return Response.status(Response.Status.CREATED).entity(SelectionJson.call(call).toString()).build();
  }
}
