package org.aipo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hash chain's arithmetic without a database: what an edit, a deleted record and a deleted last record look like. */
class AuditChainTest {

  static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");

  List<AuditRecord> records;
  Map<String, AuditChain.Head> heads;

  /** Two streams as AuditLog.record writes them: proposal p1 with four records, call c1 with two. */
  @BeforeEach
  void write() {
    records = new ArrayList<>();
    heads = new HashMap<>();
    for (int i = 1; i <= 4; i++) {
      append(new AuditRecord(T0.plusSeconds(i), "office", "step-" + i, "proposal", "p1", "详情 detail " + i));
    }
    append(new AuditRecord(T0, "office", "opened", "call", "c1", null));
    append(new AuditRecord(T0.plusSeconds(9), "leader", "approved", "call", "c1", "同意"));
    heads.put(AuditChain.UNSEALED, new AuditChain.Head(AuditChain.UNSEALED, 0, null));
  }

  void append(AuditRecord record) {
    String stream = AuditChain.streamOf(record.getSubjectType(), record.getSubjectId());
    AuditChain.Head head = heads.getOrDefault(stream, new AuditChain.Head(stream, 0, null));
    String hash = record.seal(head.lastSeq() + 1, head.lastHash());
    heads.put(stream, new AuditChain.Head(stream, head.lastSeq() + 1, hash));
    records.add(record);
  }

  AuditChain.Verdict verify() {
    List<AuditRecord> ordered = new ArrayList<>(records);
    ordered.sort(java.util.Comparator.comparing(AuditRecord::getStreamKey).thenComparing(AuditRecord::getSeq));
    return AuditChain.verify(ordered.iterator(), heads, 0);
  }

  AuditRecord proposal(int seq) {
    return records.stream().filter(r -> r.getStreamKey().equals("proposal:p1") && r.getSeq() == seq).findFirst().orElseThrow();
  }

  @Test
  void anUntouchedChainVerifies() {
    AuditChain.Verdict verdict = verify();
    assertThat(verdict.verified()).isTrue();
    assertThat(verdict.streams()).isEqualTo(2);
    assertThat(verdict.records()).isEqualTo(6);
    assertThat(proposal(2).getPrevHash()).isEqualTo(proposal(1).getHash());
    assertThat(proposal(1).getPrevHash()).isNull();
    assertThat(proposal(1).getHash()).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void theHashCoversEveryFieldAndTheInstantToTheMicrosecond() {
    AuditRecord r = proposal(2);
    String hash = AuditChain.hashOf(r);
    assertThat(r.getOccurredAt().getNano() % 1000).isZero();
    // the nanoseconds the clock gave are not hashed (the database keeps microseconds); a microsecond more is
    assertThat(AuditChain.hash(r.getStreamKey(), 2, T0.plusSeconds(2), r.getActor(), r.getAction(), "proposal", "p1",
        r.getDetail(), r.getPrevHash())).isEqualTo(hash);
    assertThat(AuditChain.hash(r.getStreamKey(), 2, T0.plusSeconds(2).plusNanos(1000), r.getActor(), r.getAction(), "proposal", "p1",
        r.getDetail(), r.getPrevHash())).isNotEqualTo(hash);
    // an absent detail is not the text "-", and fields do not run into each other
    assertThat(AuditChain.hash("s", 1, T0, "a", "b", "t", "i", null, null)).isNotEqualTo(AuditChain.hash("s", 1, T0, "a", "b", "t", "i", "-", null));
    assertThat(AuditChain.hash("s", 1, T0, "ab", "c", "t", "i", null, null)).isNotEqualTo(AuditChain.hash("s", 1, T0, "a", "bc", "t", "i", null, null));
  }

  @Test
  void anEditedRecordBreaksTheChainAtItsNumber() {
    AuditRecord original = proposal(3);
    AuditRecord edited = new AuditRecord(original.getOccurredAt(), original.getActor(), original.getAction(), "proposal", "p1", "改过 edited")
        .withSealOf(original);
    records.set(records.indexOf(original), edited);

    AuditChain.Verdict verdict = verify();
    assertThat(verdict.verified()).isFalse();
    assertThat(verdict.breaks()).singleElement().satisfies(b -> {
      assertThat(b.stream()).isEqualTo("proposal:p1");
      assertThat(b.seq()).isEqualTo(3L);
      assertThat(b.kind()).isEqualTo(AuditChain.Kind.EDITED);
      assertThat(b.recordId()).isEqualTo(original.getId());
      assertThat(b.zh()).contains("修改");
    });
  }

  @Test
  void aDeletedRecordInTheMiddleIsAGap() {
    records.remove(proposal(2));
    AuditChain.Verdict verdict = verify();
    assertThat(verdict.breaks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(AuditChain.Kind.DELETED);
      assertThat(b.seq()).isEqualTo(2L);
    });
  }

  @Test
  void aDeletedLastRecordShowsAgainstTheHead() {
    records.remove(proposal(4));
    AuditChain.Verdict verdict = verify();
    assertThat(verdict.breaks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(AuditChain.Kind.MISSING_TAIL);
      assertThat(b.seq()).isEqualTo(4L);
      assertThat(b.stream()).isEqualTo("proposal:p1");
    });
  }

  @Test
  void aReplacedLastRecordWithARecomputedHashStillShowsAgainstTheHead() {
    AuditRecord last = proposal(4);
    AuditRecord forged = new AuditRecord(last.getOccurredAt(), "someone", "step-4", "proposal", "p1", "forged");
    forged.seal(4, last.getPrevHash());
    records.set(records.indexOf(last), forged);
    assertThat(verify().breaks()).singleElement().satisfies(b -> assertThat(b.kind()).isEqualTo(AuditChain.Kind.MISSING_TAIL));
  }

  @Test
  void aWholeDeletedStreamAndChangedUnsealedRecordsAreReported() {
    records.removeIf(r -> r.getStreamKey().equals("call:c1"));
    AuditChain.Verdict verdict = AuditChain.verify(records.iterator(), heads, 3);
    assertThat(verdict.breaks()).extracting(AuditChain.Break::kind)
        .containsExactlyInAnyOrder(AuditChain.Kind.MISSING_TAIL, AuditChain.Kind.UNSEALED_CHANGED);
  }

  @Test
  void theHeadsDigestChangesWithAnyHead() {
    String before = AuditChain.headsDigest(heads);
    assertThat(AuditChain.headsDigest(new HashMap<>(heads))).isEqualTo(before);
    heads.put("call:c1", new AuditChain.Head("call:c1", 2, "0".repeat(64)));
    assertThat(AuditChain.headsDigest(heads)).isNotEqualTo(before);
  }
}
