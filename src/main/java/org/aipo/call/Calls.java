package org.aipo.call;

import org.aipo.common.DomainException;
import org.aipo.funding.FundingPool;
import org.aipo.funding.FundingPools;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/** Calls for demonstration projects, opened by the programme office. */
@ApplicationScoped
@Transactional
public class Calls {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  @Inject
  org.aipo.platform.WorkflowEngine workflowEngine;

  @Inject
  org.aipo.scenario.ScenarioRounds scenarioRounds;

  @Inject
  FundingPools fundingPools;

  /**
   * Stores the call and starts its process (timers open and close it), in one transaction. The scenarios it
   * answers must be listed in a published scenario list; they are kept as "code title".
   */
  public Call open(Call call, String actor) {
    java.util.List<String> answered = new java.util.ArrayList<>();
    for (String reference : call.getScenarios()) {
      String code = reference.trim().split("\\s+")[0];
      org.aipo.scenario.Scenario scenario = scenarioRounds.listed(code).orElseThrow(() -> DomainException.badInput("call.scenario-unknown", "scenarios",
          "'" + reference + "' 不是已发布的场景；请使用 GET /api/scenarios 中的代码，如 V1-01",
          "scenarios: '" + reference + "' is not a published scenario; use a code such as V1-01 from GET /api/scenarios"));
      answered.add(scenario.getCode() + " " + scenario.getTitle());
    }
    call.answers(answered, null);
    if (call.getFundingPool() != null) {
      FundingPool pool = fundingPools.find(call.getFundingPool()).orElseThrow(() -> DomainException.badInput("call.funding-pool-unknown", "fundingPool",
          "没有资金池 " + call.getFundingPool() + "；见 GET /api/funding-pools",
          "fundingPool: no funding pool " + call.getFundingPool() + "; see GET /api/funding-pools"));
      if (call.getBudget().compareTo(pool.getTotal()) > 0) {
        throw DomainException.badInput("call.budget-above-pool", "budget", "预算 " + call.getBudget().toPlainString() + " 元超过资金池 "
            + pool.getCode() + " 的总额（" + pool.getTotal().toPlainString() + " 元）",
            "budget: " + call.getBudget().toPlainString() + " yuan is more than funding pool "
            + pool.getCode() + " holds (" + pool.getTotal().toPlainString() + " yuan)");
      }
    }
    entityManager.persist(call);
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(DemonstrationCall.PROCESS_KEY, call.getId(),
        java.util.Map.of(DemonstrationCall.VAR_CALL, call.getId(), "initiator", actor));
    auditLog.record(actor, "call.published", "call", call.getId(), call.getTitle());
    return call;
  }

  public List<Call> all() {
    return entityManager.createQuery("select c from Call c order by c.opensAt desc", Call.class).getResultList();
  }

  public List<Call> inNotice() {
    return entityManager.createQuery("select c from Call c where c.stage = org.aipo.call.Call.Stage.IN_NOTICE order by c.noticeClosesAt",
        Call.class).getResultList();
  }

  /** The calls taking proposals now: within their dates, and not closed early by their process (a timer fired early). */
  public List<Call> openNow() {
    java.time.Instant now = clock.instant();
    return entityManager.createNamedQuery(Call.OPEN_AT, Call.class).setParameter("now", now).getResultList().stream()
        .filter(c -> c.isOpenAt(now)).toList();
  }

  public java.util.Optional<Call> find(String callId) {
    return java.util.Optional.ofNullable(callId == null ? null : entityManager.find(Call.class, callId));
  }

  /** The call, or a 400 naming callId. */
  /**
   * The call re-read with its row locked until this transaction ends: a submission and the call's closing take turns
   * (issue 27), so that a submission either commits before the close counts the proposals or sees the call closed.
   */
  public Call requireLocked(String callId) {
    Call call = require(callId);
    entityManager.refresh(call, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    return call;
  }

  public Call require(String callId) {
    Call call = callId == null ? null : entityManager.find(Call.class, callId);
    if (call == null) {
      throw DomainException.badInput("call.unknown", "callId", "没有指南 " + callId, "callId: no call " + callId);
    }
    return call;
  }

  /** A call named by a request's path: 404 (not 400) when there is none. */
  public Call found(String callId) {
    Call call = callId == null ? null : entityManager.find(Call.class, callId);
    if (call == null) {
      throw DomainException.notFound("call.not-found", "callId", "没有指南 " + callId, "callId: no call " + callId);
    }
    return call;
  }

  /** Moves a call to the next stage of its process (the selection process's steps). */
  public static void enter(Call call, Call.Stage next) {
    call.enter(next);
  }

  public static void openNotice(Call call, java.time.Instant opens, java.time.Instant closes) {
    call.openNotice(opens, closes);
  }
}
