package org.aipo.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The console's requests and answers (issue 28). */
public final class ConsoleViews {

  private ConsoleViews() {
  }

  /** One bulk request: the same kind for every task, one common comment. */
  @Schema(name = "ConsoleBulkRequest")
  public record BulkRequest(
      @NotBlank @Schema(description = "formal-check-eligible, voucher-approve, scenario-keep, claim, unclaim, assign", example = "formal-check-eligible") String kind,
      @NotEmpty @Size(max = ConsoleResource.MAX_TASKS) @Schema(example = "[\"3f0c2a9e-0000-0000-0000-000000000001\"]") List<@NotBlank String> taskIds,
      @Size(max = 2000) @Schema(description = "共同意见，记入每件任务 The common comment, recorded with every task", example = "材料齐全，符合申报条件")
      String comment,
      @Schema(description = "改派给（仅 assign） The official to assign to (assign only)", example = "office") String assignee) {
  }

  /** What happened to one task. */
  @Schema(name = "ConsoleBulkItem")
  public record BulkItem(String taskId, boolean succeeded, String code, String zh, String en) {
  }

  /** The answer to a bulk request: every task in the order sent. */
  @Schema(name = "ConsoleBulkResult")
  public record BulkResult(String kind, int succeeded, int failed, List<BulkItem> items) {
  }

  /** One proposal of a call as the console lists it. */
  @Schema(name = "ConsoleProposalRow")
  public record ProposalRow(String id, String title, String organisation, String field, String status,
      @Schema(description = "形式审查结论 The formal check: PENDING, ELIGIBLE, CORRECTION, INELIGIBLE, or null before submission") String formalCheck,
      BigDecimal score, Integer rankInField, BigDecimal award, BigDecimal budget, Instant submittedAt,
      @Schema(description = "打开的任务 The open task, if any") String taskId, String taskName, String taskKey, String taskAssignee,
      @Schema(description = "任务列表中的任务 The task in Tasklist") String tasklistUrl) {
  }

  /** A call's proposals, filtered and sorted, with the counts per status of the whole call. */
  @Schema(name = "ConsoleCallOverview")
  public record CallOverview(String callId, String callTitle, int total, java.util.Map<String, Long> byStatus, List<ProposalRow> proposals) {
  }
}
