package org.aipo.notice;

import jakarta.annotation.security.PermitAll;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.applicant.Organisation;
import org.aipo.call.Call;
import org.aipo.call.Calls;
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
 * The public notice (公示) of proposed awardees, open to anyone without an account, and real-name
 * objections to it during the notice window.
 */
@RequestScoped
@PermitAll
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notices", description = "公示与异议 Public notices and objections")
public class NoticeResource implements ApiResource {

  /** A proposed awardee on the notice. */
  @Schema(name = "NoticeAwardee")
  public record Awardee(String proposalId, String title, String organisation, String field, BigDecimal score, Integer rankInField,
      BigDecimal award) {
  }

  /** A call's notice of proposed awardees. */
  @Schema(name = "Notice")
  public record NoticeView(String callId, String title, int round, Instant opensAt, Instant closesAt, boolean open,
      List<Awardee> proposedAwardees) {
  }

  /**
   * A real-name objection. The values are checked by the objection itself (its refusals name these fields);
   * {@code organisation} is optional.
   */
  @Schema(name = "ObjectionRequest")
  public record ObjectionRequest(@Schema(example = "4f1c2d3e-…") String proposalId, @Schema(example = "王五") String name,
      @Schema(description = "电话或电子邮箱 Phone or e-mail", example = "wang@example.cn") String contact,
      @Schema(example = "某大学") String organisation, @Schema(example = "该单位的验收记录有误……") String grounds) {
  }

  /** The objection as registered. */
  @Schema(name = "ObjectionReceipt")
  public record ObjectionReceipt(String id, Instant lodgedAt, String message) {
  }

  @Inject
  Notices notices;

  @Inject
  Calls calls;

  @jakarta.persistence.PersistenceContext(unitName = "programmeOffice")
  jakarta.persistence.EntityManager entityManager;

  @GET
  @Operation(summary = "正在公示的名单 The notices open now")
  @APIResponse(responseCode = "200", description = "公示 The notices",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeView.class)))
  public List<NoticeView> list() {
    return calls.inNotice().stream().map(this::notice).toList();
  }

  @GET
  @Path("{callId}")
  @Operation(summary = "查看公示 Read a call's notice")
  @APIResponse(responseCode = "200", description = "公示 The notice", content = @Content(schema = @Schema(implementation = NoticeView.class)))
  public NoticeView get(@PathParam("callId") String callId) {
    Call call = calls.found(callId);
    if (call.getNoticeOpensAt() == null) {
      throw DomainException.notFound("notice.not-found", null, "该指南没有公示 " + callId, "no notice for call " + callId);
    }
    return notice(call);
  }

  private NoticeView notice(Call call) {
    List<Awardee> awardees = notices.proposedAwardees(call).stream().map(proposal -> {
      Organisation organisation = entityManager.find(Organisation.class, proposal.getOrganisationId());
      return new Awardee(proposal.getId(), proposal.content().title(), organisation.getName(), proposal.content().field(),
          proposal.getScore(), proposal.getRankInField(), proposal.getAward());
    }).toList();
    return new NoticeView(call.getId(), call.getTitle(), call.getNoticeRound(), call.getNoticeOpensAt(), call.getNoticeClosesAt(),
        call.isNoticeOpenAt(Instant.now()), awardees);
  }

  /** A real-name objection: proposalId, name, contact (phone or e-mail), organisation (optional), grounds. */
  @POST
  @Path("{callId}/objections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "实名提出异议 Lodge a real-name objection")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ObjectionRequest.class),
      examples = @ExampleObject(name = "objection", value = "{\"proposalId\":\"4f1c2d3e-…\",\"name\":\"王五\",\"contact\":\"wang@example.cn\","
          + "\"organisation\":\"某大学\",\"grounds\":\"该单位的验收记录有误……\"}")))
  @APIResponse(responseCode = "201", description = "已受理 Registered", content = @Content(schema = @Schema(implementation = ObjectionReceipt.class)))
  public Response object(@PathParam("callId") String callId, @Valid @NotNull ObjectionRequest body) {
    Objection objection = notices.lodge(callId, body.proposalId(), body.name(), body.contact(), body.organisation(), body.grounds());
    return Response.status(Response.Status.CREATED).entity(new ObjectionReceipt(objection.getId(), objection.getLodgedAt(),
        "异议已受理，项目办将予以答复。The objection is registered; the programme office will answer it.")).build();
  }
}
