package org.aipo.funding;

import org.aipo.api.ApiResource;

import java.math.BigDecimal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.AllowedGroups;
import org.aipo.api.ApiUser;
import org.aipo.api.JsonBody;

/**
 * Funding pools (专项资金): the programme office sets them up; officials and leadership read what is
 * committed and what is left. Calls name the pool they draw on ({@code fundingPool}).
 */
@RequestScoped
@Path("funding-pools")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "leadership", "camunda-admin"})
public class FundingPoolResource implements ApiResource {

  @Inject
  FundingPools pools;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedGroups({"programme-office", "camunda-admin"})
  public Response create(JsonObject body) {
    JsonBody.require(body);
    FundingPool pool = pools.create(JsonBody.string(body, "code"), JsonBody.string(body, "name"), JsonBody.amount(body, "total"),
        ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED).entity(json(pool).toString()).build();
  }

  @GET
  public String list() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    pools.all().forEach(p -> list.add(json(p)));
    return list.build().toString();
  }

  @GET
  @Path("{code}")
  public String get(@PathParam("code") String code) {
    return json(pools.find(code).orElseThrow(() -> new NotFoundException("no funding pool " + code))).toString();
  }

  private JsonObject json(FundingPool pool) {
    JsonArrayBuilder commitments = Json.createArrayBuilder();
    BigDecimal committed = BigDecimal.ZERO;
    for (PoolCommitment c : pools.commitments(pool.getCode())) {
      committed = committed.add(c.getAmount());
      commitments.add(Json.createObjectBuilder().add("callId", c.getCallId()).add("amount", c.getAmount())
          .add("committedBy", c.getCommittedBy()).add("committedAt", c.getCommittedAt().toString()));
    }
    return Json.createObjectBuilder().add("code", pool.getCode()).add("name", pool.getName()).add("total", pool.getTotal())
        .add("committed", committed).add("remaining", pool.getTotal().subtract(committed)).add("commitments", commitments)
        .add("createdBy", pool.getCreatedBy()).add("createdAt", pool.getCreatedAt().toString()).build();
  }
}
