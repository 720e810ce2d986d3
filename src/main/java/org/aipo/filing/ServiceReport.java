package org.aipo.filing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.aipo.common.PdfFile;
import org.aipo.common.Text;
import org.aipo.storage.StoredFile;

/** An assessment report a firm uploaded for its service's filing (a checked PDF, ADR 0012's check). */
@Entity
@Table(name = "AIPO_AI_SERVICE_REPORT")
public class ServiceReport {

  public static final int MAX_BYTES = 10 * 1024 * 1024;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "SERVICE_ID", nullable = false, length = 36)
  private String serviceId;

  @Column(name = "FILE_NAME", nullable = false, length = 200)
  private String fileName;

  @Column(name = "SIZE_BYTES", nullable = false)
  private long size;

  @Column(name = "SHA256", nullable = false, length = 64)
  private String sha256;

  /** Before V16 only: the bytes in the row (newer reports have a storage key, ADR 0021). */
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

  protected ServiceReport() {
    // for JPA
  }

  /** A report checked as a PDF ({@link PdfFile#check(String, java.nio.file.Path, long)}) and stored under {@code stored.key()}. */
  ServiceReport(String serviceId, String fileName, StoredFile stored, String uploadedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = serviceId;
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

  public String getServiceId() {
    return serviceId;
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

  /** The store's key of the bytes, never changed; null for a report stored before V16. */
  public String getStorageKey() {
    return storageKey;
  }

  /** The bytes of a report stored before V16 (null for newer ones, whose bytes are in the store). */
  byte[] legacyContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt.toInstant();
  }
}
