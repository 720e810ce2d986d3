package org.aipo.voucher;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalogue of compute suppliers (算力服务商目录): a supplier applies to be listed (no login; with a staff
 * account that then follows the application, {@link SupplierResource}), which starts {@code supplierListing}; the
 * programme office lists or refuses it in Tasklist or here (the decision completes the process's task); anyone reads
 * the listed suppliers, officials read the applications.
 */
@RequestScoped
@Path("compute-suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class ComputeSupplierResource implements ApiResource {

  /** A supplier's application for listing. */
  @Schema(name = "ComputeSupplierRequest")
  public record SupplierRequest(@Schema(example = "示例智算科技有限公司") String name,
      @Schema(description = "统一社会信用代码 Unified social credit code", example = "91310115MA1K4B2C3J") String creditCode,
      @Schema(description = "法定代表人 Legal representative", example = "赵六") String legalRepresentative,
      @Schema(description = "股东 Shareholders") List<String> shareholders,
      @Schema(example = "bd@compute.example") String contactEmail,
      @Schema(description = "服务商员工账号（可选），用于查看入库进度 The staff account that follows the listing (optional)") @Valid StaffUser user) {
  }

  /** A supplier's staff account: a user in group compute-supplier who sees only this supplier's listing. */
  @Schema(name = "ComputeSupplierUser")
  public record StaffUser(@Schema(example = "zhaoliu") String userId, @Schema(example = "secret12345") String password,
      @Schema(example = "赵六") String name) {
  }

  /**
   * The office's decision on a listing: {@code decision} LISTED, RETURNED (for correction, with a note saying what) or
   * REFUSED; or, as before, {@code listed} true or false. Both given must agree.
   */
  @Schema(name = "ComputeSupplierDecision")
  public record DecisionRequest(@Schema(description = "true: 入库 list; false: 不予入库 refuse（可改用 decision Or use decision）") Boolean listed,
      @Schema(description = "LISTED 入库, RETURNED 退回补正（须有 note，服务商 10 个工作日内更正）, REFUSED 不予入库. "
          + "LISTED lists, RETURNED returns the application for correction (a note is required; the supplier has 10 working days), REFUSED refuses",
          enumeration = {"LISTED", "RETURNED", "REFUSED"}, example = "RETURNED") String decision,
      @Schema(example = "请补充股东名单 Please complete the list of shareholders") String note) {

    /** The decision this request makes, refused naming the field when missing, unknown or contradictory. */
    SupplierListings.Decision decided() {
      SupplierListings.Decision byListed = listed == null ? null : listed ? SupplierListings.Decision.LISTED : SupplierListings.Decision.REFUSED;
      if (decision == null || decision.isBlank()) {
        if (byListed == null) {
          throw DomainException.badInput("field.required", "decision", "decision（LISTED、RETURNED 或 REFUSED）或 listed 为必填项",
              "decision (LISTED, RETURNED or REFUSED) or listed is required");
        }
        return byListed;
      }
      SupplierListings.Decision named;
      try {
        named = SupplierListings.Decision.valueOf(decision.trim());
      } catch (IllegalArgumentException e) {
        throw DomainException.badInput("field.invalid", "decision", "decision 须为 LISTED、RETURNED 或 REFUSED", "decision must be LISTED, RETURNED or REFUSED");
      }
      if (byListed != null && byListed != named) {
        throw DomainException.badInput("field.contradictory", "listed", "listed 与 decision 矛盾", "listed contradicts decision");
      }
      return named;
    }
  }

  /** A supplier as the catalogue shows it. */
  @Schema(name = "ComputeSupplier")
  public record SupplierView(String id, String name, String creditCode, String legalRepresentative, List<String> shareholders,
      @Schema(enumeration = {"PENDING", "RETURNED", "LISTED", "REFUSED", "LAPSED"}) String status,
      Instant appliedAt, Instant decidedAt, String decisionNote) {

    static SupplierView of(ComputeSupplier s) {
      return new SupplierView(s.getId(), s.getName(), s.getCreditCode(), s.getLegalRepresentative(), s.getShareholders(), s.getStatus().name(),
          s.getAppliedAt(), s.getDecidedAt(), s.getDecisionNote());
    }
  }

  @Inject
  VoucherService vouchers;

  @Context
  HttpServletRequest http;

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "算力服务商申请入库 A compute supplier applies to be listed")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupplierRequest.class),
      examples = @ExampleObject(name = "supplier", value = "{\"name\":\"示例智算科技有限公司\",\"creditCode\":\"91310115MA1K4B2C3J\","
          + "\"legalRepresentative\":\"赵六\",\"shareholders\":[\"赵六\",\"某投资有限公司\"],\"contactEmail\":\"bd@compute.example\","
          + "\"user\":{\"userId\":\"zhaoliu\",\"password\":\"secret12345\",\"name\":\"赵六\"}}")))
  @APIResponse(responseCode = "201", description = "已申请，项目办在 Tasklist 中审核 Applied; the office decides in Tasklist",
      content = @Content(schema = @Schema(implementation = SupplierView.class)))
  public Response apply(@Valid @NotNull SupplierRequest body) {
    ComputeSupplier supplier = vouchers.applyForListing(body.name(), body.creditCode(), body.legalRepresentative(), body.shareholders(),
        body.contactEmail(), body.user() == null ? null : new VoucherService.StaffAccount(body.user().userId(), body.user().password(), body.user().name()));
    return Response.status(Response.Status.CREATED).entity(SupplierView.of(supplier)).build();
  }

  @GET
  @PermitAll
  @Operation(summary = "服务商目录（已入库）The catalogue: listed suppliers")
  @APIResponse(responseCode = "200", description = "已入库的服务商 Listed suppliers",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SupplierView.class)))
  public List<SupplierView> catalogue() {
    return vouchers.suppliers(ComputeSupplier.Status.LISTED).stream().map(SupplierView::of).toList();
  }

  @GET
  @Path("applications")
  @RolesAllowed({"programme-office", "auditor", "camunda-admin"})
  @Operation(summary = "待审核的入库申请 Applications waiting for the office")
  @APIResponse(responseCode = "200", description = "待审核 Pending", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SupplierView.class)))
  public List<SupplierView> applications() {
    return vouchers.suppliers(ComputeSupplier.Status.PENDING).stream().map(SupplierView::of).toList();
  }

  @POST
  @Path("{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "项目办决定入库、退回补正或不予入库（完成 Tasklist 中的审核任务）The office lists, returns for correction or refuses a supplier (completes its Tasklist task)")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DecisionRequest.class),
      examples = {@ExampleObject(name = "list", value = "{\"listed\":true,\"note\":\"资质齐全\"}"),
          @ExampleObject(name = "return", value = "{\"decision\":\"RETURNED\",\"note\":\"请补充股东名单 Please complete the list of shareholders\"}"),
          @ExampleObject(name = "refuse", value = "{\"decision\":\"REFUSED\",\"note\":\"缺少资质证明\"}")}))
  @APIResponse(responseCode = "200", description = "已决定 Decided", content = @Content(schema = @Schema(implementation = SupplierView.class)))
  public SupplierView decide(@PathParam("id") String id, @Valid @NotNull DecisionRequest body) {
    SupplierListings.Decision decision;
    try {
      decision = body.decided();
    } catch (DomainException e) {
      // an unknown supplier is 404 before the body's mistakes
      vouchers.supplier(id).orElseThrow(() -> DomainException.notFound("compute-supplier.not-found", null, "没有算力服务商 " + id, "no compute supplier " + id));
      throw e;
    }
    return SupplierView.of(vouchers.decideListing(id, decision, body.note(), ApiUser.of(http).userId()));
  }
}
