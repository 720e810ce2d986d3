package org.aipo.call;

import jakarta.annotation.security.RolesAllowed;

import java.util.List;

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

/** The calls open now, for applicants. */
@RequestScoped
@Path("applicant/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applicant", description = "申报单位 Applicants")
public class ApplicantCallResource implements ApiResource {

  @Inject
  Calls calls;

  @GET
  @RolesAllowed("applicant")
  @Operation(summary = "正在受理的指南 The calls open now")
  @APIResponse(responseCode = "200", description = "正在受理的指南 Open calls",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CallView.class)))
  public List<CallView> openCalls() {
    return calls.openNow().stream().map(CallView::of).toList();
  }
}
