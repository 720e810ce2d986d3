package org.aipo.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.aipo.common.DomainException;

/**
 * What may be done to many tasks at once (issue 28): decisions that need no individual judgement, and claiming,
 * unclaiming and reassigning. Scores, leadership approvals, objection answers and the other decisions that need
 * reading are not here: {@link #parse} refuses them with 400 naming {@code kind}.
 */
public enum BulkKind {
  /** 形式审查“符合条件”：{@code userTask_formalCheck} with decision eligible and the common comment as reasons. */
  FORMAL_CHECK_ELIGIBLE("formal-check-eligible", "userTask_formalCheck"),
  /** 算力券审核“同意”：{@code userTask_reviewVoucher} approved, the comment as the office's comment; the pool decides. */
  VOUCHER_APPROVE("voucher-approve", "userTask_reviewVoucher"),
  /**
   * 场景汇总“保持”：{@code userTask_consolidateScenarios} completed with the merges and rejections as the form shows them
   * (none the first time; after a return, the office's earlier ones): every other nomination is kept.
   */
  SCENARIO_KEEP("scenario-keep", "userTask_consolidateScenarios"),
  /** 认领：any open task of the caller's groups, not yet assigned (e.g. a batch of objections to answer). */
  CLAIM("claim", null),
  /** 退回认领：tasks assigned to the caller (the administrator: any). */
  UNCLAIM("unclaim", null),
  /** 改派：the office head (the administrator, camunda-admin) gives tasks to an official of a candidate group. */
  ASSIGN("assign", null);

  /** Kinds a client might try that need an individual judgement, named in the refusal. */
  static final java.util.Set<String> JUDGEMENTS = java.util.Set.of("score", "scores", "formal-check-ineligible", "formal-check-correction",
      "approve-awards", "approve-scenario-list", "leadership-approval", "answer-objection", "voucher-refuse", "expert-opinion");

  private final String code;
  private final String taskKey;

  BulkKind(String code, String taskKey) {
    this.code = code;
    this.taskKey = taskKey;
  }

  public String code() {
    return code;
  }

  /** The task definition key the kind completes, or null for claim, unclaim and assign (any task of the caller's groups). */
  public String taskKey() {
    return taskKey;
  }

  public boolean completes() {
    return taskKey != null;
  }

  public static BulkKind parse(String value) {
    String allowed = Arrays.stream(values()).map(BulkKind::code).collect(Collectors.joining(", "));
    if (value == null || value.isBlank()) {
      throw DomainException.badInput("field.required", "kind", "kind 为必填项（" + allowed + "）", "kind is required (" + allowed + ")");
    }
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (BulkKind kind : values()) {
      if (kind.code.equals(normalized)) {
        return kind;
      }
    }
    if (JUDGEMENTS.contains(normalized)) {
      throw DomainException.badInput("console.bulk-needs-judgement", "kind", "“" + value + "”需要逐件判断，不能批量办理；可批量的：" + allowed,
          "kind: " + value + " needs an individual judgement and cannot be done in bulk; in bulk: " + allowed);
    }
    throw DomainException.badInput("console.bulk-kind", "kind", "kind 须为 " + allowed + " 之一，而不是 " + value,
        "kind must be one of " + allowed + ", not " + value);
  }
}
