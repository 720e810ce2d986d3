package org.aipo.voucher;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.aipo.common.DomainException;
import org.aipo.common.PdfFile;
import org.aipo.common.Text;

/**
 * A PDF the firm uploads for a voucher's redemption: the contract, an invoice, or a usage record. Checked by its
 * content with the shared {@link PdfFile} check before it is stored; officials open it from the verification form.
 */
@Entity
@Table(name = "AIPO_VOUCHER_FILE")
public class VoucherFile {

  /** What a file is; a redemption needs at least the contract and one invoice. */
  public enum Kind {
    CONTRACT("合同", "contract"), INVOICE("发票", "invoice"), USAGE("用量记录", "usage record");

    final String zh;
    final String en;

    Kind(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    /** The kind named in a request (contract, invoice, usage), or a 400 naming the field. */
    static Kind of(String value, String field) {
      if (value != null) {
        for (Kind kind : values()) {
          if (kind.name().equalsIgnoreCase(value.trim())) {
            return kind;
          }
        }
      }
      throw DomainException.badInput("voucher.file-kind", field, field + " 须为 contract、invoice 或 usage", field + " must be contract, invoice or usage");
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int MAX_BYTES = 10 * 1024 * 1024;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "VOUCHER_ID", nullable = false, length = 36)
  private String voucherId;

  @Column(name = "FILE_KIND", nullable = false, length = 16)
  private String kind;

  @Column(name = "FILE_NAME", nullable = false, length = 200)
  private String fileName;

  @Column(name = "SIZE_BYTES", nullable = false)
  private long size;

  @Column(name = "SHA256", nullable = false, length = 64)
  private String sha256;

  /** Before V15 only: the bytes in the row (newer files have a storage key, ADR 0021). */
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "CONTENT")
  private byte[] content;

  @Column(name = "STORAGE_KEY", length = 64)
  private String storageKey;

  @Column(name = "UPLOADED_BY", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "UPLOADED_AT", nullable = false)
  private OffsetDateTime uploadedAt;

  protected VoucherFile() {
    // for JPA
  }

  /** A file checked as a PDF ({@link PdfFile#check(String, java.nio.file.Path, long)}) and stored under {@code stored.key()}. */
  VoucherFile(String voucherId, Kind kind, String fileName, org.aipo.storage.StoredFile stored, String uploadedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.voucherId = voucherId;
    this.kind = kind.name();
    this.fileName = Text.required(fileName, "name", 200).trim();
    this.storageKey = stored.key();
    this.size = stored.size();
    this.sha256 = stored.sha256();
    this.uploadedBy = uploadedBy;
    this.uploadedAt = now.atOffset(ZoneOffset.UTC);
  }

  public String getId() {
    return id;
  }

  public String getVoucherId() {
    return voucherId;
  }

  public Kind getKind() {
    return Kind.valueOf(kind);
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

  /** The store's key of the bytes, never changed; null for a file stored before V15. */
  public String getStorageKey() {
    return storageKey;
  }

  /** The bytes of a file stored before V15 (null for newer ones, whose bytes are in the store). */
  byte[] legacyContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt == null ? null : uploadedAt.toInstant();
  }

  /** Where officials and the firm open it. */
  public String url() {
    return "/api/voucher-files/" + id;
  }
}
