package org.aipo.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Creates a stream's head, in a transaction of its own, so that two first writers to one stream both find it after. */
@ApplicationScoped
public class AuditStreams {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  /** Creates the head if it is missing; fails (harmlessly) when another writer created it at the same time. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void create(String streamKey) {
    if (entityManager.find(AuditStream.class, streamKey) == null) {
      entityManager.persist(new AuditStream(streamKey));
      entityManager.flush();
    }
  }
}
