package org.aipo.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.expert.Fields;

/** The programme office's targets per year: read, and replaced as one year's set in one transaction, audited. */
@ApplicationScoped
@Transactional
public class Targets {

  public static final String SUBJECT_TYPE = "dashboard-targets";
  public static final String ACTION_SET = "dashboard.targets-set";

  /** One target as asked for: a measure's key, an optional field code, the value. */
  public record Line(String measure, String field, BigDecimal value) {
  }

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  public List<Target> of(int year) {
    return entityManager.createQuery("select t from Target t where t.year = :year order by t.measure, t.field", Target.class)
        .setParameter("year", year).getResultList();
  }

  /** The year's targets per measure: "" for the whole measure, field codes for per-field targets. */
  public Map<Measure, Map<String, BigDecimal>> byMeasure(int year) {
    Map<Measure, Map<String, BigDecimal>> targets = new EnumMap<>(Measure.class);
    for (Target target : of(year)) {
      Measure.of(target.getMeasure()).ifPresent(m -> targets.computeIfAbsent(m, x -> new HashMap<>()).put(target.getField(), target.getValue()));
    }
    return targets;
  }

  /**
   * Replaces the year's targets with these lines (none: the year has no targets), one audit record naming each.
   * Refused by the line's field name: an unknown measure or field, a value that is not a whole number for a count,
   * the same measure and field twice.
   */
  public List<Target> set(int year, List<Line> lines, String actor) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String at = "targets[" + i + "]";
      Measure measure = Measure.of(line.measure()).orElseThrow(() -> DomainException.badInput("dashboard.measure-unknown", at + ".measure",
          "没有这个指标：" + line.measure(), "no such measure: " + line.measure()));
      String field = line.field() == null ? "" : line.field().trim();
      if (!field.isEmpty() && !Fields.isKnown(field)) {
        throw DomainException.badInput("dashboard.field-unknown", at + ".field", "没有这个领域：" + field, "no such field: " + field);
      }
      if (!measure.isAmount() && line.value().stripTrailingZeros().scale() > 0) {
        throw DomainException.badInput("dashboard.count-not-whole", at + ".value", "计数指标的目标须为整数", "a count's target is a whole number");
      }
      if (!seen.add(measure.key() + "/" + field)) {
        throw DomainException.badInput("dashboard.target-twice", at, "同一指标和领域的目标只能设一次：" + measure.key() + (field.isEmpty() ? "" : " / " + field),
            "a measure and field may have one target: " + measure.key() + (field.isEmpty() ? "" : " / " + field));
      }
    }
    entityManager.createQuery("delete from Target t where t.year = :year").setParameter("year", year).executeUpdate();
    java.time.Instant now = clock.instant();
    StringBuilder detail = new StringBuilder();
    for (Line line : lines) {
      String field = line.field() == null ? "" : line.field().trim();
      Target target = new Target(year, Measure.of(line.measure()).orElseThrow(), field, line.value(), actor, now);
      entityManager.persist(target);
      detail.append(detail.length() == 0 ? "" : "; ").append(line.measure()).append(field.isEmpty() ? "" : "/" + field).append('=')
          .append(line.value().toPlainString());
    }
    entityManager.flush();
    auditLog.record(actor, ACTION_SET, SUBJECT_TYPE, Integer.toString(year), detail.length() == 0 ? "no targets" : truncate(detail.toString()));
    return of(year);
  }

  private static String truncate(String detail) {
    return detail.length() <= 3900 ? detail : detail.substring(0, 3900) + "…";
  }
}
