package org.aipo.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
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


  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public AuditRecord record(String actor, String action, String subjectType, String subjectId, String detail) {
    AuditRecord record = new AuditRecord(clock.instant(), actor, action, subjectType, subjectId, detail);
    AuditStream head = lockedHead(AuditChain.streamOf(record.getSubjectType(), record.getSubjectId()));
    head.advance(head.getLastSeq() + 1, record.seal(head.getLastSeq() + 1, head.getLastHash()));
    entityManager.persist(record);
    return record;
  }

  /**
   * The stream's head, locked until the caller's transaction ends; created first when the stream is new, in the same
   * transaction (an insert that does nothing when another writer's head is there or being committed: PostgreSQL's
   * {@code ON CONFLICT DO NOTHING}, H2's {@code MERGE ... WHEN NOT MATCHED}). Never in a transaction of its own: that
   * would take a second connection while the request holds its first, and with as many first writers as the pool has
   * connections, all of them would wait for one (the pool deadlock docs/architecture.md tells of).
   */
  private AuditStream lockedHead(String streamKey) {
    AuditStream head = entityManager.find(AuditStream.class, streamKey, LockModeType.PESSIMISTIC_WRITE);
    if (head != null) {
      return head;
    }
    if (postgres()) {
      entityManager.createNativeQuery(INSERT_HEAD_POSTGRES).setParameter(1, streamKey).executeUpdate();
    } else {
      insertHeadOnH2(streamKey);
    }
    head = entityManager.find(AuditStream.class, streamKey, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("The audit stream " + streamKey + " could not be created");
    }
    return head;
  }

  private static final String INSERT_HEAD_POSTGRES = "INSERT INTO AIPO_AUDIT_STREAM(STREAM_KEY, LAST_SEQ, LAST_HASH, VERSION) "
      + "VALUES (?, 0, NULL, 0) ON CONFLICT (STREAM_KEY) DO NOTHING";
  private static final String INSERT_HEAD_H2 = "MERGE INTO AIPO_AUDIT_STREAM T USING (SELECT CAST(? AS VARCHAR(200)) AS K) S "
      + "ON T.STREAM_KEY = S.K WHEN NOT MATCHED THEN INSERT (STREAM_KEY, LAST_SEQ, LAST_HASH, VERSION) VALUES (S.K, 0, NULL, 0)";

  /**
   * H2 has no {@code ON CONFLICT}: its {@code MERGE} waits for another transaction inserting the same head and then
   * fails with a duplicate key (23505). That failure is caught here, on the JDBC statement, where it does not mark the
   * transaction for rollback (through JPA it would), and H2, unlike PostgreSQL, goes on with the transaction after a
   * failed statement; the head the other writer committed is then locked like any other.
   */
  private void insertHeadOnH2(String streamKey) {
    try (java.sql.PreparedStatement insert = entityManager.unwrap(java.sql.Connection.class).prepareStatement(INSERT_HEAD_H2)) {
      insert.setString(1, streamKey);
      insert.executeUpdate();
    } catch (java.sql.SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw new IllegalStateException("cannot create the audit stream " + streamKey, e);
      }
    }
  }

  private volatile Boolean postgres;

  /** Whether the database is PostgreSQL (else H2), read once from the transaction's connection. */
  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      try {
        java.sql.Connection connection = entityManager.unwrap(java.sql.Connection.class);
        known = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("cannot tell the database of the audit records", e);
      }
      postgres = known;
    }
    return known;
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
