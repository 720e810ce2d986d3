package org.aipo.transparency;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.audit.AuditChain;
import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Auditors read the audit records with their seals and check the hash chain (ADR 0017). Reads only. */
@RequestScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "camunda-admin"})
@Tag(name = "transparency", description = "审计：记录链校验与抽取复核 Audit: record chain verification and draw replay")
public class AuditResource implements ApiResource {

  static final int MAX_BREAKS = 50;

  /** A message in both languages. */
  @Schema(name = "AuditMessage")
  public record Message(String zh, String en) {
  }

  /** Where a stream's chain breaks first. */
  @Schema(name = "AuditChainBreak")
  public record BreakView(@Schema(example = "proposal:4f1c…") String stream, Long seq, String recordId,
      @Schema(description = "EDITED, DELETED, MISSING_TAIL, LINK_BROKEN, INSERTED, NO_HEAD, UNSEALED_CHANGED") String kind, Message message) {

    static BreakView of(AuditChain.Break b) {
      return new BreakView(b.stream(), b.seq(), b.recordId(), b.kind().name(), new Message(b.zh(), b.en()));
    }
  }

  /** A verification: streams and records checked, the first break (by stream key) and up to 50 broken streams. */
  @Schema(name = "AuditVerification")
  public record VerifyView(boolean verified, int streams, long records,
      @Schema(description = "V11 之前未封存的记录数 Records from before V11, not sealed") long unsealed,
      @Schema(description = "全部头记录的 SHA-256，可抄存备查 SHA-256 of every head: write it down to compare later") String headsDigest,
      int brokenStreams, BreakView firstBreak, List<BreakView> breaks) {
  }

  /** One audit record with its seal. */
  @Schema(name = "AuditRecordSealed")
  public record RecordView(String id, Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail,
      String stream, Long seq, String prevHash, String hash) {

    static RecordView of(AuditRecord r) {
      return new RecordView(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getSubjectType(), r.getSubjectId(), r.getDetail(),
          r.getStreamKey(), r.getSeq(), r.getPrevHash(), r.getHash());
    }
  }

  @Inject
  AuditLog auditLog;

  @GET
  @Path("verify")
  @Operation(summary = "校验审计记录哈希链 Verify the audit records' hash chains")
  @APIResponse(responseCode = "200", description = "校验结果与第一个断点 The verdict and the first break",
      content = @Content(schema = @Schema(implementation = VerifyView.class)))
  public VerifyView verify(@Parameter(description = "只校验一个记录流（主体类型:主体编号）Only this stream (subjectType:subjectId)",
      example = "review-request:1b2c") @QueryParam("stream") String stream) {
    if (stream != null && (stream.isBlank() || stream.length() > 200)) {
      throw DomainException.badInput("audit.stream-invalid", "stream", "stream 须为 1 至 200 个字符", "stream must be 1 to 200 characters");
    }
    AuditChain.Verdict verdict = auditLog.verify(stream);
    List<BreakView> breaks = verdict.breaks().stream().limit(MAX_BREAKS).map(BreakView::of).toList();
    return new VerifyView(verdict.verified(), verdict.streams(), verdict.records(), verdict.unsealed(), verdict.headsDigest(),
        verdict.breaks().size(), breaks.isEmpty() ? null : breaks.get(0), breaks);
  }

  @GET
  @Path("records")
  @Operation(summary = "一个主体的审计记录（含序号与哈希）A subject's audit records with sequence numbers and hashes")
  @APIResponse(responseCode = "200", description = "按序号 In sequence order",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RecordView.class)))
  public List<RecordView> records(@Parameter(example = "review-request") @QueryParam("subjectType") String subjectType,
      @Parameter(example = "1b2c") @QueryParam("subjectId") String subjectId) {
    required(subjectType, "subjectType", 64);
    required(subjectId, "subjectId", 128);
    return auditLog.stream(subjectType, subjectId).stream().map(RecordView::of).toList();
  }

  @GET
  @Path("failed-logins")
  @Operation(summary = "最近的登录失败记录（来源地址、用户名、渠道）Recent failed logins: source address, user id, channel")
  @APIResponse(responseCode = "200", description = "最新的在前 Newest first",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RecordView.class)))
  public List<RecordView> failedLogins(@Parameter(description = "至多条数（1–1000，默认 100）At most this many (1–1000, default 100)",
      example = "100") @QueryParam("max") String max) {
    int count = 100;
    if (max != null) {
      try {
        count = Integer.parseInt(max.trim());
      } catch (NumberFormatException notANumber) {
        count = 0;
      }
      if (count < 1 || count > 1000) {
        throw DomainException.badInput("audit.max-invalid", "max", "max 须为 1 至 1000 之间的整数", "max must be a whole number from 1 to 1000");
      }
    }
    return auditLog.ofType(org.aipo.audit.FailedLogins.SUBJECT, count).stream().map(RecordView::of).toList();
  }

  private static void required(String value, String field, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw DomainException.badInput("audit." + field + "-required", field, "须给出 " + field + "（至多 " + max + " 个字符）",
          field + " is required (at most " + max + " characters)");
    }
  }
}
