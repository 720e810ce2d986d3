package org.aipo.review;

import org.aipo.api.ApiResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * The committee secretariat starts an expert-committee review and follows it: the draw (with every
 * candidate and reason), the seats, and the outcome per item. Experts' identities are shown here, to
 * the secretariat only; the applicant API never shows them.
 */
@RequestScoped
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"committee-secretariat", "camunda-admin"})
public class ReviewResource implements ApiResource {

  @Inject
  ReviewStarter starter;

  @Inject
  ReviewService reviews;

  @Inject
  ReviewRepository repository;

  @Context
  HttpServletRequest http;

  private ApiUser user() {
    return ApiUser.of(http);
  }

  private String actor() {
    return user().userId();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(JsonObject body) {
    JsonBody.require(body);
    List<ReviewCriterion> criteria = new ArrayList<>();
    for (JsonValue value : JsonBody.list(body, "criteria")) {
      JsonObject criterion = value.asJsonObject();
      criteria.add(new ReviewCriterion(JsonBody.requiredString(criterion, "code"), JsonBody.requiredString(criterion, "name"), JsonBody.integer(criterion, "weight", null)));
    }
    ReviewRequest request = new ReviewRequest(JsonBody.requiredString(body, "title"), JsonBody.requiredString(body, "field"),
        JsonBody.integer(body, "panelSize", 5), JsonBody.integer(body, "reserves", 2), JsonBody.integer(body, "scoringDays", 10), JsonBody.integer(body, "passScore", 70),
        criteria, JsonBody.string(body, "chairUserId"), actor(), Instant.now());
    request.aggregation(JsonBody.integer(body, "trimFrom", ScoreAggregation.DEFAULT_TRIM_FROM),
        JsonBody.number(body, "divergenceThreshold", ScoreAggregation.DEFAULT_DIVERGENCE));
    for (JsonValue value : JsonBody.list(body, "items")) {
      JsonObject item = value.asJsonObject();
      Set<String> coApplicants = item.containsKey("coApplicantOrganisations")
          ? JsonBody.strings(item, "coApplicantOrganisations") : Set.of();
      Map<String, String> exclusions = new HashMap<>();
      if (item.containsKey("exclusions")) {
        for (JsonValue excluded : JsonBody.list(item, "exclusions")) {
          String user = JsonBody.requiredString(excluded.asJsonObject(), "expertUserId");
          String expertId = repository.expertByUser(user)
              .orElseThrow(() -> new IllegalArgumentException("items.exclusions: " + user + " is not in the expert pool")).expertId();
          exclusions.put(expertId, JsonBody.requiredString(excluded.asJsonObject(), "reason"));
        }
      }
      request.addItem(JsonBody.requiredString(item, "reference"), JsonBody.requiredString(item, "title"), JsonBody.requiredString(item, "applicantOrganisation"),
          coApplicants, exclusions).describe(org.aipo.common.Markdown.escape(JsonBody.string(item, "details")));
    }
    String instanceId = starter.start(request, user());
    return Response.status(Response.Status.CREATED)
        .entity(Json.createObjectBuilder().add("id", request.getId()).add("processInstanceId", instanceId).build().toString()).build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    ReviewRequest request;
    try {
      request = reviews.find(id);
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.NotFoundException("no review request " + id);
    }
    JsonArrayBuilder candidates = Json.createArrayBuilder();
    request.getDrawCandidates().forEach(c -> candidates.add(Json.createObjectBuilder()
        .add("expertUserId", JsonBody.nullable(reviews.userOf(c.getExpertId()))).add("outcome", c.getOutcome().name())
        .add("position", c.getPosition()).add("reason", JsonBody.nullable(c.getReason()))));
    JsonArrayBuilder seats = Json.createArrayBuilder();
    request.getSeats().forEach(s -> seats.add(Json.createObjectBuilder().add("seatNo", s.getSeatNo())
        .add("expertUserId", JsonBody.nullable(reviews.userOf(s.getExpertId()))).add("accepted", s.isAccepted())));
    JsonArrayBuilder outcomes = Json.createArrayBuilder();
    for (ItemOutcome outcome : request.getOutcomes()) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("itemId", outcome.getItemId()).add("score", outcome.getScore())
          .add("spread", outcome.getSpread()).add("diverges", outcome.isDiverges()).add("criterionMeans", outcome.getCriterionMeans())
          .add("recommendation", outcome.getRecommendation() == null ? "" : outcome.getRecommendation().name())
          .add("opinion", JsonBody.nullable(outcome.getOpinion())).add("reasons", JsonBody.nullable(outcome.getReasons()));
      outcomes.add(o);
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    request.getItems().forEach(i -> items.add(Json.createObjectBuilder().add("id", i.getId()).add("reference", i.getReference())
        .add("title", i.getTitle()).add("applicantOrganisation", i.getApplicantOrganisation())));
    return Json.createObjectBuilder().add("id", request.getId()).add("title", request.getTitle()).add("field", request.getField())
        .add("status", request.getStatus().name()).add("panelSize", request.getPanelSize())
        .add("drawSeed", request.getDrawSeed() == null ? JsonValue.NULL : Json.createValue(request.getDrawSeed()))
        .add("items", items).add("drawCandidates", candidates).add("seats", seats).add("outcomes", outcomes).build().toString();
  }

}
