package org.aipo.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiResource;

/** The calls open now, for applicants. */
@RequestScoped
@Path("applicant/calls")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantCallResource implements ApiResource {

  @Inject
  Calls calls;

  @GET
  @AllowedGroups("applicant")
  public String openCalls() {
    JsonArrayBuilder open = Json.createArrayBuilder();
    calls.openNow().forEach(c -> open.add(CallJson.call(c)));
    return open.build().toString();
}
}
