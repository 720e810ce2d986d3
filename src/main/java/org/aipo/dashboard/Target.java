package org.aipo.dashboard;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A target the programme office set for one measure in one year, for the whole measure ({@code field} "") or for
 * one field. Replaced as a whole year's set ({@link Targets#set}).
 */
@Entity
@Table(name = "AIPO_DASHBOARD_TARGET")
@IdClass(Target.Key.class)
public class Target {

  /** The key: year, measure and field. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    int year;
    String measure;
    String field;

    public Key() {
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.year == year && Objects.equals(k.measure, measure) && Objects.equals(k.field, field);
    }

    @Override
    public int hashCode() {
      return Objects.hash(year, measure, field);
    }
  }

  @Id
  @Column(name = "TARGET_YEAR")
  private int year;

  @Id
  @Column(name = "MEASURE", length = 64)
  private String measure;

  @Id
  @Column(name = "FIELD", length = 64)
  private String field;

  @Column(name = "TARGET_VALUE", nullable = false, precision = 18, scale = 2)
  private BigDecimal value;

  @Column(name = "SET_BY", nullable = false, length = 64)
  private String setBy;

  @Column(name = "SET_AT", nullable = false)
  private OffsetDateTime setAt;

  protected Target() {
    // for JPA
  }

  Target(int year, Measure measure, String field, BigDecimal value, String setBy, Instant setAt) {
    this.year = year;
    this.measure = measure.key();
    this.field = field == null ? "" : field;
    this.value = Objects.requireNonNull(value, "value");
    this.setBy = Objects.requireNonNull(setBy, "setBy");
    this.setAt = setAt.atOffset(ZoneOffset.UTC);
  }

  public int getYear() {
    return year;
  }

  public String getMeasure() {
    return measure;
  }

  /** "" for the whole measure, else a field code. */
  public String getField() {
    return field;
  }

  public BigDecimal getValue() {
    return value;
  }

  public String getSetBy() {
    return setBy;
  }

  public Instant getSetAt() {
    return setAt.toInstant();
  }
}
