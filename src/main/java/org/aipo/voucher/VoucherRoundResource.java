package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

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
 * Voucher rounds (算力券批次): the programme office opens and closes them; officials read each round's pool,
 * ledger and lapse forecast. The public aggregates are {@link PublicVoucherResource}.
 */
@RequestScoped
@Path("voucher-rounds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class VoucherRoundResource implements ApiResource {

  /** A new round. */
  @Schema(name = "VoucherRoundRequest")
  public record RoundRequest(@Schema(example = "2027 年算力券") String name,
      @Schema(description = "VOUCHER (share of a purchase, up to 40 %) or RENTAL (rental subsidy, up to 10 %)", example = "VOUCHER") String programme,
      @Schema(description = "资金池总额（元）The annual pool (yuan)", example = "10000000") BigDecimal poolTotal,
      @Schema(description = "有效期至 Vouchers are valid until", example = "2027-12-31T23:59:59+08:00") OffsetDateTime validUntil,
      @Schema(description = "专家评审门槛：预计合同额超过此数（元）由专家评审，默认 1000000 Expert review above this expected contract value, default 1000000",
          example = "1000000") BigDecimal expertThreshold,
      @Schema(description = "到期前几天提醒，默认 30 Days before expiry to remind the firm, default 30", example = "30") Integer reminderDays,
      @Schema(description = "申请所用模型须已备案（备案号在 AI 服务登记册中）The model applied for must be filed (its number in the AI-service register)",
          example = "false") Boolean requiresFiledModel) {
  }

  /** Counts and amounts of one kind of movement. */
  @Schema(name = "VoucherTally")
  public record Tally(int count, BigDecimal amount) {
  }

  /** One ledger entry. */
  @Schema(name = "VoucherLedgerEntry")
  public record LedgerView(String kind, String voucherId, BigDecimal amount, String bookedBy, Instant bookedAt) {
  }

  /** A round with its pool, as officials see it. */
  @Schema(name = "VoucherRound")
  public record RoundView(String id, String name, String programme, int year, BigDecimal poolTotal, Instant validUntil, BigDecimal expertThreshold,
      int reminderDays, @Schema(description = "申请所用模型须已备案 The model applied for must be filed") boolean requiresFiledModel, String status, String openedBy, Instant openedAt,
      @Schema(description = "余额 = 台账之和 Balance = the ledger's sum") BigDecimal balance,
      @Schema(description = "已预留未兑付 Reserved, not yet redeemed or lapsed") BigDecimal reserved,
      Tally issued, Tally redeemed, Tally lapsed,
      @Schema(description = "30 天内到期、尚未兑付的券 Issued vouchers expiring within 30 days, not redeemed") Tally lapseForecast,
      List<LedgerView> ledger) {
  }

  @Inject
  VoucherService vouchers;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "开启算力券批次 Open a voucher round")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoundRequest.class),
      examples = @ExampleObject(name = "round", value = "{\"name\":\"2027 年算力券\",\"programme\":\"VOUCHER\",\"poolTotal\":10000000,"
          + "\"validUntil\":\"2027-12-31T23:59:59+08:00\",\"expertThreshold\":1000000,\"reminderDays\":30}")))
  @APIResponse(responseCode = "201", description = "已开启 Opened", content = @Content(schema = @Schema(implementation = RoundView.class)))
  public Response open(@Valid @NotNull RoundRequest body) {
    VoucherRound round = vouchers.openRound(body.name(), programme(body.programme()), body.poolTotal(),
        body.validUntil() == null ? null : body.validUntil().toInstant(), body.expertThreshold(), body.reminderDays(), Boolean.TRUE.equals(body.requiresFiledModel()),
        ApiUser.of(http).userId());
    return Response.status(Response.Status.CREATED).entity(view(round, true)).build();
  }

  static VoucherRound.Programme programme(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.badInput("field.required", "programme", "programme 为必填项（VOUCHER 或 RENTAL）", "programme is required (VOUCHER or RENTAL)");
    }
    try {
      return VoucherRound.Programme.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("voucher-round.programme", "programme", "programme 须为 VOUCHER 或 RENTAL", "programme must be VOUCHER or RENTAL");
    }
  }

  @GET
  @Operation(summary = "算力券批次列表 List the voucher rounds")
  @APIResponse(responseCode = "200", description = "全部批次（不含台账明细） Every round, without the ledger's entries",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RoundView.class)))
  public List<RoundView> list() {
    return vouchers.rounds().stream().map(round -> view(round, false)).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "查看批次：资金池、台账与失效预测 A round's pool, ledger and lapse forecast")
  @APIResponse(responseCode = "200", description = "批次 The round", content = @Content(schema = @Schema(implementation = RoundView.class)))
  public RoundView get(@PathParam("id") String id) {
    return view(vouchers.round(id), true);
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "截止批次，不再受理申请 Close a round to new applications")
  @APIResponse(responseCode = "200", description = "已截止 Closed", content = @Content(schema = @Schema(implementation = RoundView.class)))
  public RoundView close(@PathParam("id") String id) {
    return view(vouchers.closeRound(id, ApiUser.of(http).userId()), true);
  }

  private RoundView view(VoucherRound round, boolean withLedger) {
    List<LedgerEntry> entries = vouchers.ledger(round.getId());
    PoolBook book = PoolBook.of(entries);
    Instant horizon = Instant.now().plus(java.time.Duration.ofDays(30));
    List<Voucher> expiring = vouchers.vouchersOfRound(round.getId()).stream()
        .filter(v -> v.getStatus() == Voucher.Status.ISSUED && v.getExpiresAt() != null && v.getExpiresAt().isBefore(horizon)).toList();
    Tally forecast = new Tally(expiring.size(), expiring.stream().map(Voucher::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    return new RoundView(round.getId(), round.getName(), round.getProgramme().name(), round.getYear(), round.getPoolTotal(), round.getValidUntil(),
        round.getExpertThreshold(), round.getReminderDays(), round.isRequiresFiledModel(), round.isOpenAt(Instant.now()) ? "OPEN" : "CLOSED", round.getOpenedBy(), round.getOpenedAt(),
        book.balance(), book.reserved(), new Tally(book.issuedCount(), book.issuedAmount()), new Tally(book.redeemedCount(), book.paidAmount()),
        new Tally(book.lapsedCount(), book.lapsedAmount()), forecast,
        withLedger ? entries.stream().map(e -> new LedgerView(e.getKind().name(), e.getVoucherId(), e.getAmount(), e.getBookedBy(), e.getBookedAt())).toList()
            : null);
  }
}
