package org.aipo.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The dashboard's request and answer bodies. */
public final class DashboardViews {

  private DashboardViews() {
  }

  /** One part of a series: a field or a city, its figure and (for a field) its target. */
  @Schema(name = "DashboardSlice")
  public record SliceView(@Schema(example = "robotics") String key, @Schema(example = "机器人") String zh, @Schema(example = "Robotics") String en,
      @Schema(example = "3") BigDecimal value, @Schema(example = "5", nullable = true) BigDecimal target) {
  }

  /** A measure's target and achievement in the year, with its series by month (January first), field and city. */
  @Schema(name = "DashboardMeasure")
  public record MeasureView(@Schema(example = "awardsAnnounced") String key, @Schema(example = "selection") String programme,
      @Schema(example = "示范项目遴选") String programmeZh, @Schema(example = "Demonstration projects") String programmeEn,
      @Schema(example = "公布资助项目") String zh, @Schema(example = "Awards announced") String en,
      @Schema(description = "count or yuan", example = "count") String unit,
      @Schema(example = "10", nullable = true) BigDecimal target, @Schema(example = "4") BigDecimal achieved,
      @Schema(description = "achieved as a percentage of the target", example = "40.0", nullable = true) BigDecimal percentOfTarget,
      @Schema(description = "12 figures, January to December (Beijing time)") List<BigDecimal> byMonth,
      List<SliceView> byField, List<SliceView> byCity) {
  }

  /** The dashboard of a year. */
  @Schema(name = "Dashboard")
  public record DashboardView(@Schema(example = "2026") int year, @Schema(example = "Asia/Shanghai") String timeZone,
      @Schema(description = "true: only published figures, no targets") boolean publicFigures, Instant countedAt, List<MeasureView> measures) {
  }

  /** One target as set. */
  @Schema(name = "DashboardTarget")
  public record TargetView(@Schema(example = "awardsAnnounced") String measure, @Schema(example = "", description = "'' for the whole measure")
      String field, @Schema(example = "10") BigDecimal value, String setBy, Instant setAt) {
  }

  /** The targets of a year. */
  @Schema(name = "DashboardTargets")
  public record TargetsView(@Schema(example = "2026") int year, List<TargetView> targets) {
  }

  /** One target to set: a measure (see GET /api/dashboard for the keys), optionally one field, and the value. */
  @Schema(name = "DashboardTargetLine")
  public record TargetLine(@NotBlank @Size(max = 64) @Schema(example = "awardsAnnounced") String measure,
      @Size(max = 64) @Schema(example = "robotics", nullable = true) String field,
      @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) @Schema(example = "10") BigDecimal value) {
  }

  /** The whole set of a year's targets; it replaces the year's targets. */
  @Schema(name = "DashboardTargetsRequest")
  public record TargetsRequest(@NotNull @Size(max = 500) List<@NotNull @Valid TargetLine> targets) {
  }
}
