package org.aipo.funding;

import org.aipo.common.DomainException;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/**
 * Funding pools and what approved award lists commit against them. A commitment locks the pool's row
 * (SELECT ... FOR UPDATE) before it adds up what is committed already, so two approvals drawing on the same
 * pool at once are serialised by the database, on one node or several: the second sees the first's
 * commitment and is refused if the pool cannot cover both; nothing of it is stored.
 */
@ApplicationScoped
@Transactional
public class FundingPools {

  public static final String SUBJECT_TYPE = "funding-pool";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  public FundingPool create(String code, String name, BigDecimal total, String actor) {
    FundingPool pool = new FundingPool(code, name, total, actor, clock.instant());
    if (entityManager.find(FundingPool.class, code) != null) {
      throw DomainException.conflict("funding-pool.exists", "code", "资金池编号 " + code + " 已存在", "code: a funding pool " + code + " exists already");
    }
    entityManager.persist(pool);
    auditLog.record(actor, "funding-pool.created", SUBJECT_TYPE, code, name + ": " + total.toPlainString() + " yuan");
    return pool;
  }

  public List<FundingPool> all() {
    return entityManager.createQuery("select p from FundingPool p order by p.createdAt", FundingPool.class).getResultList();
  }

  public java.util.Optional<FundingPool> find(String code) {
    return java.util.Optional.ofNullable(code == null ? null : entityManager.find(FundingPool.class, code));
  }

  public List<PoolCommitment> commitments(String code) {
    return entityManager.createNamedQuery(PoolCommitment.OF_POOL, PoolCommitment.class).setParameter("pool", code).getResultList();
  }

  /** What the pool has left for this call: its total less what the other calls committed. */
  public BigDecimal availableFor(FundingPool pool, String callId) {
    return pool.getTotal().subtract(commitments(pool.getCode()).stream().filter(c -> !c.getCallId().equals(callId))
        .map(PoolCommitment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /**
   * Commits a call's awards against its pool (replacing what the call committed before), or refuses with
   * an {@link IllegalStateException} (409) when the pool's remaining money cannot cover them.
   */
  public PoolCommitment commit(String code, String callId, BigDecimal amount, String actor) {
    FundingPool pool = entityManager.find(FundingPool.class, code, LockModeType.PESSIMISTIC_WRITE);
    if (pool == null) {
      throw DomainException.conflict("funding-pool.missing", null, "征集 " + callId + " 使用的资金池 " + code + " 不存在",
          "call " + callId + " draws on funding pool " + code + ", which does not exist");
    }
    BigDecimal remaining = availableFor(pool, callId);
    if (amount.compareTo(remaining) > 0) {
      throw DomainException.conflict("funding-pool.exhausted", null, "资金池余额 " + remaining.toPlainString() + " 元，不足以支付拟资助总额 "
          + amount.toPlainString() + " 元，本次未审定：请退回排序以降低资助额，或追加资金池", "funding pool " + code + " has "
          + remaining.toPlainString() + " yuan left, the award list needs " + amount.toPlainString()
          + " yuan; nothing was approved: return the ranking to lower the awards, or enlarge the pool");
    }
    PoolCommitment commitment = entityManager.find(PoolCommitment.class, callId);
    if (commitment == null) {
      commitment = new PoolCommitment(callId, code);
      commitment.set(amount, actor, clock.instant());
      entityManager.persist(commitment);
    } else {
      commitment.set(amount, actor, clock.instant());
    }
    auditLog.record(actor, "funding-pool.committed", SUBJECT_TYPE, code, "call " + callId + ": " + amount.toPlainString()
        + " yuan; " + remaining.subtract(amount).toPlainString() + " yuan left");
    return commitment;
  }
}
