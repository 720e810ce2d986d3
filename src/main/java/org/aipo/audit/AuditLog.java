package org.aipo.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Writes and reads audit records; a write joins the caller's transaction. */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public AuditRecord record(String actor, String action, String subjectType, String subjectId, String detail) {
    AuditRecord record = new AuditRecord(clock.instant(), actor, action, subjectType, subjectId, detail);
    entityManager.persist(record);
    return record;
  }

  @Transactional
  public List<AuditRecord> forSubject(String subjectType, String subjectId) {
    return entityManager.createNamedQuery(AuditRecord.BY_SUBJECT, AuditRecord.class)
        .setParameter("type", subjectType)
        .setParameter("id", subjectId)
        .getResultList();
  }

  /** The newest records of a subject type (e.g. every model validation and deployment), newest first. */
  @Transactional
  public List<AuditRecord> ofType(String subjectType, int max) {
    return entityManager.createQuery("select r from AuditRecord r where r.subjectType = :type order by r.occurredAt desc", AuditRecord.class)
        .setParameter("type", subjectType).setMaxResults(max).getResultList();
  }
}
