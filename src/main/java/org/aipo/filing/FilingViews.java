package org.aipo.filing;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the filing API answers besides the service itself: a self-assessment with its checks, a report. */
public final class FilingViews {

  private FilingViews() {
  }

  /** One threshold of TC260-003 with the firm's figure. */
  @Schema(name = "ReadinessCheck")
  public record CheckView(@Schema(example = "keywords") String key, @Schema(example = "关键词库条数") String zh, @Schema(example = "Keyword list, entries") String en,
      @Schema(example = "12000") String figure, @Schema(example = "≥ 10000") String threshold, boolean met) {
  }

  /** A self-assessment as submitted, compared with the thresholds in force. */
  @Schema(name = "ReadinessAssessment")
  public record ReadinessView(String id, String serviceId, @Schema(description = "未达标项数 Thresholds unmet") int unmet, List<CheckView> checks, String note,
      String submittedBy, Instant submittedAt) {

    static ReadinessView of(ReadinessAssessment a, List<Readiness.Check> checks) {
      return new ReadinessView(a.getId(), a.getServiceId(), (int) checks.stream().filter(c -> !c.met()).count(),
          checks.stream().map(c -> new CheckView(c.key(), c.zh(), c.en(), c.figure(), c.threshold(), c.met())).toList(), a.getNote(), a.getSubmittedBy(),
          a.getSubmittedAt());
    }
  }

  /** An uploaded assessment report. */
  @Schema(name = "AiServiceReport")
  public record ReportView(String id, String fileName, long size, @Schema(description = "存档原件的 SHA-256 The SHA-256 of the stored original") String sha256,
      String uploadedBy, Instant uploadedAt) {

    static ReportView of(ServiceReport r) {
      return new ReportView(r.getId(), r.getFileName(), r.getSize(), r.getSha256(), r.getUploadedBy(), r.getUploadedAt());
    }
  }

  /** One entry of a service's record: who did what, when. */
  @Schema(name = "AiServiceHistoryEntry")
  public record HistoryView(Instant at, String actor, @Schema(example = "ai-service.filed") String action, String detail) {
  }
}
