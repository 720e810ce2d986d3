package org.aipo.selection;

import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.aipo.call.Call;
import org.aipo.call.CallView;
import org.aipo.call.Calls;
import org.aipo.common.DomainException;
import org.aipo.proposal.OfficeProposalResource;
import org.aipo.proposal.OfficeProposalView;
import org.aipo.review.ReviewCriterion;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programme office opens calls for demonstration projects. */
@RequestScoped
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "camunda-admin"})
@Tag(name = "calls", description = "项目指南 Calls for demonstration projects")
public class CallResource implements ApiResource {

  /** A new call. Optional values left out (or null) keep the call's defaults. */
  @Schema(name = "CallRequest")
  public record CallRequest(
      @NotBlank @Schema(example = "2027 年人工智能示范项目") String title,
      @NotEmpty @Schema(example = "[\"robotics\"]") List<@NotBlank String> fields,
      @NotBlank @Schema(description = "ISO 日期时间（含时区） ISO date-time with offset", example = "2026-12-01T09:00:00+08:00") String opensAt,
      @NotBlank @Schema(description = "ISO 日期时间（含时区） ISO date-time with offset", example = "2027-01-31T17:00:00+08:00") String closesAt,
      @NotNull @Schema(example = "20000000") BigDecimal budget,
      @NotNull @Schema(example = "2000000") BigDecimal maxAward,
      @NotNull @Schema(example = "10") Integer awardCount,
      @Schema(description = "已发布场景的代码 Codes of published scenarios", example = "[\"V1-01\"]") List<@NotBlank String> scenarios,
      @Schema(example = "3") Integer adverseAcceptanceYears,
      @Schema(example = "5") Integer panelSize,
      @Valid @Schema(description = "权重合计 100，顺序即并列时的先后 Weights add up to 100; their order breaks ties") List<@NotNull @Valid CriterionRequest> criteria,
      @Schema(example = "24") Integer projectMonths,
      @Schema(example = "ai-2027") String fundingPool,
      @Schema(description = "申报所用模型须已备案（备案号在 AI 服务登记册中）Every model a proposal uses must be filed (its number in the AI-service register)",
          example = "false") Boolean requiresFiledModels,
      @Valid @Schema(description = "申报须提交的材料；不填则为：申报书（必交，10 MB，1 份）、预算表（必交，5 MB，1 份）、资质证明（5 MB，10 份）、其他（10 MB，5 份）。"
          + "The documents a proposal carries; left out: application (required, 10 MB, 1), budget (required, 5 MB, 1), "
          + "qualification (5 MB, 10), other (10 MB, 5)") List<@NotNull @Valid DocumentKindRequest> documentKinds,
      @Schema(description = "分组评审：每组项目数上限（2–200，默认 20） Grouped review: at most this many proposals a group (2–200, default 20)",
          example = "20") Integer maxGroupSize,
      @Schema(description = "每位专家参与本指南评审组数上限（1–50，默认 2） No expert on more than this many groups of the call (1–50, default 2)",
          example = "2") Integer maxGroupsPerExpert,
      @Schema(description = "同一领域各组合并规则（默认 NORMALISED） How the groups of a field are merged (default NORMALISED)",
          enumeration = {"NORMALISED", "RANK_IN_GROUP"}, example = "NORMALISED") String mergeRule) {
  }

  /** A kind of document a new call asks for. */
  @Schema(name = "CallDocumentKindRequest")
  public record DocumentKindRequest(@NotBlank @Schema(example = "application", enumeration = {"application", "budget", "qualification", "other"}) String kind,
      @Schema(example = "true") Boolean required, @NotNull @Schema(example = "10") Integer maxMegabytes, @NotNull @Schema(example = "1") Integer maxCount) {
  }

  /** A review criterion of a new call. */
  @Schema(name = "CallCriterionRequest")
  public record CriterionRequest(@NotBlank String code, @NotBlank String name, Integer weight) {
  }

  /** A review group of the call as the office sees it before and after the draw. */
  @Schema(name = "ReviewGroup")
  public record ReviewGroupView(@Schema(example = "1") int groupNo, @Schema(example = "robotics") String field, int round,
      @Schema(description = "抽取后对应的评审请求 The review request after the draw (null before)") String reviewRequestId,
      @Schema(description = "组内申报书（按顺序） The group's proposals in order") List<GroupMember> proposals,
      @Schema(description = "抽取后尚无专家的席位（专家不足时由秘书处指定） Seats without an expert after the draw (short of experts: the secretariat appoints)",
          example = "0") int emptySeats) {
  }

  /** A proposal in a review group. */
  @Schema(name = "ReviewGroupMember")
  public record GroupMember(String proposalId, String title) {
  }

  /** The office moves a proposal to another group of its field, before the draw. */
  @Schema(name = "ReviewGroupMove")
  public record MoveRequest(@NotBlank @Schema(example = "5b0c1f9e-0000-0000-0000-000000000000") String proposalId,
      @NotNull @Schema(description = "目标评审组编号 The number of the target group", example = "2") Integer toGroup,
      @NotBlank @Schema(description = "调整理由（记入审计） Why (audited)", example = "与第 2 组同属工业视觉 Belongs with group 2: industrial vision") String reason) {
  }

  @Inject
  CallStageService stages;

  @Inject
  org.aipo.review.ReviewService reviewService;

  @Inject
  org.aipo.proposal.Proposals proposalService;

  @Inject
  Calls calls;

  @Inject
  OfficeProposalResource officeView;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "发布指南 Open a call")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CallRequest.class),
      examples = @ExampleObject(name = "call", value = "{\"title\":\"2027 年人工智能示范项目\",\"fields\":[\"robotics\"],"
          + "\"opensAt\":\"2026-12-01T09:00:00+08:00\",\"closesAt\":\"2027-01-31T17:00:00+08:00\",\"budget\":20000000,"
          + "\"maxAward\":2000000,\"awardCount\":10}")))
  @APIResponse(responseCode = "201", description = "已发布 Opened", content = @Content(schema = @Schema(implementation = CallView.class)))
  public Response open(@Valid @NotNull CallRequest body) {
    String actor = ApiUser.of(http).userId();
    Call call = new Call(body.title(), new LinkedHashSet<>(body.fields()), instant(body.opensAt(), "opensAt"),
        instant(body.closesAt(), "closesAt"), body.budget(), body.maxAward(), body.awardCount(), actor);
    call.answers(body.scenarios() == null ? null : List.copyOf(new LinkedHashSet<>(body.scenarios())), body.adverseAcceptanceYears());
    call.reviewedBy(body.panelSize(), body.criteria() == null ? null : body.criteria().stream()
        .map(c -> new ReviewCriterion(c.code(), c.name(), c.weight() == null ? 0 : c.weight())).toList(), body.projectMonths());
    call.drawsOn(body.fundingPool());
    call.groupedBy(body.maxGroupSize(), body.maxGroupsPerExpert(), body.mergeRule());
    call.requireFiledModels(body.requiresFiledModels());
    call.asksFor(body.documentKinds() == null ? null : body.documentKinds().stream()
        .map(k -> new org.aipo.call.DocumentKind(org.aipo.call.DocumentKind.Code.of(k.kind(), "documentKinds.kind"), Boolean.TRUE.equals(k.required()),
            k.maxMegabytes(), k.maxCount())).toList());
    calls.open(call, actor);
    return Response.status(Response.Status.CREATED).entity(CallView.of(call)).build();
  }

  /** An ISO date-time with offset, such as 2026-12-01T09:00:00+08:00. */
  private static Instant instant(String value, String field) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.badInput("date-time.malformed", field, field + " 不是含时区的 ISO 日期时间，例如 2026-12-01T09:00:00+08:00",
          field + " is not an ISO date-time with offset, e.g. 2026-12-01T09:00:00+08:00");
    }
  }

  @GET
  @RolesAllowed({"programme-office", "auditor", "camunda-admin"})
  @Operation(summary = "全部指南 List every call")
  @APIResponse(responseCode = "200", description = "全部指南 Every call",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CallView.class)))
  public List<CallView> list() {
    return calls.all().stream().map(CallView::of).toList();
  }

  /** Every proposal of the call in full, with status, score, rank and award. */
  @GET
  @Path("{id}/proposals")
  @RolesAllowed({"programme-office", "leadership", "committee-secretariat", "auditor", "camunda-admin"})
  @Operation(summary = "指南的全部申报书 Every proposal of a call")
  @APIResponse(responseCode = "200", description = "申报书 The proposals",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OfficeProposalView.class)))
  public List<OfficeProposalView> proposals(@PathParam("id") String id) {
    call(id);
    return officeView.ofCall(id);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"programme-office", "auditor", "camunda-admin"})
  @Operation(summary = "查看指南 Read a call")
  @APIResponse(responseCode = "200", description = "指南 The call", content = @Content(schema = @Schema(implementation = CallView.class)))
  public CallView get(@PathParam("id") String id) {
    return CallView.of(call(id));
  }

  /** The review groups of the call's latest review round (分组评审). */
  @GET
  @Path("{id}/review-groups")
  @RolesAllowed({"programme-office", "committee-secretariat", "auditor", "camunda-admin"})
  @Operation(summary = "指南的评审分组 The review groups of a call")
  @APIResponse(responseCode = "200", description = "最近一轮评审分组 The groups of the latest review round",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ReviewGroupView.class)))
  public List<ReviewGroupView> reviewGroups(@PathParam("id") String id) {
    call(id);
    java.util.Map<String, String> titles = new java.util.HashMap<>();
    proposalService.ofCall(id).forEach(p -> titles.put(p.getId(), p.content().title()));
    return stages.currentGroups(id).stream().map(g -> view(g, titles)).toList();
  }

  private ReviewGroupView view(ReviewGroup group, java.util.Map<String, String> titles) {
    int empty = group.getRequestId() == null ? 0
        : (int) reviewService.find(group.getRequestId()).getSeats().stream().filter(s -> s.getExpertId() == null).count();
    return new ReviewGroupView(group.getGroupNo(), group.getField(), group.getRound(), group.getRequestId(),
        group.getProposalIds().stream().map(p -> new GroupMember(p, titles.get(p))).toList(), empty);
  }

  /** The office moves a proposal between groups of its field before the draw, with a reason (audited). */
  @POST
  @Path("{id}/review-groups/moves")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "camunda-admin"})
  @Operation(summary = "调整评审分组 Move a proposal to another review group")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MoveRequest.class),
      examples = @ExampleObject(name = "move", value = "{\"proposalId\":\"5b0c1f9e-0000-0000-0000-000000000000\",\"toGroup\":2,"
          + "\"reason\":\"与第 2 组同属工业视觉 Belongs with group 2: industrial vision\"}")))
  @APIResponse(responseCode = "200", description = "调整后的目标组 The target group after the move",
      content = @Content(schema = @Schema(implementation = ReviewGroupView.class)))
  public ReviewGroupView move(@PathParam("id") String id, @Valid @NotNull MoveRequest body) {
    call(id);
    ReviewGroup to = stages.moveToGroup(id, body.proposalId(), body.toGroup(), body.reason(), ApiUser.of(http).userId());
    java.util.Map<String, String> titles = new java.util.HashMap<>();
    proposalService.ofCall(id).forEach(p -> titles.put(p.getId(), p.content().title()));
    return view(to, titles);
  }

  private Call call(String id) {
    return calls.find(id).orElseThrow(() -> DomainException.notFound("call.not-found", null, "没有指南 " + id, "no call " + id));
  }
}
