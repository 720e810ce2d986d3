package org.aipo.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;

/** An audit log that keeps records in memory (the real one writes JPA entities). */
public class RecordingAuditLog extends AuditLog {

  private final List<AuditRecord> records = new CopyOnWriteArrayList<>();

  @Override
  public AuditRecord record(String actor, String action, String subjectType, String subjectId, String detail) {
    AuditRecord record = new AuditRecord(java.time.Instant.now(), actor, action, subjectType, subjectId, detail);
    records.add(record);
    return record;
  }

  @Override
  public List<AuditRecord> forSubject(String subjectType, String subjectId) {
    return records.stream()
        .filter(r -> r.getSubjectType().equals(subjectType) && r.getSubjectId().equals(subjectId))
        .toList();
  }

  public List<AuditRecord> all() {
    return List.copyOf(records);
  }
}
