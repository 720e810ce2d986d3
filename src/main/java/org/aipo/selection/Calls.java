package org.aipo.selection;

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

  public Call open(Call call, String actor) {
    entityManager.persist(call);
    auditLog.record(actor, "call.opened", "call", call.getId(), call.getTitle());
    return call;
  }

  public List<Call> openNow() {
    return entityManager.createNamedQuery(Call.OPEN_AT, Call.class).setParameter("now", clock.instant()).getResultList();
  }

  /** The call, or a 400 naming callId. */
  public Call require(String callId) {
    Call call = callId == null ? null : entityManager.find(Call.class, callId);
    if (call == null) {
      throw new IllegalArgumentException("callId: no call " + callId);
    }
    return call;
  }
}
