package org.aipo.models;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One migration an administrator started: the batch, the versions, which instances moved and which could not, why. */
@Entity
@Table(name = "AIPO_MIGRATION_RUN")
public class MigrationRun {

  @Id
  @Column(name = "BATCH_ID", length = 64)
  private String batchId;

  @Column(name = "SOURCE_DEFINITION", nullable = false, length = 64)
  private String sourceDefinitionId;

  @Column(name = "TARGET_DEFINITION", nullable = false, length = 64)
  private String targetDefinitionId;

  /** Instance ids sent to the batch, comma-separated. */
  @Column(name = "MOVING", length = 20000)
  private String moving;

  /** Instances left on their version, as JSON [{id, reasons}]. */
  @Column(name = "NOT_MOVABLE", length = 20000)
  private String notMovable;

  @Column(name = "STARTED_BY", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "STARTED_AT", nullable = false)
  private Instant startedAt;

  protected MigrationRun() {
    // for JPA
  }

  public MigrationRun(String batchId, String sourceDefinitionId, String targetDefinitionId, String moving, String notMovable,
      String startedBy, Instant startedAt) {
    this.batchId = batchId;
    this.sourceDefinitionId = sourceDefinitionId;
    this.targetDefinitionId = targetDefinitionId;
    this.moving = moving;
    this.notMovable = notMovable;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  public String getBatchId() {
    return batchId;
  }

  public String getSourceDefinitionId() {
    return sourceDefinitionId;
  }

  public String getTargetDefinitionId() {
    return targetDefinitionId;
  }

  public String getMoving() {
    return moving;
  }

  public String getNotMovable() {
    return notMovable;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }
}
