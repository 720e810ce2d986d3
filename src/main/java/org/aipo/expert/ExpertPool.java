package org.aipo.expert;

import org.aipo.common.DomainException;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;

/** The expert pool, managed by the committee secretariat. Every change is audited in its transaction. */
@ApplicationScoped
public class ExpertPool {

  public static final String SUBJECT_TYPE = "expert";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Transactional
  public List<Expert> all() {
    return entityManager.createQuery("select e from Expert e order by e.name, e.id", Expert.class).getResultList();
  }

  @Transactional
  public List<Expert> activeInField(String field) {
    return entityManager.createNamedQuery(Expert.ACTIVE_IN_FIELD, Expert.class).setParameter("field", field).getResultList();
  }

  @Transactional
  public java.util.Optional<Expert> byUser(String userId) {
    return entityManager.createNamedQuery(Expert.BY_USER, Expert.class).setParameter("userId", userId)
        .getResultStream().findFirst();
  }

  @Transactional
  public Expert add(Expert expert, String actor) {
    requireNewUser(expert.getUserId(), null);
    entityManager.persist(expert);
    auditLog.record(actor, "expert.added", SUBJECT_TYPE, expert.getId(), expert.getName() + " (" + expert.getUserId() + ")");
    return expert;
  }

  /** Adds every expert of a checked CSV, or none: a user already in the pool refuses the whole file. */
  @Transactional
  public int importAll(ExpertCsv.Result csv, String actor) {
    if (!csv.ok()) {
      throw DomainException.badInput("expert.csv-invalid", "file", "文件有错误，未导入任何专家", "the file has errors; nothing was imported");
    }
    for (Expert expert : csv.experts()) {
      requireNewUser(expert.getUserId(), csv);
    }
    for (Expert expert : csv.experts()) {
      entityManager.persist(expert);
    }
    auditLog.record(actor, "expert-pool.imported", SUBJECT_TYPE, "pool", csv.experts().size() + " experts imported");
    return csv.experts().size();
  }

  /** The rows of a checked file whose expert is already in the pool (the import would refuse the whole file for them). */
  @Transactional
  public List<ExpertCsv.RowError> alreadyInPool(ExpertCsv.Result csv) {
    List<ExpertCsv.RowError> errors = new java.util.ArrayList<>();
    for (int i = 0; i < csv.experts().size(); i++) {
      String userId = csv.experts().get(i).getUserId();
      if (!entityManager.createNamedQuery(Expert.BY_USER, Expert.class).setParameter("userId", userId).getResultList().isEmpty()) {
        errors.add(new ExpertCsv.RowError(i < csv.rows().size() ? csv.rows().get(i) : 0, "userId", "an expert with userId " + userId + " is already in the pool"));
      }
    }
    return errors;
  }

  private void requireNewUser(String userId, ExpertCsv.Result csv) {
    boolean exists = !entityManager.createNamedQuery(Expert.BY_USER, Expert.class)
        .setParameter("userId", userId).getResultList().isEmpty();
    if (exists) {
      throw DomainException.conflict("expert.exists", "userId", "userId 为 " + userId + " 的专家已在库中" + (csv == null ? "" : "，未导入任何专家"),
          "an expert with userId " + userId + " is already in the pool" + (csv == null ? "" : "; nothing was imported"));
    }
  }
}
