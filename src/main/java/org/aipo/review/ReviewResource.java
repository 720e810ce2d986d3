package org.aipo.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
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

import org.aipo.web.AllowedGroups;
import org.aipo.web.ApiUser;

/**
 * The committee secretariat starts an expert-committee review and follows it: the draw (with every
 * candidate and reason), the seats, and the outcome per item. Experts' identities are shown here, to
 * the secretariat only; the applicant API never shows them.
 */
@RequestScoped
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"committee-secretariat", "camunda-admin"})
public class ReviewResource {

  @Inject
  ReviewStarter starter;

  @Inject
  ReviewService reviews;

  @Inject
  ReviewRepository repository;

  @Context
  HttpServletRequest http;

  private ApiUser user() {
    return (ApiUser) http.getAttribute(ApiUser.PROPERTY);
  }

  private String actor() {
    return user().userId();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(JsonObject body) {
    if (body == null) {
      throw new IllegalArgumentException("body: a JSON object is required");
    }
    List<ReviewCriterion> criteria = new ArrayList<>();
    for (JsonValue value : array(body, "criteria")) {
      JsonObject criterion = value.asJsonObject();
      criteria.add(new ReviewCriterion(string(criterion, "code", true), string(criterion, "name", true), integer(criterion, "weight", null)));
    }
    ReviewRequest request = new ReviewRequest(string(body, "title", true), string(body, "field", true),
        integer(body, "panelSize", 5), integer(body, "reserves", 2), integer(body, "scoringDays", 10), integer(body, "passScore", 70),
        criteria, string(body, "chairUserId", false), actor(), Instant.now());
    request.aggregation(integer(body, "trimFrom", ScoreAggregation.DEFAULT_TRIM_FROM),
        number(body, "divergenceThreshold", ScoreAggregation.DEFAULT_DIVERGENCE));
    for (JsonValue value : array(body, "items")) {
      JsonObject item = value.asJsonObject();
      Set<String> coApplicants = new LinkedHashSet<>();
      if (item.containsKey("coApplicantOrganisations")) {
        array(item, "coApplicantOrganisations").forEach(v -> coApplicants.add(((JsonString) v).getString()));
      }
      Map<String, String> exclusions = new HashMap<>();
      if (item.containsKey("exclusions")) {
        for (JsonValue excluded : array(item, "exclusions")) {
          String user = string(excluded.asJsonObject(), "expertUserId", true);
          String expertId = repository.expertByUser(user)
              .orElseThrow(() -> new IllegalArgumentException("items.exclusions: " + user + " is not in the expert pool")).expertId();
          exclusions.put(expertId, string(excluded.asJsonObject(), "reason", true));
        }
      }
      request.addItem(string(item, "reference", true), string(item, "title", true), string(item, "applicantOrganisation", true),
          coApplicants, exclusions);
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
        .add("expertUserId", nullable(reviews.userOf(c.getExpertId()))).add("outcome", c.getOutcome().name())
        .add("position", c.getPosition()).add("reason", nullable(c.getReason()))));
    JsonArrayBuilder seats = Json.createArrayBuilder();
    request.getSeats().forEach(s -> seats.add(Json.createObjectBuilder().add("seatNo", s.getSeatNo())
        .add("expertUserId", nullable(reviews.userOf(s.getExpertId()))).add("accepted", s.isAccepted())));
    JsonArrayBuilder outcomes = Json.createArrayBuilder();
    for (ItemOutcome outcome : request.getOutcomes()) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("itemId", outcome.getItemId()).add("score", outcome.getScore())
          .add("spread", outcome.getSpread()).add("diverges", outcome.isDiverges()).add("criterionMeans", outcome.getCriterionMeans())
          .add("recommendation", outcome.getRecommendation() == null ? "" : outcome.getRecommendation().name())
          .add("opinion", nullable(outcome.getOpinion())).add("reasons", nullable(outcome.getReasons()));
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

  private static double number(JsonObject body, String name, double defaultValue) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return defaultValue;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return ((JsonNumber) value).doubleValue();
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }

  private static JsonArray array(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
      throw new IllegalArgumentException(name + ": a non-empty list is required");
    }
    return value.asJsonArray();
  }

  private static String string(JsonObject body, String name, boolean required) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw new IllegalArgumentException(name + " is required");
      }
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return ((JsonString) value).getString();
  }

  private static int integer(JsonObject body, String name, Integer defaultValue) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (defaultValue == null) {
        throw new IllegalArgumentException(name + " is required");
      }
      return defaultValue;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    return ((JsonNumber) value).intValueExact();
  }
}
