package org.aipo.proposal;

import org.aipo.common.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

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

  Attachment(String proposalId, String fileName, byte[] content, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.proposalId = proposalId;
    this.fileName = Text.required(fileName, "fileName", 200);
    checkPdf(content);
    this.content = content;
    this.size = content.length;
    this.sha256 = sha256(content);
    this.uploadedAt = now;
  }

  /** A PDF starts with "%PDF-" and ends (give or take trailing whitespace) with "%%EOF". */
  static void checkPdf(byte[] content) {
    if (content == null || content.length == 0) {
      throw DomainException.badInput("attachment.empty", "file", "文件为空", "file is empty");
    }
    if (content.length > MAX_BYTES) {
      throw DomainException.tooLarge("attachment.too-large", "file", "文件不得超过 " + MAX_BYTES / (1024 * 1024) + " MB",
          "file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    String head = new String(content, 0, Math.min(5, content.length), StandardCharsets.ISO_8859_1);
    int tailStart = Math.max(0, content.length - 1024);
    String tail = new String(content, tailStart, content.length - tailStart, StandardCharsets.ISO_8859_1);
    if (!head.equals("%PDF-") || !tail.contains("%%EOF")) {
      throw DomainException.badInput("attachment.not-pdf", "file", "文件不是 PDF 文档（按内容而非文件名判断）",
          "file is not a PDF document (checked by its content, not its name)");
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
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
