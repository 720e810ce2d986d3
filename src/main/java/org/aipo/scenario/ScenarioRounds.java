package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.Objector;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;

/**
 * Scenario rounds as the API sees them: an official starts one, the public reads published lists and open
 * notices and lodges real-name objections, calls refer to published scenarios by their code.
 */
@ApplicationScoped
@Transactional
public class ScenarioRounds {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  ScenarioStages stages;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  /** Stores the round and starts its process (nomination tasks for every unit), in one transaction. */
  public ScenarioRound start(String theme, Instant nominationDeadline, String reviewField, Integer panelSize, String actor) {
    String roundId = stages.startByOfficial(theme, nominationDeadline, reviewField, panelSize, actor);
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(ScenarioListRound.PROCESS_KEY, roundId,
        Map.of(ScenarioListRound.VAR_ROUND, roundId, "initiator", actor));
    return require(roundId);
  }

  public ScenarioRound require(String roundId) {
    ScenarioRound round = roundId == null ? null : entityManager.find(ScenarioRound.class, roundId);
    if (round == null) {
      throw DomainException.notFound("scenario.round-not-found", null, "没有场景征集轮次 " + roundId, "no scenario round " + roundId);
    }
    return round;
  }

  public List<ScenarioRound> all() {
    return entityManager.createQuery("select r from ScenarioRound r order by r.startedAt desc", ScenarioRound.class).getResultList();
  }

  public List<Scenario> scenarios(String roundId) {
    return entityManager.createNamedQuery(Scenario.OF_ROUND, Scenario.class).setParameter("round", roundId).getResultList();
  }

  public List<ScenarioRound> published() {
    return entityManager.createQuery("select r from ScenarioRound r where r.version is not null order by r.version desc", ScenarioRound.class)
        .getResultList();
  }

  public Optional<ScenarioRound> version(int version) {
    return entityManager.createQuery("select r from ScenarioRound r where r.version = :v", ScenarioRound.class).setParameter("v", version)
        .getResultList().stream().findFirst();
  }

  public List<ScenarioRound> inNotice() {
    Instant now = clock.instant();
    return entityManager.createQuery("select r from ScenarioRound r where r.stage = org.aipo.scenario.ScenarioRound.Stage.IN_NOTICE "
        + "order by r.noticeClosesAt", ScenarioRound.class).getResultList().stream().filter(r -> r.isNoticeOpenAt(now)).toList();
  }

  /** Every listed scenario of every published list (what calls may answer), newest list first. */
  public List<Scenario> listed() {
    return entityManager.createQuery("select s from Scenario s where s.status = org.aipo.scenario.Scenario.Status.LISTED "
        + "order by s.code", Scenario.class).getResultList();
  }

  /** A listed scenario by its public code. */
  public Optional<Scenario> listed(String code) {
    return entityManager.createNamedQuery(Scenario.BY_CODE, Scenario.class).setParameter("code", code).getResultList().stream()
        .filter(s -> s.getStatus() == Scenario.Status.LISTED).findFirst();
  }

  /** The display names of nominating units (their engine user's name), looked up once per use. */
  public java.util.function.UnaryOperator<String> unitNames() {
    Map<String, String> known = new java.util.HashMap<>();
    return userId -> known.computeIfAbsent(userId, id -> {
      org.camunda.bpm.engine.identity.User user = workflowEngine.processEngine().getIdentityService().createUserQuery().userId(id)
          .singleResult();
      String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).trim();
      return name.isEmpty() ? id : name;
    });
  }

  public List<ScenarioObjection> objections(String roundId) {
    return entityManager.createQuery("select o from ScenarioObjection o where o.roundId = :round order by o.lodgedAt",
        ScenarioObjection.class).setParameter("round", roundId).getResultList();
  }

  /**
   * Stores a real-name objection and hands it to the programme office (a Tasklist task), in one transaction.
   * Refused outside the notice window (409) and for a scenario not on the draft list (400).
   */
  public ScenarioObjection lodge(String roundId, String scenario, Objector objector, String grounds) {
    ScenarioRound round = require(roundId);
    Instant now = clock.instant();
    if (!round.isNoticeOpenAt(now)) {
      throw round.getNoticeOpensAt() != null && !now.isBefore(round.getNoticeOpensAt())
          ? DomainException.conflict("scenario.notice-ended", null, "公示期已结束，不再受理异议。", "The notice period has ended; objections are no longer accepted.")
          : DomainException.conflict("scenario.no-notice", null, "该清单当前没有公示。", "This scenario list has no notice open for objections.");
    }
    String label = scenario == null || scenario.isBlank() ? null : scenario.trim().toUpperCase(java.util.Locale.ROOT);
    if (label != null && scenarios(roundId).stream().noneMatch(s -> s.isKept() && s.getLabel().equals(label))) {
      throw DomainException.badInput("scenario.not-on-list", "scenario", "'" + scenario + "' 不在清单草案上（N1、N2……；对整个清单提异议时不填）",
          "scenario: '" + scenario + "' is not on the draft list (N1, N2, ...; leave it out to object to the whole list)");
    }
    ScenarioObjection objection = new ScenarioObjection(roundId, round.getNoticeRound(), label, objector, grounds, now);
    entityManager.persist(objection);
    try {
      workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(ScenarioListRound.MESSAGE_OBJECTION)
          .processInstanceBusinessKey(roundId)
          .setVariablesLocal(Map.of(ScenarioListRound.VAR_OBJECTION, objection.getId()))
          .correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw DomainException.conflict("scenario.notice-ended", null, "公示期已结束，不再受理异议。", "The notice period has just ended; objections are no longer accepted.");
    }
    auditLog.record("public:" + objector.getName(), "scenario-objection.lodged", "scenario-objection", objection.getId(),
        "round " + roundId + (label == null ? ", the whole list" : ", scenario " + label));
    return objection;
  }

  /** Demo data: a published list (version n) with these nominations, without running the process. */
  public ScenarioRound seedPublished(String theme, String unit, List<Scenario.Nomination> nominations) {
    Instant now = clock.instant();
    ScenarioRound round = new ScenarioRound(theme, now.plusSeconds(60), null, null, ScenarioRound.Trigger.OFFICIAL, "system", now);
    round.closeNominations();
    entityManager.persist(round);
    int number = 0;
    for (Scenario.Nomination nomination : nominations) {
      Scenario scenario = new Scenario(round.getId(), ++number, nomination, unit, now);
      var tier = workflowEngine.processEngine().getDecisionService().evaluateDecisionByKey(ScenarioListRound.DECISION_RISK_TIER)
          .variables(Map.of("field", nomination.field(), "publicServiceImpact", nomination.publicServiceImpact(),
              "personalData", nomination.personalData(), "scope", nomination.scope()))
          .evaluate().getSingleResult();
      scenario.assess(tier.getEntry("riskTier"), tier.getEntry("supervisionMode"), tier.getEntry("reason"));
      entityManager.persist(scenario);
    }
    entityManager.flush();
    stages.publish(round.getId());
    return round;
  }
}
