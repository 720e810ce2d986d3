package org.aipo.document;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.api.ApiUser;
import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.common.DomainException;
import org.aipo.identity.Roles;
import org.aipo.proposal.Attachment;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;
import org.aipo.review.ReviewReaders;

/**
 * Who reads a proposal's documents, and the record of every reading. Readers are the applicant's own users, the
 * programme office, leadership, auditors, and the experts seated on a review of the proposal who did not declare
 * a conflict for it; an expert reads a watermarked copy. Anyone else is told the document does not exist.
 */
@ApplicationScoped
@Transactional
public class Documents {

  /** The audit subject of document readings: one per proposal (never the proposal's own timeline, which applicants read). */
  public static final String SUBJECT_TYPE = "proposal-documents";
  public static final String READ = "document.read";

  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9:_.-]{1,64}");

  @Inject
  Proposals proposals;

  @Inject
  ReviewReaders reviewReaders;

  @Inject
  Registration registration;

  @Inject
  AuditLog auditLog;

  @Inject
  org.aipo.storage.Storage storage;

  private final Clock clock = Clock.systemUTC();

  /** How a reader reads: the original, or (an expert) a copy stamped for the review they are seated on. */
  public record Access(boolean watermarked, String reviewId, String readerName) {
  }

  /** A document as it is read: a file with its bytes (closed once sent: a temporary copy is deleted), whether watermarked. */
  public record Copy(Attachment document, org.aipo.storage.Storage.Readable content, boolean watermarked) {
  }

  /** A reading, as officials list it. */
  public record Reading(String documentId, String fileName, String kind, String reader, String taskId, String reviewId, boolean watermarked,
      Instant at) {
  }

  /** The caller's access to a proposal's documents, or empty: not theirs to read (and so, to them, not there). */
  public Optional<Access> access(ApiUser user, Proposal proposal) {
    List<String> groups = user.groups();
    if (groups.contains(Roles.PROGRAMME_OFFICE.groupId()) || groups.contains(Roles.LEADERSHIP.groupId())
        || groups.contains(Roles.AUDITOR.groupId())) {
      return Optional.of(new Access(false, null, null));
    }
    if (groups.contains(Roles.APPLICANT.groupId())) {
      try {
        if (registration.organisationOf(user.userId()).getId().equals(proposal.getOrganisationId())) {
          return Optional.of(new Access(false, null, null));
        }
      } catch (DomainException noOrganisation) {
        // an applicant user acting for no organisation reads nothing
      }
    }
    if (groups.contains(Roles.EXPERT.groupId())) {
      return reviewReaders.seatedOn(proposal.getId(), user.userId()).map(s -> new Access(true, s.reviewId(), s.expertName()));
    }
    return Optional.empty();
  }

  /** The proposal's documents, for one who may read them. */
  public List<Attachment> ofProposal(ApiUser user, String proposalId) {
    Proposal proposal = proposals.byId(proposalId).filter(p -> access(user, p).isPresent()).orElseThrow(Documents::notFound);
    return proposals.attachmentsOf(proposal.getId());
  }

  /** The document as this reader reads it (an expert's copy watermarked), recorded in the audit log. */
  public Copy read(ApiUser user, String documentId, String taskId) {
    if (taskId != null && !TASK_ID.matcher(taskId).matches()) {
      throw DomainException.badInput("document.task", "task", "task 须为任务编号（最多 64 个字母、数字或 -_.:）",
          "task must be a task id (at most 64 letters, digits or -_.:)");
    }
    Attachment document = proposals.attachment(documentId).orElseThrow(Documents::notFound);
    Proposal proposal = proposals.byId(document.getProposalId()).orElseThrow(Documents::notFound);
    Access access = access(user, proposal).orElseThrow(Documents::notFound);
    Instant now = clock.instant();
    org.aipo.storage.Storage.Readable content = proposals.readable(document);
    if (access.watermarked()) {
      // stamped from the stored file into a temporary file, page by page (PDFBox reads the original from disk)
      try (org.aipo.storage.Storage.Readable original = content) {
        java.nio.file.Path stamped = java.nio.file.Files.createTempFile(storage.spoolDirectory(), "watermarked-", ".pdf");
        content = new org.aipo.storage.Storage.Readable(stamped, true);
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(stamped)) {
          Watermark.stamp(original.file(), out, Watermark.line(user.userId(), access.readerName(), access.reviewId(), now));
        }
      } catch (IOException e) {
        content.close();
        throw new IllegalStateException("document " + documentId + " could not be watermarked", e);
      }
    }
    auditLog.record(user.userId(), READ, SUBJECT_TYPE, proposal.getId(), "document=" + document.getId() + "; kind=" + document.getKind()
        + "; task=" + (taskId == null ? "-" : taskId) + "; review=" + (access.reviewId() == null ? "-" : access.reviewId())
        + "; copy=" + (access.watermarked() ? "watermarked" : "original") + "; sha256=" + document.getSha256() + "; file=" + document.getFileName());
    return new Copy(document, content, access.watermarked());
  }

  /** Who read which of the proposal's documents, when, for which task: every reading, oldest first. */
  public List<Reading> readings(String proposalId) {
    proposals.byId(proposalId).orElseThrow(Documents::notFound);
    List<Reading> readings = new ArrayList<>();
    for (AuditRecord record : auditLog.forSubject(SUBJECT_TYPE, proposalId)) {
      if (!READ.equals(record.getAction())) {
        continue;
      }
      java.util.Map<String, String> detail = parse(record.getDetail());
      readings.add(new Reading(detail.get("document"), detail.get("file"), detail.get("kind"), record.getActor(), dash(detail.get("task")),
          dash(detail.get("review")), "watermarked".equals(detail.get("copy")), record.getOccurredAt()));
    }
    return readings;
  }

  private static String dash(String value) {
    return "-".equals(value) ? null : value;
  }

  /** "key=value; key=value; file=name" (the file name last: it may hold "; "). */
  static java.util.Map<String, String> parse(String detail) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    if (detail == null) {
      return values;
    }
    int file = detail.indexOf("; file=");
    if (file >= 0) {
      values.put("file", detail.substring(file + "; file=".length()));
      detail = detail.substring(0, file);
    }
    for (String pair : detail.split("; ")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return values;
  }

  static DomainException notFound() {
    return DomainException.notFound("document.not-found", null, "没有该文件", "no such document");
  }
}
