package org.aipo.transparency;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Auditors' replay of every recorded draw (抽取复核): review panels and spot-check campaigns (issue 26). */
@RequestScoped
@Path("audit/draws")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "camunda-admin"})
@Tag(name = "transparency", description = "审计：记录链校验与抽取复核 Audit: record chain verification and draw replay")
public class DrawReplayResource implements ApiResource {

  @Inject
  DrawRegister register;

  @Context
  HttpServletRequest http;

  @GET
  @Operation(summary = "全部抽取记录（评审专家抽取与双随机抽查）Every recorded draw: review panels and spot-check campaigns")
  @APIResponse(responseCode = "200", description = "按抽取时间 Oldest first",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DrawRegister.Draw.class)))
  public List<DrawRegister.Draw> draws() {
    return register.draws();
  }

  @POST
  @Path("{kind}/{id}/replay")
  @Operation(summary = "按存档的种子与快照重算一次抽取并核对（留审计记录）Replay a draw from its stored seed and snapshot and compare (recorded)")
  @APIResponse(responseCode = "200", description = "是否一致及差异 Match or mismatch, with the differences",
      content = @Content(schema = @Schema(implementation = DrawRegister.Verdict.class)))
  public DrawRegister.Verdict replay(
      @Parameter(description = "review、call-groups（id 为指南 id）或 spot-check  review, call-groups (the id is the call's) or spot-check", example = "review") @PathParam("kind") String kind,
      @PathParam("id") String id) {
    return register.replay(kind, id, ApiUser.of(http).userId());
  }
}
