package org.aipo.project;

import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.aipo.proposal.AcceptanceRecord;
import org.aipo.proposal.Proposals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The programme office records final-acceptance results (验收) of earlier projects, which decide
 * eligibility for new calls. The acceptance process of issue 4 will record its own results here too.
 */
@RequestScoped
@Path("acceptances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "camunda-admin"})
@Tag(name = "projects", description = "项目实施与验收 Projects and acceptance")
public class AcceptanceResource implements ApiResource {

  /** An earlier project's acceptance result. The values are checked by the record (its refusals name these fields). */
  @Schema(name = "AcceptanceRequest")
  public record AcceptanceRequest(
      @Schema(description = "统一社会信用代码 Unified social credit code", example = "91110108MA01A2B3C4") String creditCode,
      @Schema(example = "2024 年工业视觉示范项目") String project,
      @Schema(description = "PASSED, FAILED or OVERDUE", example = "PASSED") String outcome,
      @Schema(description = "yyyy-MM-dd", example = "2025-06-30") String decidedOn) {
  }

  /** The recorded result. */
  @Schema(name = "Acceptance")
  public record AcceptanceView(String project, String outcome, LocalDate decidedOn) {
  }

  @Inject
  Proposals proposals;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "登记验收结果 Record an acceptance result")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AcceptanceRequest.class),
      examples = @ExampleObject(name = "acceptance", value = "{\"creditCode\":\"91110108MA01A2B3C4\",\"project\":\"2024 年工业视觉示范项目\","
          + "\"outcome\":\"PASSED\",\"decidedOn\":\"2025-06-30\"}")))
  @APIResponse(responseCode = "201", description = "已登记 Recorded", content = @Content(schema = @Schema(implementation = AcceptanceView.class)))
  public Response record(@Valid @NotNull AcceptanceRequest body) {
    AcceptanceRecord.Outcome parsed;
    try {
      parsed = body.outcome() == null ? null : AcceptanceRecord.Outcome.valueOf(body.outcome().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("acceptance.outcome", "outcome", "验收结论须为 PASSED、FAILED 或 OVERDUE",
          "outcome must be PASSED, FAILED or OVERDUE");
    }
    LocalDate decidedOn;
    try {
      decidedOn = body.decidedOn() == null ? null : LocalDate.parse(body.decidedOn().trim());
    } catch (DateTimeParseException e) {
      throw DomainException.badInput("acceptance.decided-on", "decidedOn", "decidedOn 不是日期（yyyy-MM-dd）", "decidedOn is not a date (yyyy-MM-dd)");
    }
    AcceptanceRecord record = proposals.recordAcceptance(new AcceptanceRecord(body.creditCode(), body.project(), parsed, decidedOn),
        ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED)
        .entity(new AcceptanceView(record.getProject(), record.getOutcome().name(), record.getDecidedOn())).build();
  }
}
