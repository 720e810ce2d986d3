package org.aipo.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The head of one audit stream (ADR 0017): the last sequence number and hash. A writer locks it (SELECT ... FOR
 * UPDATE) for the rest of its transaction, so that two nodes writing to one stream take turns and never fork it;
 * verify compares it with the stream's last record, which shows a deleted last record.
 */
@Entity
@Table(name = "AIPO_AUDIT_STREAM")
public class AuditStream {

  @Id
  @Column(name = "STREAM_KEY", length = 200)
  private String streamKey;

  @Column(name = "LAST_SEQ", nullable = false)
  private long lastSeq;

  @Column(name = "LAST_HASH", length = 64)
  private String lastHash;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected AuditStream() {
    // for JPA
  }

  AuditStream(String streamKey) {
    this.streamKey = streamKey;
  }

  void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }

  public String getStreamKey() {
    return streamKey;
  }

  public long getLastSeq() {
    return lastSeq;
  }

  public String getLastHash() {
    return lastHash;
  }

  AuditChain.Head head() {
    return new AuditChain.Head(streamKey, lastSeq, lastHash);
  }
}
