package org.aipo.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A random spot-check campaign (双随机、一公开, programme 5 step 6): its rules and the recorded draw (seed, pool
 * snapshot, result), from which {@link SpotCheckDraw#replay} recomputes it. Never changed after the draw.
 */
@Entity
@Table(name = "AIPO_SPOT_CHECK_CAMPAIGN")
public class SpotCheckCampaign {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "NAME", nullable = false, length = 200)
  private String name;

  @Column(name = "SHARE_HIGH", nullable = false)
  private int shareHigh;

  @Column(name = "SHARE_MEDIUM", nullable = false)
  private int shareMedium;

  @Column(name = "SHARE_LOW", nullable = false)
  private int shareLow;

  @Column(name = "INSPECTORS_PER_INSPECTION", nullable = false)
  private int inspectorsPerInspection;

  @Column(name = "SEED", nullable = false, length = 64)
  private String seed;

  @Column(name = "POOL_SNAPSHOT", nullable = false)
  private String poolSnapshot;

  @Column(name = "DRAW_RESULT", nullable = false)
  private String drawResult;

  @Column(name = "STARTED_BY", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "STARTED_AT", nullable = false)
  private OffsetDateTime startedAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected SpotCheckCampaign() {
    // for JPA
  }

  SpotCheckCampaign(String name, SpotCheckDraw.Rules rules, String seed, String poolSnapshot, String drawResult, String startedBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.shareHigh = rules.shareHigh();
    this.shareMedium = rules.shareMedium();
    this.shareLow = rules.shareLow();
    this.inspectorsPerInspection = rules.inspectorsPerInspection();
    this.seed = seed;
    this.poolSnapshot = poolSnapshot;
    this.drawResult = drawResult;
    this.startedBy = startedBy;
    this.startedAt = now.atOffset(ZoneOffset.UTC);
  }

  public SpotCheckDraw.Rules rules() {
    return new SpotCheckDraw.Rules(shareHigh, shareMedium, shareLow, inspectorsPerInspection);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSeed() {
    return seed;
  }

  public String getPoolSnapshot() {
    return poolSnapshot;
  }

  public String getDrawResult() {
    return drawResult;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt.toInstant();
  }
}
