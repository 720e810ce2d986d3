package org.aipo.voucher;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A compute supplier's staff (group {@code compute-supplier}) follow their own listing application: its status, the
 * office's reasons and dates, and correct it when the office returned it. There is no id to ask for: the caller's
 * account names the supplier, so another supplier's application is never reachable.
 */
@RequestScoped
@Path("supplier")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("compute-supplier")
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class SupplierResource implements ApiResource {

  /** The supplier's own listing application, as its staff see it. */
  @Schema(name = "ComputeSupplierListing")
  public record ListingView(String id, String name, String creditCode, String legalRepresentative, List<String> shareholders,
      String contactEmail,
      @Schema(description = "PENDING 待审核, RETURNED 退回补正, LISTED 已入库, REFUSED 不予入库, LAPSED 逾期未更正已失效",
          enumeration = {"PENDING", "RETURNED", "LISTED", "REFUSED", "LAPSED"}) String status,
      Instant appliedAt, Instant decidedAt,
      @Schema(description = "项目办的理由或需更正的内容 The office's reasons, or what to correct") String decisionNote,
      @Schema(description = "补正截止时间（退回时）The end of the correction window (when returned)") Instant correctionDueAt,
      @Schema(description = "最近一次更正时间 When the supplier last corrected it") Instant correctedAt) {

    static ListingView of(ComputeSupplier s) {
      return new ListingView(s.getId(), s.getName(), s.getCreditCode(), s.getLegalRepresentative(), s.getShareholders(), s.getContactEmail(),
          s.getStatus().name(), s.getAppliedAt(), s.getDecidedAt(), s.getDecisionNote(), s.getCorrectionDueAt(), s.getCorrectedAt());
    }
  }

  /** The corrected details of a returned application; the credit code names the supplier and is not among them. */
  @Schema(name = "ComputeSupplierCorrection")
  public record CorrectionRequest(@Schema(example = "示例智算科技有限公司") String name,
      @Schema(description = "法定代表人 Legal representative", example = "赵六") String legalRepresentative,
      @Schema(description = "股东 Shareholders") List<String> shareholders,
      @Schema(example = "bd@compute.example") String contactEmail) {
  }

  @Inject
  VoucherService vouchers;

  @Context
  HttpServletRequest http;

  @GET
  @Path("listing")
  @Operation(summary = "本服务商的入库申请与进度 The caller's supplier's listing application and its status")
  @APIResponse(responseCode = "200", description = "入库申请 The listing application: PENDING, RETURNED, LISTED, REFUSED or LAPSED with the office's note",
      content = @Content(schema = @Schema(implementation = ListingView.class)))
  public ListingView listing() {
    return ListingView.of(vouchers.ownListing(ApiUser.of(http).userId()));
  }

  @PUT
  @Path("listing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "更正被退回的入库申请（信用代码不可改）Correct the returned listing application (not the credit code)",
      description = "只有项目办退回补正（RETURNED）且在补正期限内的申请可以更正，否则 409；更正后申请回到项目办审核。"
          + "Only an application the office returned (RETURNED), within its window, can be corrected, otherwise 409; the correction goes back to the office's review.")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CorrectionRequest.class),
      examples = @ExampleObject(name = "correction", value = "{\"name\":\"示例智算科技有限公司\",\"legalRepresentative\":\"赵六\","
          + "\"shareholders\":[\"赵六\",\"某投资有限公司\",\"钱七\"],\"contactEmail\":\"bd@compute.example\"}")))
  @APIResponse(responseCode = "200", description = "已更正，等待项目办审核 Corrected; PENDING the office's review again",
      content = @Content(schema = @Schema(implementation = ListingView.class)))
  public ListingView correct(@Valid @NotNull CorrectionRequest body) {
    return ListingView.of(vouchers.correctListing(ApiUser.of(http).userId(), body.name(), body.legalRepresentative(), body.shareholders(),
        body.contactEmail()));
  }
}
