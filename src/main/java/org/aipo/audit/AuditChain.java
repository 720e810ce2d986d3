package org.aipo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The arithmetic of the audit hash chain (ADR 0017), free of the database: the canonical form of a record, its
 * SHA-256, and the check of a stream of records against its head. Each record holds the hash of the previous record
 * in its stream; the stream's head holds the last sequence number and hash, so that a deleted last record shows too.
 */
public final class AuditChain {

  /** The stream key of records written before V11 (no sequence, no hash); the head's LAST_SEQ counts them. */
  public static final String UNSEALED = "(unsealed before V11)";

  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {
  }

  /** The stream a record belongs to: its subject (type and id), so that writers to different subjects never wait for each other. */
  public static String streamOf(String subjectType, String subjectId) {
    return subjectType + ":" + subjectId;
  }

  /** The instant as it is hashed and stored: microseconds (what H2 and PostgreSQL keep). */
  public static Instant fixed(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The canonical form: a version tag, then each field as its UTF-8 byte length, a colon and the value, one per line;
   * an absent value is a single {@code -} (distinct from every present value, which starts with a digit).
   */
  public static String canonical(String stream, long seq, Instant occurredAt, String actor, String action, String subjectType,
      String subjectId, String detail, String prevHash) {
    StringBuilder text = new StringBuilder("aipo-audit-v1\n");
    for (String field : new String[] {stream, Long.toString(seq), MICROS.format(fixed(occurredAt)), actor, action, subjectType, subjectId,
        detail, prevHash}) {
      if (field == null) {
        text.append("-\n");
      } else {
        text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
      }
    }
    return text.toString();
  }

  public static String hash(String stream, long seq, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
      String detail, String prevHash) {
    return sha256(canonical(stream, seq, occurredAt, actor, action, subjectType, subjectId, detail, prevHash));
  }

  /** The hash a record should hold, computed from its own fields. */
  public static String hashOf(AuditRecord r) {
    return hash(r.getStreamKey(), r.getSeq(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getSubjectType(), r.getSubjectId(),
        r.getDetail(), r.getPrevHash());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** What kind of break a check found. */
  public enum Kind {
    /** A record's fields no longer give its stored hash. */
    EDITED,
    /** A sequence number is missing in the middle of a stream: a record was deleted. */
    DELETED,
    /** The head counts more records (or another last hash) than the stream holds: the last record(s) were deleted or changed. */
    MISSING_TAIL,
    /** A record's previous hash is not the hash of the record before it: records were replaced or reordered. */
    LINK_BROKEN,
    /** A sequence number occurs twice, or a record lies beyond the head: a record was inserted. */
    INSERTED,
    /** Records of a stream without a head. */
    NO_HEAD,
    /** The number of records from before V11 (unsealed) differs from the number V11 counted. */
    UNSEALED_CHANGED
  }

  /** The first break of a stream. */
  public record Break(String stream, Long seq, String recordId, Kind kind, String zh, String en) {
  }

  /** A stream's head as stored (AIPO_AUDIT_STREAM). */
  public record Head(String stream, long lastSeq, String lastHash) {
  }

  /** The outcome of a check: streams and records looked at, and the first break of each broken stream, by stream key. */
  public record Verdict(int streams, long records, long unsealed, List<Break> breaks, String headsDigest) {

    public boolean verified() {
      return breaks.isEmpty();
    }
  }

  /**
   * Checks streams of sealed records against their heads.
   *
   * @param records sealed records ordered by stream key and sequence number
   * @param heads the heads of the streams to check (the unsealed prefix's head included when it is checked)
   * @param unsealed the number of records without a stream (written before V11), or -1 when not checked
   */
  public static Verdict verify(Iterator<AuditRecord> records, Map<String, Head> heads, long unsealed) {
    List<Break> breaks = new ArrayList<>();
    Map<String, Head> remaining = new TreeMap<>(heads);
    int streams = 0;
    long count = 0;
    String stream = null;
    long expected = 0;
    String prev = null;
    Break broken = null;
    while (records.hasNext()) {
      AuditRecord r = records.next();
      count++;
      if (!Objects.equals(r.getStreamKey(), stream)) {
        if (stream != null) {
          broken = finish(stream, expected - 1, prev, broken, remaining.remove(stream));
          if (broken != null) {
            breaks.add(broken);
          }
        }
        stream = r.getStreamKey();
        streams++;
        expected = 1;
        prev = null;
        broken = null;
      }
      if (broken != null) {
        continue;
      }
      long seq = r.getSeq();
      if (seq < expected) {
        broken = new Break(stream, seq, r.getId(), Kind.INSERTED, "第 " + seq + " 条记录重复出现（记录被插入）",
            "Record " + seq + " occurs twice (a record was inserted)");
      } else if (seq > expected) {
        broken = new Break(stream, expected, r.getId(), Kind.DELETED, "缺少第 " + expected + " 条记录（记录被删除）",
            "Record " + expected + " is missing (a record was deleted)");
      } else if (!hashOf(r).equals(r.getHash())) {
        broken = new Break(stream, seq, r.getId(), Kind.EDITED, "第 " + seq + " 条记录的内容与其哈希不符（记录被修改）",
            "Record " + seq + " no longer matches its hash (the record was edited)");
      } else if (!Objects.equals(prev, r.getPrevHash())) {
        broken = new Break(stream, seq, r.getId(), Kind.LINK_BROKEN, "第 " + seq + " 条记录未链接到前一条记录",
            "Record " + seq + " does not link to the record before it");
      }
      expected = seq + 1;
      prev = r.getHash();
    }
    if (stream != null) {
      broken = finish(stream, expected - 1, prev, broken, remaining.remove(stream));
      if (broken != null) {
        breaks.add(broken);
      }
    }
    Head legacy = remaining.remove(UNSEALED);
    if (unsealed >= 0 && legacy != null && legacy.lastSeq() != unsealed) {
      breaks.add(new Break(UNSEALED, null, null, Kind.UNSEALED_CHANGED,
          "V11 之前的未封存记录应有 " + legacy.lastSeq() + " 条，现有 " + unsealed + " 条",
          "V11 counted " + legacy.lastSeq() + " unsealed records from before it; there are " + unsealed));
    }
    for (Head head : remaining.values()) {
      if (head.lastSeq() > 0) {
        streams++;
        breaks.add(new Break(head.stream(), 1L, null, Kind.MISSING_TAIL, "记录流的全部 " + head.lastSeq() + " 条记录都已缺失",
            "All " + head.lastSeq() + " records of the stream are missing"));
      }
    }
    breaks.sort(java.util.Comparator.comparing(Break::stream));
    return new Verdict(streams, count, Math.max(unsealed, 0), List.copyOf(breaks), headsDigest(heads));
  }

  private static Break finish(String stream, long lastSeq, String lastHash, Break broken, Head head) {
    if (broken != null) {
      return broken;
    }
    if (head == null) {
      return new Break(stream, null, null, Kind.NO_HEAD, "记录流没有头记录", "The stream has no head");
    }
    if (head.lastSeq() > lastSeq) {
      return new Break(stream, lastSeq + 1, null, Kind.MISSING_TAIL, "最后 " + (head.lastSeq() - lastSeq) + " 条记录缺失（从第 " + (lastSeq + 1) + " 条起）",
          "The last " + (head.lastSeq() - lastSeq) + " record(s) are missing (from record " + (lastSeq + 1) + ")");
    }
    if (head.lastSeq() < lastSeq) {
      return new Break(stream, head.lastSeq() + 1, null, Kind.INSERTED, "第 " + (head.lastSeq() + 1) + " 条起的记录不在头记录之内（记录被插入）",
          "Records from " + (head.lastSeq() + 1) + " lie beyond the head (records were inserted)");
    }
    if (!Objects.equals(head.lastHash(), lastHash)) {
      return new Break(stream, lastSeq, null, Kind.MISSING_TAIL, "最后一条记录与头记录的哈希不符（被替换）",
          "The last record's hash differs from the head's (it was replaced)");
    }
    return null;
  }

  /** SHA-256 over every head (stream, last seq, last hash) in key order: write it down, and a later equal digest shows nothing was rewritten. */
  public static String headsDigest(Map<String, Head> heads) {
    StringBuilder text = new StringBuilder();
    for (Head head : new TreeMap<>(heads).values()) {
      text.append(head.stream()).append('\t').append(head.lastSeq()).append('\t').append(head.lastHash()).append('\n');
    }
    return sha256(text.toString());
  }
}
