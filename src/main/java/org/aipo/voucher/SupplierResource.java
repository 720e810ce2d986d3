package org.aipo.voucher;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A compute supplier's staff (group {@code compute-supplier}) follow their own listing application: its status and
 * the office's reasons. There is no id to ask for: the caller's account names the supplier, so another supplier's
 * application is never reachable.
 */
@RequestScoped
@Path("supplier")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("compute-supplier")
@Tag(name = "vouchers", description = "算力券 Compute vouchers")
public class SupplierResource implements ApiResource {

  @Inject
  VoucherService vouchers;

  @Context
  HttpServletRequest http;

  @GET
  @Path("listing")
  @Operation(summary = "本服务商的入库申请与进度 The caller's supplier's listing application and its status")
  @APIResponse(responseCode = "200", description = "入库申请 The listing application: PENDING, LISTED or REFUSED with the office's note",
      content = @Content(schema = @Schema(implementation = ComputeSupplierResource.SupplierView.class)))
  public ComputeSupplierResource.SupplierView listing() {
    return ComputeSupplierResource.SupplierView.of(vouchers.ownListing(ApiUser.of(http).userId()));
  }
}
