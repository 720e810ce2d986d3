package org.aipo.voucher;

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
 * Each open voucher round's remaining pool at {@code /metrics} ({@code aipo_pool_remaining_yuan{kind="voucher-round"}},
 * labelled with the round's id): its ledger balance, one grouped sum (ADR 0010: the balance is the sum of the entries).
 * A closed round's series goes away.
 */
@ApplicationScoped
public class VoucherFigures {

  @Inject
  Figures figures;

  @Inject
  VoucherFigures self;

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  void register(@Observes EngineStarted started) {
    figures.labelled(Figures.POOL_REMAINING, Figures.POOL_REMAINING_HELP, Figures.POOL_LABELS, () -> self.remaining());
  }

  /** Open round id → ledger balance. */
  @Transactional
  public Map<List<String>, Number> remaining() {
    Map<List<String>, Number> remaining = new HashMap<>();
    for (Object[] row : entityManager.createQuery("select e.roundId, sum(e.amount) from LedgerEntry e, VoucherRound r"
        + " where r.id = e.roundId and r.status = :open group by e.roundId", Object[].class)
        .setParameter("open", VoucherRound.Status.OPEN).getResultList()) {
      remaining.put(List.of("voucher-round", (String) row[0]), (BigDecimal) row[1]);
    }
    return remaining;
  }
}
