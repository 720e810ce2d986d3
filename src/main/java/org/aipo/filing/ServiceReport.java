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

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "CONTENT", nullable = false)
  private byte[] content;

  @Column(name = "UPLOADED_BY", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "UPLOADED_AT", nullable = false)
  private OffsetDateTime uploadedAt;

  protected ServiceReport() {
    // for JPA
  }

  ServiceReport(String serviceId, String fileName, byte[] content, String uploadedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = serviceId;
    this.fileName = Text.required(fileName, "name", 200).trim();
    PdfFile.check(this.fileName, content, MAX_BYTES);
    this.content = content;
    this.size = content.length;
    this.sha256 = PdfFile.sha256(content);
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

  public byte[] getContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt.toInstant();
  }
}
