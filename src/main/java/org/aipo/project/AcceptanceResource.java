package org.aipo.project;

import org.aipo.api.ApiResource;

import org.aipo.proposal.AcceptanceRecord;
import org.aipo.proposal.Proposals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

/**
 * The programme office records final-acceptance results (验收) of earlier projects, which decide
 * eligibility for new calls. The acceptance process of issue 4 will record its own results here too.
 */
@RequestScoped
@Path("acceptances")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "camunda-admin"})
public class AcceptanceResource implements ApiResource {

  @Inject
  Proposals proposals;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(JsonObject body) {
    JsonBody.require(body);
    String outcome = JsonBody.string(body, "outcome");
    AcceptanceRecord.Outcome parsed;
    try {
      parsed = outcome == null ? null : AcceptanceRecord.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("outcome must be PASSED, FAILED or OVERDUE", e);
    }
    LocalDate decidedOn;
    try {
      String date = JsonBody.string(body, "decidedOn");
      decidedOn = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("decidedOn is not a date (yyyy-MM-dd)", e);
    }
    AcceptanceRecord record = proposals.recordAcceptance(new AcceptanceRecord(JsonBody.string(body, "creditCode"),
        JsonBody.string(body, "project"), parsed, decidedOn), ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("project", record.getProject())
        .add("outcome", record.getOutcome().name()).add("decidedOn", record.getDecidedOn().toString()).build().toString()).build();
  }
}
