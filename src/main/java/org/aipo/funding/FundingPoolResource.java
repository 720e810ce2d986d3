package org.aipo.funding;

import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

import org.aipo.api.ApiResource;
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
 * Funding pools (专项资金): the programme office sets them up; officials and leadership read what is
 * committed and what is left. Calls name the pool they draw on ({@code fundingPool}).
 */
@RequestScoped
@Path("funding-pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
@Tag(name = "funding", description = "专项资金池 Funding pools")
public class FundingPoolResource implements ApiResource {

  /** A new pool. */
  @Schema(name = "FundingPoolRequest")
  public record FundingPoolRequest(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "{aipo.funding-pool.code}")
      @Schema(example = "ai-2027") String code,
      @NotBlank @Size(max = 300) @Schema(example = "2027 年人工智能专项") String name,
      @NotNull @Positive @Digits(integer = 13, fraction = 2) @Schema(example = "50000000") BigDecimal total) {
  }

  /** One call's commitment on a pool. */
  @Schema(name = "PoolCommitment")
  public record CommitmentView(String callId, BigDecimal amount, String committedBy, Instant committedAt) {
  }

  /** A pool with what is committed and what is left. */
  @Schema(name = "FundingPool")
  public record FundingPoolView(String code, String name, BigDecimal total, BigDecimal committed, BigDecimal remaining,
      List<CommitmentView> commitments, String createdBy, Instant createdAt) {
  }

  @Inject
  FundingPools pools;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "设立资金池 Create a funding pool")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingPoolRequest.class),
      examples = @ExampleObject(name = "pool", value = "{\"code\":\"ai-2027\",\"name\":\"2027 年人工智能专项\",\"total\":50000000}")))
  @APIResponse(responseCode = "201", description = "设立 Created", content = @Content(schema = @Schema(implementation = FundingPoolView.class)))
  public Response create(@Valid @NotNull FundingPoolRequest body) {
    FundingPool pool = pools.create(body.code(), body.name(), body.total(), ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED).entity(view(pool)).build();
  }

  @GET
  @Operation(summary = "资金池列表 List the funding pools")
  @APIResponse(responseCode = "200", description = "全部资金池 Every pool",
      content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
          implementation = FundingPoolView.class)))
  public List<FundingPoolView> list() {
    return pools.all().stream().map(this::view).toList();
  }

  @GET
  @Path("{code}")
  @Operation(summary = "查看资金池 Read a funding pool")
  @APIResponse(responseCode = "200", description = "资金池 The pool", content = @Content(schema = @Schema(implementation = FundingPoolView.class)))
  public FundingPoolView get(@PathParam("code") String code) {
    return view(pools.find(code).orElseThrow(() -> DomainException.notFound("funding-pool.not-found", null, "没有资金池 " + code,
        "no funding pool " + code)));
  }

  private FundingPoolView view(FundingPool pool) {
    List<CommitmentView> commitments = pools.commitments(pool.getCode()).stream()
        .map(c -> new CommitmentView(c.getCallId(), c.getAmount(), c.getCommittedBy(), c.getCommittedAt())).toList();
    BigDecimal committed = commitments.stream().map(CommitmentView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new FundingPoolView(pool.getCode(), pool.getName(), pool.getTotal(), committed, pool.getTotal().subtract(committed), commitments,
        pool.getCreatedBy(), pool.getCreatedAt());
  }
}
