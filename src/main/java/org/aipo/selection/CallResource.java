package org.aipo.selection;

import org.aipo.api.ApiResource;

import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.proposal.OfficeProposalResource;
import org.aipo.proposal.ProposalJson;
import org.aipo.call.CallJson;

import java.util.List;

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

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

/** The programme office opens calls for demonstration projects. */
@RequestScoped
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "camunda-admin"})
public class CallResource implements ApiResource {

  @Inject
  Calls calls;

  @Inject
  OfficeProposalResource officeView;

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
    call.answers(body.containsKey("scenarios") && !body.isNull("scenarios") ? List.copyOf(JsonBody.strings(body, "scenarios")) : null,
        body.containsKey("adverseAcceptanceYears") ? JsonBody.integer(body, "adverseAcceptanceYears", null) : null);
    call.reviewedBy(body.containsKey("panelSize") ? JsonBody.integer(body, "panelSize", null) : null, criteria(body),
        body.containsKey("projectMonths") ? JsonBody.integer(body, "projectMonths", null) : null);
    call.drawsOn(JsonBody.string(body, "fundingPool"));
    calls.open(call, actor);
    return Response.status(Response.Status.CREATED).entity(CallJson.call(call).toString()).build();
  }

  /** Optional criteria: [{"code","name","weight"}], weights adding up to 100, in tie-break order. */
  private static java.util.List<org.aipo.review.ReviewCriterion> criteria(JsonObject body) {
    if (!body.containsKey("criteria") || body.isNull("criteria")) {
      return null;
    }
    java.util.List<org.aipo.review.ReviewCriterion> criteria = new java.util.ArrayList<>();
    for (jakarta.json.JsonValue value : JsonBody.list(body, "criteria")) {
      if (value.getValueType() != jakarta.json.JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("criteria: each criterion is an object with code, name and weight");
      }
      JsonObject criterion = value.asJsonObject();
      criteria.add(new org.aipo.review.ReviewCriterion(JsonBody.string(criterion, "code"), JsonBody.string(criterion, "name"),
          JsonBody.integer(criterion, "weight", 0)));
    }
    return criteria;
  }

  @jakarta.ws.rs.GET
  public String list() {
    jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
    calls.all().forEach(c -> list.add(CallJson.call(c)));
    return list.build().toString();
  }

  /** Every proposal of the call in full, with status, score, rank and award. */
  @jakarta.ws.rs.GET
  @Path("{id}/proposals")
  @AllowedGroups({"programme-office", "leadership", "committee-secretariat", "camunda-admin"})
  public String proposals(@jakarta.ws.rs.PathParam("id") String id) {
    calls.find(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no call " + id));
    jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
    officeView.ofCall(id).forEach(list::add);
    return list.build().toString();
  }

  @jakarta.ws.rs.GET
  @Path("{id}")
  public String get(@jakarta.ws.rs.PathParam("id") String id) {
    return CallJson.call(calls.find(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no call " + id))).toString();
  }
}
