package org.aipo.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The console's answers for a scenario round, a voucher round and a spot-check campaign at a glance (issue 28). */
public final class RoundViews {

  private RoundViews() {
  }

  /** A round or campaign the console can show: scenario round, voucher round or spot-check campaign. */
  @Schema(name = "ConsoleRoundChoice")
  public record RoundChoice(@Schema(enumeration = {"scenario-round", "voucher-round", "spot-check-campaign"}) String kind, String id, String title,
      @Schema(description = "阶段或状态 The round's stage or status") String status, Instant startedAt) {
  }

  /** The recent rounds and campaigns, newest first (at most 50 of each kind). */
  @Schema(name = "ConsoleRounds")
  public record Rounds(List<RoundChoice> scenarioRounds, List<RoundChoice> voucherRounds, List<RoundChoice> campaigns) {
  }

  /** An open task of a round's own process (nominations, consolidation, approval, objections). */
  @Schema(name = "ConsoleOpenTask")
  public record OpenTaskView(String taskId, String taskName, String taskKey, String taskAssignee,
      @Schema(description = "任务列表中的任务 The task in Tasklist") String tasklistUrl) {
  }

  /** One nominated scenario of a round. */
  @Schema(name = "ConsoleScenarioItem")
  public record ScenarioItem(String id, @Schema(description = "轮次内编号 The label in the round, N1, N2…") String label,
      @Schema(description = "列入清单后的公开编号 The public code once listed") String code, String title, String field, String demandOwner,
      @Schema(description = "推荐单位（用户） The nominating unit's user id") String nominatingUnit,
      @Schema(description = "推荐单位名称 The nominating unit's name") String nominatingUnitName,
      @Schema(description = "NOMINATED, MERGED, REJECTED, LISTED") String status, @Schema(description = "被合并入 Merged into (label)") String mergedInto,
      @Schema(description = "合并或不予收录的理由 Why merged or rejected") String reason,
      @Schema(description = "风险等级 Risk tier: high, medium, low") String riskTier, String supervisionMode, BigDecimal reviewScore,
      Instant nominatedAt,
      @Schema(description = "就本场景待办的任务（汇总整理、审定、异议） The round's open task that decides about it") String taskId, String taskName,
      String taskKey, String taskAssignee, @Schema(description = "任务列表中的任务 The task in Tasklist") String tasklistUrl) {
  }

  /** A scenario round's nominations, filtered and sorted, with the counts per status and the round's open tasks. */
  @Schema(name = "ConsoleScenarioRoundOverview")
  public record ScenarioRoundOverview(String roundId, String theme, String stage, int total, Map<String, Long> byStatus, List<OpenTaskView> tasks,
      List<ScenarioItem> items) {
  }

  /** One voucher application of a round with its ledger figures. */
  @Schema(name = "ConsoleVoucherApplication")
  public record VoucherApplication(String id, @Schema(description = "算力券编号 The voucher number once issued") String number, String firm,
      String organisationId, String supplier, @Schema(description = "TRAINING, INFERENCE") String use,
      @Schema(description = "申请（按规则计算）的补贴金额 The amount asked, as the subsidy rule computed it") BigDecimal amountAsked,
      @Schema(description = "预留（核准）金额 The amount reserved from the pool on approval") BigDecimal amountApproved,
      @Schema(description = "已兑付 Paid") BigDecimal paid,
      @Schema(description = "释放或失效退回资金池 Released or lapsed back to the pool") BigDecimal returned,
      @Schema(description = "APPLIED, REFUSED, ISSUED, REDEMPTION_SUBMITTED, REDEEMED, LAPSED") String status, Instant appliedAt, Instant expiresAt,
      String taskId, String taskName, String taskKey, String taskAssignee,
      @Schema(description = "任务列表中的任务 The task in Tasklist") String tasklistUrl) {
  }

  /** A voucher round's applications, filtered and sorted, with its pool as the ledger says. */
  @Schema(name = "ConsoleVoucherRoundOverview")
  public record VoucherRoundOverview(String roundId, String name, String programme, String roundStatus, BigDecimal poolTotal,
      @Schema(description = "余额 = 台账之和 Balance = the ledger's sum") BigDecimal balance, BigDecimal reserved, int issuedCount,
      BigDecimal paidAmount, BigDecimal lapsedAmount, int total, Map<String, Long> byStatus, List<VoucherApplication> applications) {
  }

  /** One drawn inspection of a campaign. */
  @Schema(name = "ConsoleSpotCheckInspection")
  public record InspectionRow(String id, String serviceId, String serviceName, String organisationName,
      @Schema(description = "HIGH, MEDIUM, LOW") String tier, List<String> inspectors,
      @Schema(description = "DRAWN, RECTIFYING, FOLLOW_UP, CLOSED") String status,
      @Schema(description = "PASSED, FINDINGS, RECTIFIED, NOT_RECTIFIED") String result, String findings, String inspectedBy, Instant inspectedAt,
      Instant rectificationDue, boolean rectificationLate, Instant publishedAt, String taskId, String taskName, String taskKey, String taskAssignee,
      @Schema(description = "任务列表中的任务 The task in Tasklist") String tasklistUrl) {
  }

  /** A campaign's inspections, filtered and sorted, with the counts per status and per result. */
  @Schema(name = "ConsoleSpotCheckCampaignOverview")
  public record CampaignOverview(String campaignId, String name, Instant startedAt, int total, Map<String, Long> byStatus,
      Map<String, Long> byResult, List<InspectionRow> inspections) {
  }
}
