package org.aipo.selection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.Text;
import org.aipo.expert.Fields;

/** A call for demonstration projects (揭榜挂帅): fields, window, budget and award limits. */
@Entity
@Table(name = "AIPO_CALL")
@NamedQuery(name = Call.OPEN_AT, query = "select c from Call c where c.opensAt <= :now and c.closesAt > :now order by c.closesAt")
public class Call {

  static final String OPEN_AT = "Call.openAt";

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "TITLE", nullable = false, length = 300)
  private String title;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_CALL_FIELD", joinColumns = @JoinColumn(name = "CALL_ID"))
  @Column(name = "FIELD", length = 64)
  private Set<String> fields = new TreeSet<>();

  @Column(name = "OPENS_AT", nullable = false)
  private Instant opensAt;

  @Column(name = "CLOSES_AT", nullable = false)
  private Instant closesAt;

  @Column(name = "BUDGET", nullable = false, precision = 15, scale = 2)
  private BigDecimal budget;

  @Column(name = "MAX_AWARD", nullable = false, precision = 15, scale = 2)
  private BigDecimal maxAward;

  @Column(name = "AWARD_COUNT", nullable = false)
  private int awardCount;

  @Column(name = "CREATED_BY", nullable = false, length = 64)
  private String createdBy;

  protected Call() {
    // for JPA
  }

  public Call(String title, Set<String> fields, Instant opensAt, Instant closesAt, BigDecimal budget, BigDecimal maxAward,
      int awardCount, String createdBy) {
    this.id = UUID.randomUUID().toString();
    this.title = Text.required(title, "title", 300);
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("fields: at least one field is required");
    }
    fields.forEach(f -> {
      if (!Fields.isKnown(f)) {
        throw new IllegalArgumentException("fields: unknown field '" + f + "'");
      }
    });
    this.fields = new TreeSet<>(fields);
    if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException("closesAt must be after opensAt");
    }
    this.opensAt = opensAt;
    this.closesAt = closesAt;
    if (budget == null || budget.signum() <= 0) {
      throw new IllegalArgumentException("budget must be a positive amount in yuan");
    }
    if (maxAward == null || maxAward.signum() <= 0 || maxAward.compareTo(budget) > 0) {
      throw new IllegalArgumentException("maxAward must be positive and not above the budget");
    }
    if (awardCount < 1) {
      throw new IllegalArgumentException("awardCount must be at least 1");
    }
    this.budget = budget;
    this.maxAward = maxAward;
    this.awardCount = awardCount;
    this.createdBy = createdBy;
  }

  public boolean isOpenAt(Instant moment) {
    return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
  }

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Set<String> getFields() {
    return Set.copyOf(fields);
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public BigDecimal getBudget() {
    return budget;
  }

  public BigDecimal getMaxAward() {
    return maxAward;
  }

  public int getAwardCount() {
    return awardCount;
  }
}
