package org.aipo.funding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.platform.EngineStarted;
import org.aipo.platform.Figures;

/**
 * Each funding pool's remaining money at {@code /metrics} ({@code aipo_pool_remaining_yuan{kind="funding"}}): its
 * total less what calls committed, from two grouped queries (no entities loaded).
 */
@ApplicationScoped
public class FundingFigures {

  @Inject
  Figures figures;

  @Inject
  FundingFigures self;

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  void register(@Observes EngineStarted started) {
    figures.labelled(Figures.POOL_REMAINING, Figures.POOL_REMAINING_HELP, Figures.POOL_LABELS, () -> self.remaining());
  }

  /** Pool code → total less commitments. */
  @Transactional
  public Map<List<String>, Number> remaining() {
    Map<String, BigDecimal> committed = new HashMap<>();
    for (Object[] row : entityManager.createQuery("select c.poolCode, sum(c.amount) from PoolCommitment c group by c.poolCode",
        Object[].class).getResultList()) {
      committed.put((String) row[0], (BigDecimal) row[1]);
    }
    Map<List<String>, Number> remaining = new HashMap<>();
    for (Object[] row : entityManager.createQuery("select p.code, p.total from FundingPool p", Object[].class).getResultList()) {
      String code = (String) row[0];
      remaining.put(List.of("funding", code), ((BigDecimal) row[1]).subtract(committed.getOrDefault(code, BigDecimal.ZERO)));
    }
    return remaining;
  }
}
