package org.aipo.proposal;


import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.PdfFile;
import org.aipo.common.Text;

/**
 * A PDF attached to a proposal, checked by its content (not its name) before it is stored. Its bytes live in the
 * {@link org.aipo.storage.AttachmentStore} under {@link #getStorageKey()} (ADR 0021); a row stored before V15 keeps
 * them in {@code CONTENT} and is read from there.
 */
@Entity
@Table(name = "AIPO_ATTACHMENT")
@NamedQuery(name = Attachment.OF_PROPOSAL, query = "select a from Attachment a where a.proposalId = :proposal order by a.uploadedAt")
public class Attachment {

  static final String OF_PROPOSAL = "Attachment.ofProposal";
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "PROPOSAL_ID", nullable = false, length = 36)
  private String proposalId;

  @Column(name = "FILE_NAME", nullable = false, length = 200)
  private String fileName;

  /** The kind of document ({@link org.aipo.call.DocumentKind.Code}): application, budget, qualification, other. */
  @Column(name = "KIND", nullable = false, length = 32)
  private String kind;

  @Column(name = "SIZE_BYTES", nullable = false)
  private long size;

  @Column(name = "SHA256", nullable = false, length = 64)
  private String sha256;

  /** Before V15 only: the bytes in the row (newer attachments have a storage key instead). */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "CONTENT")
  private byte[] content;

  @Column(name = "STORAGE_KEY", length = 64)
  private String storageKey;

  @Column(name = "UPLOADED_AT", nullable = false)
  private Instant uploadedAt;

  protected Attachment() {
    // for JPA
  }

  /** An attachment whose bytes were checked ({@link #checkPdf}) and stored under {@code stored.key()}. */
  Attachment(String proposalId, String kind, String fileName, org.aipo.storage.StoredFile stored, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.proposalId = proposalId;
    this.kind = kind;
    this.fileName = Text.required(fileName, "name", 200);
    this.storageKey = stored.key();
    this.size = stored.size();
    this.sha256 = stored.sha256();
    this.uploadedAt = now;
  }

  /** The shared PDF check ({@link PdfFile}) of a received file; each refusal names the file. */
  static void checkPdf(String fileName, java.nio.file.Path file, long maxBytes) {
    PdfFile.check(fileName, file, maxBytes);
  }

  public String getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
  }

  public String getKind() {
    return kind == null ? "other" : kind;
  }

  public String getProposalId() {
    return proposalId;
  }

  /** The store's key of the bytes (never changed: a reviewer's copy is watermarked from them); null before V15. */
  public String getStorageKey() {
    return storageKey;
  }

  /** The bytes of an attachment stored before V15 (null for newer ones, whose bytes are in the store). */
  byte[] legacyContent() {
    return content;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
