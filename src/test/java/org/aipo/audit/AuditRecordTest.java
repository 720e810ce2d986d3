package org.aipo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditRecordTest {

  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void keepsWhoWhatWhenAndWhy() {
    AuditRecord record = new AuditRecord(NOW, "office", "proposal.submitted", "proposal", "P-1", "<script>x</script>");

    assertThat(record.getId()).hasSize(36);
    assertThat(record.getOccurredAt()).isEqualTo(NOW);
    assertThat(record.getActor()).isEqualTo("office");
    assertThat(record.getDetail()).isEqualTo("<script>x</script>");
  }

  @Test
  void refusesMissingOrOverlongFieldsNamingTheField() {
    assertThatThrownBy(() -> new AuditRecord(NOW, " ", "a", "t", "s", null)).hasMessageContaining("actor");
    assertThatThrownBy(() -> new AuditRecord(NOW, "u", null, "t", "s", null)).hasMessageContaining("action");
    assertThatThrownBy(() -> new AuditRecord(NOW, "u", "a", "t".repeat(65), "s", null)).hasMessageContaining("subjectType");
    assertThatThrownBy(() -> new AuditRecord(NOW, "u", "a", "t", "s", "d".repeat(AuditRecord.MAX_DETAIL + 1)))
        .hasMessageContaining("detail");
    assertThatThrownBy(() -> new AuditRecord(null, "u", "a", "t", "s", null)).hasMessageContaining("occurredAt");
  }
}
