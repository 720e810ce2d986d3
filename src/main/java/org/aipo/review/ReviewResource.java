package org.aipo.review;

import jakarta.annotation.security.RolesAllowed;

import org.aipo.api.ApiResource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The committee secretariat starts an expert-committee review and follows it: the draw (with every
 * candidate and reason), the seats, and the outcome per item. Experts' identities are shown here, to
 * the secretariat only; the applicant API never shows them.
 */
@RequestScoped
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"committee-secretariat", "camunda-admin"})
@Tag(name = "reviews", description = "专家委员会评审 Expert-committee reviews")
public class ReviewResource implements ApiResource {

  /** A criterion of the scoring form. */
  @Schema(name = "ReviewCriterionRequest")
  public record CriterionRequest(@NotBlank @Schema(example = "innovation") String code,
      @NotBlank @Size(max = 200) @Schema(example = "创新性 Innovation") String name,
      @NotNull @Schema(example = "40") Integer weight) {
  }

  /** An expert kept off one item, with the reason. */
  @Schema(name = "ReviewExclusionRequest")
  public record ExclusionRequest(@NotBlank String expertUserId, @NotBlank @Size(max = 500) String reason) {
  }

  /** An item to review. */
  @Schema(name = "ReviewItemRequest")
  public record ItemRequest(@NotBlank @Size(max = 100) String reference, @NotBlank @Size(max = 300) String title,
      @NotBlank @Size(max = 300) String applicantOrganisation, List<@NotBlank String> coApplicantOrganisations,
      List<@Valid @NotNull ExclusionRequest> exclusions, String details) {
  }

  /** A new review: panel, scoring rule and the items. */
  @Schema(name = "ReviewRequest")
  public record StartRequest(@NotBlank @Size(max = 300) String title, @NotBlank String field,
      @Schema(description = "默认 default 5") Integer panelSize, @Schema(description = "默认 default 2") Integer reserves,
      @Schema(description = "默认 default 10") Integer scoringDays, @Schema(description = "默认 default 70") Integer passScore,
      @NotEmpty List<@Valid @NotNull CriterionRequest> criteria, String chairUserId,
      Integer trimFrom, Double divergenceThreshold,
      @NotEmpty List<@Valid @NotNull ItemRequest> items) {
  }

  /** The started review and its process instance. */
  @Schema(name = "ReviewStarted")
  public record Started(String id, String processInstanceId) {
  }

  /** A drawn candidate with the draw's outcome for them. */
  @Schema(name = "ReviewDrawCandidate")
  public record CandidateView(String expertUserId, String outcome, int position, String reason) {
  }

  /** A seat of the panel. */
  @Schema(name = "ReviewSeat")
  public record SeatView(int seatNo, String expertUserId, boolean accepted) {
  }

  /** The aggregated outcome of one item. */
  @Schema(name = "ReviewOutcome")
  public record OutcomeView(String itemId, BigDecimal score, BigDecimal spread, boolean diverges, String criterionMeans,
      @Schema(description = "RECOMMENDED, NOT_RECOMMENDED or \"\" (not yet decided)") String recommendation, String opinion, String reasons) {
  }

  /** An item under review. */
  @Schema(name = "ReviewItem")
  public record ItemView(String id, String reference, String title, String applicantOrganisation) {
  }

  /** A review as the secretariat follows it. */
  @Schema(name = "Review")
  public record ReviewView(String id, String title, String field, String status, int panelSize, Long drawSeed,
      List<ItemView> items, List<CandidateView> drawCandidates, List<SeatView> seats, List<OutcomeView> outcomes) {
  }

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
  @Operation(summary = "发起专家评审 Start an expert-committee review")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StartRequest.class),
      examples = @ExampleObject(name = "review", value = "{\"title\":\"2027 年专项评审\",\"field\":\"ai-healthcare\",\"panelSize\":5,"
          + "\"criteria\":[{\"code\":\"innovation\",\"name\":\"创新性\",\"weight\":60},{\"code\":\"feasibility\",\"name\":\"可行性\",\"weight\":40}],"
          + "\"items\":[{\"reference\":\"P-1\",\"title\":\"影像辅助诊断\",\"applicantOrganisation\":\"某医院\"}]}")))
  @APIResponse(responseCode = "201", description = "已发起 Started", content = @Content(schema = @Schema(implementation = Started.class)))
  public Response start(@Valid @NotNull StartRequest body) {
    List<ReviewCriterion> criteria = new ArrayList<>();
    for (CriterionRequest criterion : body.criteria()) {
      criteria.add(new ReviewCriterion(criterion.code(), criterion.name(), criterion.weight()));
    }
    ReviewRequest request = new ReviewRequest(body.title(), body.field(), or(body.panelSize(), 5), or(body.reserves(), 2),
        or(body.scoringDays(), 10), or(body.passScore(), 70), criteria, body.chairUserId(), actor(), Instant.now());
    request.aggregation(or(body.trimFrom(), ScoreAggregation.DEFAULT_TRIM_FROM),
        body.divergenceThreshold() == null ? ScoreAggregation.DEFAULT_DIVERGENCE : body.divergenceThreshold());
    for (int i = 0; i < body.items().size(); i++) {
      ItemRequest item = body.items().get(i);
      Set<String> coApplicants = item.coApplicantOrganisations() == null ? Set.of() : new LinkedHashSet<>(item.coApplicantOrganisations());
      Map<String, String> exclusions = new HashMap<>();
      if (item.exclusions() != null) {
        for (int j = 0; j < item.exclusions().size(); j++) {
          ExclusionRequest excluded = item.exclusions().get(j);
          String user = excluded.expertUserId();
          String field = "items[" + i + "].exclusions[" + j + "].expertUserId";
          String expertId = repository.expertByUser(user)
              .orElseThrow(() -> DomainException.badInput("review.expert-unknown", field, user + " 不在专家库中",
                  "items.exclusions: " + user + " is not in the expert pool")).expertId();
          exclusions.put(expertId, excluded.reason());
        }
      }
      request.addItem(item.reference(), item.title(), item.applicantOrganisation(), coApplicants, exclusions)
          .describe(org.aipo.common.Markdown.escape(item.details()));
    }
    String instanceId = starter.start(request, user());
    return Response.status(Response.Status.CREATED).entity(new Started(request.getId(), instanceId)).build();
  }

  private static int or(Integer value, int otherwise) {
    return value == null ? otherwise : value;
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"committee-secretariat", "auditor", "camunda-admin"})
  @Operation(summary = "查看评审 Read a review: draw, seats, outcomes")
  @APIResponse(responseCode = "200", description = "评审 The review", content = @Content(schema = @Schema(implementation = ReviewView.class)))
  public ReviewView get(@PathParam("id") String id) {
    ReviewRequest request;
    try {
      request = reviews.find(id);
    } catch (DomainException e) {
      throw DomainException.notFound("review.not-found", null, "没有评审 " + id, "no review request " + id);
    }
    List<CandidateView> candidates = request.getDrawCandidates().stream().map(c -> new CandidateView(reviews.userOf(c.getExpertId()),
        c.getOutcome().name(), c.getPosition(), c.getReason())).toList();
    List<SeatView> seats = request.getSeats().stream().map(s -> new SeatView(s.getSeatNo(), reviews.userOf(s.getExpertId()), s.isAccepted()))
        .toList();
    List<OutcomeView> outcomes = request.getOutcomes().stream().map(o -> new OutcomeView(o.getItemId(), o.getScore(), o.getSpread(),
        o.isDiverges(), o.getCriterionMeans(), o.getRecommendation() == null ? "" : o.getRecommendation().name(), o.getOpinion(),
        o.getReasons())).toList();
    List<ItemView> items = request.getItems().stream().map(i -> new ItemView(i.getId(), i.getReference(), i.getTitle(),
        i.getApplicantOrganisation())).toList();
    return new ReviewView(request.getId(), request.getTitle(), request.getField(), request.getStatus().name(), request.getPanelSize(),
        request.getDrawSeed(), items, candidates, seats, outcomes);
  }

}
