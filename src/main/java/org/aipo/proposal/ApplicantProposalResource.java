package org.aipo.proposal;

import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.applicant.Registration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant's proposals: draft, save, submit, correct, attach PDFs, read the outcome and the timeline.
 * An applicant only ever sees their own organisation's proposals; another organisation's is "not found".
 * What a proposal must hold (and when) is checked by {@link Proposal}: a draft may leave anything out.
 */
@RequestScoped
@Path("applicant/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applicant", description = "申报单位 Applicants")
public class ApplicantProposalResource implements ApiResource {

  private static final String EXAMPLE = "{\"callId\":\"4f1c…\",\"title\":\"工业质检大模型\",\"field\":\"robotics\","
      + "\"summary\":\"…\",\"technicalApproach\":\"…\",\"models\":\"…\",\"dataSources\":\"…\",\"budget\":1500000,"
      + "\"coFunding\":500000,\"expectedOutcomes\":\"…\",\"team\":\"…\","
      + "\"coApplicants\":[{\"creditCode\":\"91310000MJ1JJJJJ5R\",\"name\":\"某某智能装备有限公司\"}],\"scenarios\":[\"V1-01\"],"
      + "\"exclusions\":[{\"expertName\":\"张三\",\"organisation\":\"某某大学\",\"reason\":\"竞争项目负责人 Leads a competing project\"},"
      + "{\"organisation\":\"某某科技有限公司\",\"reason\":\"直接竞争对手 A direct competitor\"}],"
      + "\"indicators\":[{\"name\":\"缺陷检出率 Defect detection rate\",\"unit\":\"%\",\"baseline\":92,\"target\":99.5}]}";

  /** A new draft for a call; every content value may still be missing. */
  @Schema(name = "ProposalDraftRequest")
  public record DraftRequest(@Schema(example = "4f1c2d3e-…") String callId, String title, String field, String summary,
      String technicalApproach, String models, String dataSources, BigDecimal budget, BigDecimal coFunding, String expectedOutcomes,
      String team,
      @Schema(description = "所用模型的备案号（从登记册选取或填写）The filing numbers of the models used (picked from the register or typed)",
          example = "[\"Beijing-ExampleChat-20240315S0001\"]") List<String> modelFilingNumbers,
      @Schema(description = "合作申报单位（统一社会信用代码与名称，最多 10 个）Co-applicant organisations (credit code and name, at most 10); "
          + "null keeps the saved ones") List<Particulars.CoApplicant> coApplicants,
      @Schema(description = "所答场景：本征集发布的场景代码（如 V1-01）Scenarios answered: codes of the call's published scenarios (e.g. V1-01)",
          example = "[\"V1-01\"]") List<String> scenarios,
      @Schema(description = "申请回避的专家或单位（默认最多 3 个，各附理由）Experts (full name and organisation) or whole organisations to exclude "
          + "from the review, each with a reason (at most aipo.proposal.maxExclusions, default 3)") List<Particulars.Exclusion> exclusions,
      @Schema(description = "预期成果的考核指标（名称、单位、基线、目标；提交时至少一项）Measurable indicators of the expected outcomes "
          + "(name, unit, baseline, target; at least one to submit)") List<Particulars.Indicator> indicators) {

    Proposal.Content content() {
      return new Proposal.Content(title, field, summary, technicalApproach, models, dataSources, budget, coFunding, expectedOutcomes, team);
    }

    Particulars.Given particulars() {
      return ApplicantProposalResource.particulars(coApplicants, scenarios, exclusions, indicators);
    }
  }

  /** The proposal's content (saved as a draft, or sent as the correction). */
  @Schema(name = "ProposalContentRequest")
  public record ContentRequest(String title, String field, String summary, String technicalApproach, String models, String dataSources,
      BigDecimal budget, BigDecimal coFunding, String expectedOutcomes, String team,
      @Schema(description = "所用模型的备案号（从登记册选取或填写）The filing numbers of the models used (picked from the register or typed)",
          example = "[\"Beijing-ExampleChat-20240315S0001\"]") List<String> modelFilingNumbers,
      @Schema(description = "合作申报单位（统一社会信用代码与名称，最多 10 个）Co-applicant organisations (credit code and name, at most 10); "
          + "null keeps the saved ones") List<Particulars.CoApplicant> coApplicants,
      @Schema(description = "所答场景：本征集发布的场景代码（如 V1-01）Scenarios answered: codes of the call's published scenarios (e.g. V1-01)",
          example = "[\"V1-01\"]") List<String> scenarios,
      @Schema(description = "申请回避的专家或单位（默认最多 3 个，各附理由）Experts (full name and organisation) or whole organisations to exclude "
          + "from the review, each with a reason (at most aipo.proposal.maxExclusions, default 3)") List<Particulars.Exclusion> exclusions,
      @Schema(description = "预期成果的考核指标（名称、单位、基线、目标；提交时至少一项）Measurable indicators of the expected outcomes "
          + "(name, unit, baseline, target; at least one to submit)") List<Particulars.Indicator> indicators) {

    Proposal.Content content() {
      return new Proposal.Content(title, field, summary, technicalApproach, models, dataSources, budget, coFunding, expectedOutcomes, team);
    }

    Particulars.Given particulars() {
      return ApplicantProposalResource.particulars(coApplicants, scenarios, exclusions, indicators);
    }
  }

  /** Null when no list was given (nothing to change), else the lists, each null one kept as stored. */
  static Particulars.Given particulars(List<Particulars.CoApplicant> coApplicants, List<String> scenarios, List<Particulars.Exclusion> exclusions,
      List<Particulars.Indicator> indicators) {
    if (coApplicants == null && scenarios == null && exclusions == null && indicators == null) {
      return null;
    }
    return new Particulars.Given(coApplicants, scenarios, exclusions, indicators);
  }

  /** A stored attachment. */
  @Schema(name = "Attachment")
  public record AttachmentView(String id, @Schema(example = "application") String kind, String fileName, long size,
      @Schema(description = "存档原件的 SHA-256 The SHA-256 of the stored original") String sha256, Instant uploadedAt,
      @Schema(description = "打开文件 Where the PDF is read", example = "/api/documents/4f1c…") String url) {

    static AttachmentView of(Attachment attachment) {
      return new AttachmentView(attachment.getId(), attachment.getKind(), attachment.getFileName(), attachment.getSize(), attachment.getSha256(),
          attachment.getUploadedAt(), ProposalText.documentUrl(attachment.getId()));
    }
  }

  /** A step of the proposal's history: action, time and the reason given (no officials' names). */
  @Schema(name = "ProposalTimelineStep")
  public record TimelineStep(String action, Instant at, String detail) {
  }

  @Inject
  Registration registration;

  @Inject
  Proposals proposals;

  @Inject
  org.aipo.storage.Storage storage;

  @Inject
  org.aipo.storage.UploadLimits uploadLimits;

  @Inject
  ProposalOutcomes outcomes;

  @Inject
  org.aipo.audit.AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @POST
  @RolesAllowed("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "起草申报书 Start a draft proposal")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DraftRequest.class),
      examples = @ExampleObject(name = "draft", value = EXAMPLE)))
  @APIResponse(responseCode = "201", description = "草稿 The draft", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public Response draft(@Valid @NotNull DraftRequest body) {
    Proposal proposal = proposals.createDraft(body.callId(), organisationId(), body.content(), body.modelFilingNumbers(), body.particulars(), caller());
    return Response.status(Response.Status.CREATED).entity(ProposalView.of(proposal)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "保存草稿 Save the draft")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContentRequest.class),
      examples = @ExampleObject(name = "content", value = "{\"title\":\"工业质检大模型\",\"field\":\"robotics\",\"budget\":1500000}")))
  @APIResponse(responseCode = "200", description = "申报书 The proposal", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public ProposalView save(@PathParam("id") String id, @Valid @NotNull ContentRequest body) {
    return ProposalView.of(proposals.save(id, organisationId(), body.content(), body.modelFilingNumbers(), body.particulars(), caller()));
  }

  @GET
  @RolesAllowed("applicant")
  @Operation(summary = "本单位的申报书 The organisation's proposals")
  @APIResponse(responseCode = "200", description = "申报书 The proposals",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProposalView.class)))
  public List<ProposalView> ownProposals() {
    return proposals.ofOrganisation(organisationId()).stream().map(ProposalView::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed("applicant")
  @Operation(summary = "查看申报书 Read a proposal")
  @APIResponse(responseCode = "200", description = "申报书 The proposal", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public ProposalView ownProposal(@PathParam("id") String id) {
    return ProposalView.of(proposals.own(id, organisationId()));
  }

  /** Submits the draft; a retry of the same submit returns the same proposal and starts nothing new. */
  @POST
  @Path("{id}/submit")
  @RolesAllowed("applicant")
  @Operation(summary = "提交申报书 Submit the proposal")
  @APIResponse(responseCode = "200", description = "已提交 Submitted", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public ProposalView submit(@PathParam("id") String id) {
    return ProposalView.of(proposals.submit(id, organisationId(), caller()));
  }

  /** Answers a correction request with the corrected content. */
  @POST
  @Path("{id}/correction")
  @RolesAllowed("applicant")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "提交补正 Send the corrected proposal")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContentRequest.class),
      examples = @ExampleObject(name = "content", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "已补正 Corrected", content = @Content(schema = @Schema(implementation = ProposalView.class)))
  public ProposalView correct(@PathParam("id") String id, @Valid @NotNull ContentRequest body) {
    return ProposalView.of(proposals.correct(id, organisationId(), body.content(), body.particulars(), caller()));
  }

  /** The outcome: decision, reason, scores and comments by numbered experts (never their names). */
  @GET
  @Path("{id}/outcome")
  @RolesAllowed("applicant")
  @Operation(summary = "评审结果 The proposal's outcome")
  @APIResponse(responseCode = "200", description = "结果 The outcome",
      content = @Content(schema = @Schema(implementation = ProposalOutcomes.Outcome.class)))
  public Response outcome(@PathParam("id") String id) {
    // the entity's own class, so that JSON-B writes the properties of the record it is
    return Response.ok(outcomes.outcome(id, organisationId())).build();
  }

  /**
   * Uploads one PDF as a kind of document the call takes (body: the file's bytes, {@code Content-Type: application/pdf};
   * name and kind in the query). Refused before anything is stored when the call does not take the kind, the proposal
   * has as many of the kind as the call allows, the file is larger than the kind allows, or it is not a readable,
   * unencrypted PDF by its content.
   */
  @POST
  @Path("{id}/attachments")
  @RolesAllowed("applicant")
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "上传材料（PDF） Upload a document (PDF)")
  @RequestBody(required = true, content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
      @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
  @APIResponse(responseCode = "201", description = "已上传 Stored", content = @Content(schema = @Schema(implementation = AttachmentView.class)))
  @APIResponse(responseCode = "413", description = "文件超过上限，未保存 The file is over the limit; nothing stored")
  @APIResponse(responseCode = "429", description = "同时上传过多（每人、全服务器），请按 Retry-After 稍后重试 Too many uploads at once (per user, per server); retry after Retry-After")
  public Response attach(@PathParam("id") String id, @QueryParam("name") String name,
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "材料类型 The kind of document",
          schema = @Schema(enumeration = {"application", "budget", "qualification", "other"})) @QueryParam("kind") String kind,
      java.io.InputStream body) throws java.io.IOException {
    if (http.getContentLengthLong() > Attachment.MAX_BYTES) {
      // declared too large: refused before a byte of it is read
      throw org.aipo.common.PdfFile.tooLarge(name, Attachment.MAX_BYTES);
    }
    String user = caller();
    String organisation = organisationId();
    // at most so many uploads at once, per user and on the server: one more is a 429 before its body is read
    try (org.aipo.storage.UploadLimits.Permit permit = uploadLimits.enter(user);
        org.aipo.storage.Spool upload = storage.receive(body, Attachment.MAX_BYTES, () -> org.aipo.common.PdfFile.tooLarge(name, Attachment.MAX_BYTES))) {
      // the body is received (streamed to a spool file, size and SHA-256 computed) before the transaction that stores it
      Attachment attachment = proposals.attach(id, organisation, name, kind, upload, user);
      return Response.status(Response.Status.CREATED).entity(AttachmentView.of(attachment)).build();
    }
  }

  /** Removes a document from a draft or a returned proposal (to replace a defective one). */
  @jakarta.ws.rs.DELETE
  @Path("{id}/attachments/{attachmentId}")
  @RolesAllowed("applicant")
  @Operation(summary = "删除材料 Remove a document")
  @APIResponse(responseCode = "204", description = "已删除 Removed")
  public Response detach(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
    proposals.detach(id, organisationId(), attachmentId, caller());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/attachments")
  @RolesAllowed("applicant")
  @Operation(summary = "附件列表 The proposal's attachments")
  @APIResponse(responseCode = "200", description = "附件 The attachments",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AttachmentView.class)))
  public List<AttachmentView> attachments(@PathParam("id") String id) {
    return proposals.attachments(id, organisationId()).stream().map(AttachmentView::of).toList();
  }

  /** What happened to the proposal, in order: action, time and the reasons given; no officials' names. */
  @GET
  @Path("{id}/timeline")
  @RolesAllowed("applicant")
  @Operation(summary = "办理过程 The proposal's timeline")
  @APIResponse(responseCode = "200", description = "过程 The steps",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineStep.class)))
  public List<TimelineStep> timeline(@PathParam("id") String id) {
    proposals.own(id, organisationId());
    return auditLog.forSubject(Proposals.SUBJECT_TYPE, id).stream()
        .map(r -> new TimelineStep(r.getAction(), r.getOccurredAt(), r.getDetail())).toList();
  }

  private String organisationId() {
    return registration.organisationOf(caller()).getId();
  }

  private String caller() {
    return ApiUser.of(http).userId();
  }
}
