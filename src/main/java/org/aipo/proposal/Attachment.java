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

/** A PDF attached to a proposal, checked by its content (not its name) before it is stored. */
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

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "CONTENT", nullable = false)
  private byte[] content;

  @Column(name = "UPLOADED_AT", nullable = false)
  private Instant uploadedAt;

  protected Attachment() {
    // for JPA
  }

  Attachment(String proposalId, String kind, String fileName, byte[] content, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.proposalId = proposalId;
    this.kind = kind;
    this.fileName = Text.required(fileName, "name", 200);
    checkPdf(this.fileName, content, MAX_BYTES);
    this.content = content;
    this.size = content.length;
    this.sha256 = PdfFile.sha256(content);
    this.uploadedAt = now;
  }

  /** The shared PDF check ({@link PdfFile}); each refusal names the file. */
  static void checkPdf(String fileName, byte[] content, long maxBytes) {
    PdfFile.check(fileName, content, maxBytes);
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

  /** The stored bytes, never changed: a reviewer's copy is watermarked from them. */
  public byte[] getContent() {
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
