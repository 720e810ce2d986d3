package org.aipo.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.call.Call;
import org.aipo.filing.AiService;
import org.aipo.proposal.Proposal;
import org.aipo.scenario.ScenarioRound;
import org.aipo.supervision.SpotCheckInspection;
import org.aipo.voucher.Voucher;

/**
 * The achievements, counted from the records each time (docs/adr/0019): reads the owning capabilities' tables through
 * their entities (projections, read only) and the audit log for the moment of a decision that an entity does not keep
 * (awards announced, vouchers paid, services filed). Nothing is stored or typed in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Achievements {

  static final String AWARDS_ANNOUNCED = "call.awards-announced";
  static final String VOUCHER_PAID = "voucher.paid";
  static final String SERVICE_FILED = "ai-service.filed";

  private static final Set<Proposal.Status> AWARDED = Set.of(Proposal.Status.AWARDED, Proposal.Status.ACCEPTED,
      Proposal.Status.ACCEPTANCE_FAILED, Proposal.Status.ACCEPTANCE_OVERDUE);

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  /** Every fact of every measure (all years: {@link Tally} picks the year). */
  public List<Fact> facts() {
    List<Fact> facts = new ArrayList<>();
    Map<String, String> cityOf = new HashMap<>();
    for (Object[] row : rows("select o.id, o.creditCode from Organisation o")) {
      cityOf.put((String) row[0], Regions.ofCreditCode((String) row[1]));
    }
    scenarioLists(facts);
    Map<String, Instant> announced = calls(facts);
    proposals(facts, announced, cityOf);
    vouchers(facts, cityOf);
    Map<String, List<String>> serviceFields = services(facts, cityOf);
    spotChecks(facts, cityOf, serviceFields);
    return facts;
  }

  private void scenarioLists(List<Fact> facts) {
    Map<String, Instant> published = new HashMap<>();
    for (Object[] row : rows("select r.id, r.publishedAt from ScenarioRound r where r.stage = ?1", ScenarioRound.Stage.PUBLISHED)) {
      Instant at = instant(row[1]);
      if (at != null) {
        published.put((String) row[0], at);
        facts.add(new Fact(Measure.SCENARIO_LISTS_PUBLISHED, at, List.of(), null, null));
      }
    }
    for (Object[] row : rows("select s.roundId, s.field from Scenario s where s.status = ?1", org.aipo.scenario.Scenario.Status.LISTED)) {
      Instant at = published.get((String) row[0]);
      if (at != null) {
        facts.add(new Fact(Measure.SCENARIOS_LISTED, at, List.of(String.valueOf(row[1])), null, null));
      }
    }
  }

  /** Calls opened; answers when each call's awards were announced. */
  private Map<String, Instant> calls(List<Fact> facts) {
    Map<String, List<String>> fields = new HashMap<>();
    for (Object[] row : rows("select c.id, f from Call c join c.fields f")) {
      fields.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]);
    }
    Map<String, Instant> announced = firstAudit(AWARDS_ANNOUNCED);
    for (Object[] row : rows("select c.id, c.opensAt, c.stage, c.noticeClosesAt from Call c")) {
      String id = (String) row[0];
      Call.Stage stage = (Call.Stage) row[2];
      if (stage != Call.Stage.SCHEDULED) {
        facts.add(new Fact(Measure.CALLS_OPENED, instant(row[1]), fields.get(id), null, null));
      }
      if (stage == Call.Stage.AWARDED && !announced.containsKey(id) && row[3] != null) {
        announced.put(id, instant(row[3])); // announced without an audit record of its own (not by the process)
      }
    }
    return announced;
  }

  private void proposals(List<Fact> facts, Map<String, Instant> announced, Map<String, String> cityOf) {
    for (Object[] row : rows("select p.callId, p.organisationId, p.field, p.status, p.submittedAt, p.updatedAt, p.award, p.benchmark from Proposal p"
        + " where p.submittedAt is not null")) {
      List<String> field = List.of(String.valueOf(row[2]));
      String city = cityOf.get((String) row[1]);
      Proposal.Status status = (Proposal.Status) row[3];
      facts.add(new Fact(Measure.PROPOSALS_SUBMITTED, instant(row[4]), field, city, null));
      Instant announcedAt = announced.get((String) row[0]);
      BigDecimal award = (BigDecimal) row[6];
      if (AWARDED.contains(status) && award != null && announcedAt != null) {
        facts.add(new Fact(Measure.AWARDS_ANNOUNCED, announcedAt, field, city, null));
        facts.add(new Fact(Measure.AWARD_FUNDS, announcedAt, field, city, award));
      }
      if (status == Proposal.Status.ACCEPTED) {
        facts.add(new Fact(Measure.PROJECTS_ACCEPTED, instant(row[5]), field, city, null));
      }
      if (Boolean.TRUE.equals(row[7])) {
        facts.add(new Fact(Measure.BENCHMARK_PROJECTS, instant(row[5]), field, city, null));
      }
    }
  }

  private void vouchers(List<Fact> facts, Map<String, String> cityOf) {
    Map<String, Instant> paid = firstAudit(VOUCHER_PAID);
    for (Object[] row : rows("select v.id, v.organisationId, v.status, v.issuedAt, v.amount, v.paid from Voucher v where v.issuedAt is not null")) {
      String city = cityOf.get((String) row[1]);
      Instant issued = instant(row[3]);
      facts.add(new Fact(Measure.VOUCHERS_ISSUED, issued, List.of(), city, null));
      facts.add(new Fact(Measure.VOUCHER_AMOUNT_ISSUED, issued, List.of(), city, (BigDecimal) row[4]));
      if (row[2] == Voucher.Status.REDEEMED) {
        Instant at = paid.getOrDefault((String) row[0], issued);
        facts.add(new Fact(Measure.VOUCHERS_REDEEMED, at, List.of(), city, null));
        facts.add(new Fact(Measure.VOUCHER_AMOUNT_PAID, at, List.of(), city, (BigDecimal) row[5]));
      }
    }
  }

  /** Services filed; answers every service's fields. */
  private Map<String, List<String>> services(List<Fact> facts, Map<String, String> cityOf) {
    Map<String, Instant> filed = firstAudit(SERVICE_FILED);
    Map<String, List<String>> fieldsOf = new HashMap<>();
    for (Object[] row : rows("select s.id, s.organisationId, s.fields, s.status, s.updatedAt from AiService s")) {
      String id = (String) row[0];
      String joined = (String) row[2];
      List<String> fields = joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
      fieldsOf.put(id, fields);
      if (row[3] == AiService.Status.FILED) {
        facts.add(new Fact(Measure.SERVICES_FILED, filed.getOrDefault(id, instant(row[4])), fields, cityOf.get((String) row[1]), null));
      }
    }
    return fieldsOf;
  }

  private void spotChecks(List<Fact> facts, Map<String, String> cityOf, Map<String, List<String>> serviceFields) {
    for (Object[] row : rows("select i.serviceId, i.organisationId, i.result, i.inspectedAt, i.publishedAt from SpotCheckInspection i")) {
      List<String> fields = serviceFields.get((String) row[0]);
      String city = cityOf.get((String) row[1]);
      SpotCheckInspection.Result result = (SpotCheckInspection.Result) row[2];
      Instant inspected = instant(row[3]);
      if (inspected != null) {
        facts.add(new Fact(Measure.SPOT_CHECKS_DONE, inspected, fields, city, null));
        if (result != null && result != SpotCheckInspection.Result.PASSED) {
          facts.add(new Fact(Measure.SPOT_CHECK_FINDINGS, inspected, fields, city, null));
        }
      }
      Instant published = instant(row[4]);
      if (published != null) {
        facts.add(new Fact(Measure.SPOT_CHECK_RESULTS_PUBLISHED, published, fields, city, null));
      }
    }
  }

  /** The first audit record of an action per subject: when it happened. */
  private Map<String, Instant> firstAudit(String action) {
    Map<String, Instant> first = new HashMap<>();
    for (Object[] row : rows("select r.subjectId, r.occurredAt from AuditRecord r where r.action = ?1", action)) {
      Instant at = instant(row[1]);
      first.merge((String) row[0], at, (a, b) -> a.isBefore(b) ? a : b);
    }
    return first;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String jpql, Object... parameters) {
    jakarta.persistence.Query query = entityManager.createQuery(jpql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    throw new IllegalStateException("not a moment: " + value.getClass().getName());
  }
}
