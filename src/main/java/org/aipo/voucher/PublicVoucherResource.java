package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public, in aggregate, per round: issued, redeemed and lapsed (docs/domain.md programme 4, step 7). No login. */
@RequestScoped
@Path("public/voucher-rounds")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class PublicVoucherResource implements ApiResource {

  /** A round in aggregate: no firm, no voucher. */
  @Schema(name = "VoucherRoundAggregate")
  public record RoundAggregate(String id, String name, String programme, int year, BigDecimal poolTotal, Instant validUntil, String status,
      int issuedCount, BigDecimal issuedAmount, int redeemedCount, BigDecimal paidAmount, int lapsedCount, BigDecimal lapsedAmount,
      BigDecimal balance) {
  }

  @Inject
  VoucherService vouchers;

  @GET
  @Operation(summary = "各批次算力券发放、兑付与失效汇总（公开）Per round: issued, redeemed and lapsed, in aggregate (public)")
  @APIResponse(responseCode = "200", description = "每个批次一行 One row per round",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RoundAggregate.class)))
  public List<RoundAggregate> rounds() {
    return vouchers.rounds().stream().map(round -> {
      PoolBook book = PoolBook.of(vouchers.ledger(round.getId()));
      return new RoundAggregate(round.getId(), round.getName(), round.getProgramme().name(), round.getYear(), round.getPoolTotal(),
          round.getValidUntil(), round.isOpenAt(Instant.now()) ? "OPEN" : "CLOSED", book.issuedCount(), book.issuedAmount(), book.redeemedCount(),
          book.paidAmount(), book.lapsedCount(), book.lapsedAmount(), book.balance());
    }).toList();
  }
}
