package org.aipo.document;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.aipo.proposal.Attachment;
import org.aipo.proposal.ProposalText;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A proposal's documents, opened in the browser from Tasklist forms and the portal, or read by scripts: every
 * reading is recorded; an expert reads a watermarked copy; whoever may not read a document is told it does not
 * exist (404). Links in Tasklist forms work with the Tasklist login itself (ApiAuthenticationFilter accepts the
 * Camunda webapp session for reading).
 */
@RequestScoped
@Path("documents")
// every role may ask; Documents decides, and answers 404 to whoever may not read the proposal's documents
@RolesAllowed({"applicant", "programme-office", "expert", "leadership", "auditor", "committee-secretariat", "nominating-unit", "camunda-admin"})
@Tag(name = "documents", description = "申报材料 Proposal documents")
public class DocumentResource implements ApiResource {

  /** A document of a proposal, with the SHA-256 of the stored original. */
  @Schema(name = "Document")
  public record DocumentView(String id, @Schema(example = "application") String kind, @Schema(example = "申报书 Application document") String kindName,
      String fileName, long size, @Schema(description = "存档原件的 SHA-256 The SHA-256 of the stored original") String sha256, Instant uploadedAt,
      @Schema(example = "/api/documents/4f1c…") String url) {

    static DocumentView of(Attachment a) {
      return new DocumentView(a.getId(), a.getKind(), org.aipo.call.DocumentKind.Code.labelOf(a.getKind()), a.getFileName(), a.getSize(),
          a.getSha256(), a.getUploadedAt(), ProposalText.documentUrl(a.getId()));
    }
  }

  /** One reading of a document. */
  @Schema(name = "DocumentReading")
  public record ReadingView(String documentId, String fileName, String kind, String reader, String taskId, String reviewId, boolean watermarked,
      Instant at) {
  }

  @Inject
  Documents documents;

  @Context
  HttpServletRequest http;

  @GET
  @Path("{id}")
  // no @Produces: a link is followed with whatever Accept the browser or client sends; the answer is application/pdf,
  // or problem+json for a refusal
  @Operation(summary = "打开文件（PDF） Open a document (PDF)",
      description = "PDF inline；专家得到加盖本人姓名、评审与下载时间水印的副本。每次下载均记入审计。无权阅读者得到 404。"
          + "The PDF, inline; an expert gets a copy stamped with their name, the review and the time. Every download is audited. "
          + "Whoever may not read it gets 404.")
  @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf",
      schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response open(@PathParam("id") String id,
      @Parameter(description = "打开文件的任务 The task the document is opened for (recorded)") @QueryParam("task") String task) {
    Documents.Copy copy = documents.read(ApiUser.of(http), id, task);
    return org.aipo.api.PdfDownload.of(copy.content().file(), copy.content()::close, copy.document().getFileName(),
        copy.document().getSha256()).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "申报的材料 A proposal's documents")
  @APIResponse(responseCode = "200", description = "材料 The documents",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
  public List<DocumentView> ofProposal(@QueryParam("proposalId") String proposalId) {
    if (proposalId == null || proposalId.isBlank()) {
      throw DomainException.badInput("document.proposal-required", "proposalId", "须给出 proposalId", "proposalId is required");
    }
    return documents.ofProposal(ApiUser.of(http), proposalId).stream().map(DocumentView::of).toList();
  }

  @GET
  @Path("reads")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "leadership", "auditor", "camunda-admin"})
  @Operation(summary = "材料阅读记录 Who read which document of a proposal")
  @APIResponse(responseCode = "200", description = "阅读记录 The readings",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ReadingView.class)))
  public List<ReadingView> readings(@QueryParam("proposalId") String proposalId) {
    if (proposalId == null || proposalId.isBlank()) {
      throw DomainException.badInput("document.proposal-required", "proposalId", "须给出 proposalId", "proposalId is required");
    }
    return documents.readings(proposalId).stream().map(r -> new ReadingView(r.documentId(), r.fileName(), r.kind(), r.reader(), r.taskId(),
        r.reviewId(), r.watermarked(), r.at())).toList();
  }
}
