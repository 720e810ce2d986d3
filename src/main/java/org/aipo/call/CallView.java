package org.aipo.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call as the API shows it, to the office and to applicants. */
@Schema(name = "Call")
public record CallView(String id, String title, List<String> fields,
    @Schema(description = "每个领域的中英文名称 Each field's name in Chinese and English, e.g. \"机器人 Robotics\"") Map<String, String> fieldNames,
    Instant opensAt, Instant closesAt, BigDecimal budget, BigDecimal maxAward, int awardCount, String stage, int panelSize,
    int projectMonths, List<String> scenarios, int adverseAcceptanceYears, List<Criterion> criteria, String fundingPool,
    Instant noticeClosesAt,
    @Schema(description = "申报所用模型须已备案 Every model a proposal uses must be filed") boolean requiresFiledModels,
    @Schema(description = "申报须提交的材料 The documents a proposal carries") List<DocumentRule> documentKinds,
    @Schema(description = "每个评审组的项目数上限 At most this many proposals a review group", example = "20") int maxGroupSize,
    @Schema(description = "每位专家参与本指南评审组数上限 No expert on more than this many groups of the call", example = "2") int maxGroupsPerExpert,
    @Schema(description = "同一领域各组的合并规则 How the groups of a field are merged", enumeration = {"NORMALISED", "RANK_IN_GROUP"}) String mergeRule) {

  /** A kind of document the call asks for: required or not, size and count limits (every file a PDF). */
  @Schema(name = "CallDocumentKind")
  public record DocumentRule(@Schema(example = "application") String kind, @Schema(example = "申报书 Application document") String name,
      boolean required, @Schema(example = "10") int maxMegabytes, @Schema(example = "1") int maxCount) {
  }

  /** A review criterion of the call. */
  @Schema(name = "CallCriterion")
  public record Criterion(String code, String name, int weight) {
  }

  public static CallView of(Call call) {
    Map<String, String> names = new LinkedHashMap<>();
    call.getFields().forEach(f -> names.put(f, org.aipo.expert.Fields.name(f)));
    return new CallView(call.getId(), call.getTitle(), List.copyOf(call.getFields()), names, call.getOpensAt(), call.getClosesAt(),
        call.getBudget(), call.getMaxAward(), call.getAwardCount(), call.getStage().name(), call.getPanelSize(), call.getProjectMonths(),
        List.copyOf(call.getScenarios()), call.getAdverseAcceptanceYears(),
        call.getCriteria().stream().map(c -> new Criterion(c.getCode(), c.getName(), c.getWeight())).toList(), call.getFundingPool(),
        call.getNoticeClosesAt(), call.isRequiresFiledModels(), call.getDocumentKinds().stream()
            .map(k -> new DocumentRule(k.getKind(), k.getLabel(), k.isRequired(), k.getMaxMegabytes(), k.getMaxCount())).toList(),
        call.getMaxGroupSize(), call.getMaxGroupsPerExpert(), call.getMergeRule().name());
  }
}
