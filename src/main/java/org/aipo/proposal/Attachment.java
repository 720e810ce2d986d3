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
    this.sha256 = sha256(content);
    this.uploadedAt = now;
  }

  /**
   * A PDF by its content, not its name: it starts with "%PDF-", the PDF library reads it, and it is not encrypted
   * (a reviewer could not open it, nor could its copy be watermarked). Each refusal names the file.
   */
  static void checkPdf(String fileName, byte[] content, long maxBytes) {
    String file = fileName == null ? "" : fileName + ": ";
    if (content == null || content.length == 0) {
      throw DomainException.badInput("attachment.empty", "file", file + "文件为空", file + "the file is empty");
    }
    if (content.length > maxBytes) {
      throw DomainException.tooLarge("attachment.too-large", "file", file + "文件不得超过 " + maxBytes / (1024 * 1024) + " MB",
          file + "the file is larger than " + maxBytes / (1024 * 1024) + " MB");
    }
    String head = new String(content, 0, Math.min(5, content.length), StandardCharsets.ISO_8859_1);
    if (!head.equals("%PDF-")) {
      throw DomainException.badInput("attachment.not-pdf", "file", file + "文件不是 PDF 文档（按内容而非文件名判断）",
          file + "the file is not a PDF document (checked by its content, not its name)");
    }
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(content)) {
      if (document.isEncrypted()) {
        throw encrypted(file);
      }
      if (document.getNumberOfPages() == 0) {
        throw DomainException.badInput("attachment.no-pages", "file", file + "PDF 文档没有页面", file + "the PDF has no pages");
      }
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      throw encrypted(file);
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof DomainException known) {
        throw known;
      }
      throw DomainException.badInput("attachment.broken-pdf", "file", file + "PDF 文档已损坏，无法读取",
          file + "the PDF is broken and cannot be read");
    }
  }

  private static DomainException encrypted(String file) {
    return DomainException.badInput("attachment.encrypted", "file", file + "PDF 文档已加密或设有密码，请上传未加密的文件",
        file + "the PDF is encrypted or password-protected; upload it unencrypted");
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
