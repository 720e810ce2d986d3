package org.aipo.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes and reads audit records; a write joins the caller's transaction. Every record is sealed into its
 * subject's hash chain (ADR 0017): the writer locks the stream's head until its transaction ends.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditStreams streams;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public AuditRecord record(String actor, String action, String subjectType, String subjectId, String detail) {
    AuditRecord record = new AuditRecord(clock.instant(), actor, action, subjectType, subjectId, detail);
    AuditStream head = lockedHead(AuditChain.streamOf(record.getSubjectType(), record.getSubjectId()));
    head.advance(head.getLastSeq() + 1, record.seal(head.getLastSeq() + 1, head.getLastHash()));
    entityManager.persist(record);
    return record;
  }

  private AuditStream lockedHead(String streamKey) {
    AuditStream head = entityManager.find(AuditStream.class, streamKey, LockModeType.PESSIMISTIC_WRITE);
    if (head != null) {
      return head;
    }
    try {
      streams.create(streamKey);
    } catch (RuntimeException e) {
      // another writer created it in the meantime: read theirs
      LOG.log(Level.FINE, "audit stream " + streamKey + " created concurrently", e);
    }
    head = entityManager.find(AuditStream.class, streamKey, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("The audit stream " + streamKey + " could not be created");
    }
    return head;
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

  /**
   * Checks every stream (or one, {@code streamKey} not null) against its head: the first break of each broken stream.
   * Reads the records in stream and sequence order, a page at a time.
   */
  @Transactional
  public AuditChain.Verdict verify(String streamKey) {
    Map<String, AuditChain.Head> heads = (streamKey == null
        ? entityManager.createQuery("select s from AuditStream s", AuditStream.class).getResultStream()
        : Stream.ofNullable(entityManager.find(AuditStream.class, streamKey)))
        .map(AuditStream::head).collect(Collectors.toMap(AuditChain.Head::stream, Function.identity()));
    long unsealed = streamKey == null
        ? entityManager.createQuery("select count(r) from AuditRecord r where r.seq is null", Long.class).getSingleResult()
        : -1;
    Stream<AuditRecord> records = streamKey == null
        ? entityManager.createQuery("select r from AuditRecord r where r.seq is not null order by r.streamKey, r.seq", AuditRecord.class)
            .getResultStream()
        : entityManager.createQuery("select r from AuditRecord r where r.streamKey = :stream order by r.seq", AuditRecord.class)
            .setParameter("stream", streamKey).getResultStream();
    try (records) {
      return AuditChain.verify(records.iterator(), heads, unsealed);
    }
  }

  /** A subject's sealed stream, in sequence order (unsealed records from before V11 first). */
  @Transactional
  public List<AuditRecord> stream(String subjectType, String subjectId) {
    return forSubject(subjectType, subjectId).stream()
        .sorted(java.util.Comparator.comparing(AuditRecord::getSeq, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
        .toList();
  }
}
