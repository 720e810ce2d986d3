package org.aipo.selection;

import org.aipo.common.DomainException;
import org.aipo.common.Text;
import org.aipo.proposal.Proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of review groups (分组评审, docs/adr/0020), on plain lists so that the server and process tests share them.
 * Forming: the eligible proposals of each field (fields in code order) are sorted by their sub-field — the first of
 * the call's published scenarios the proposal answers (its particulars, ADR 0023; proposals answering none come
 * last) — then by a keyword key (the title, case-folded), submission time and id, and cut into the fewest groups of
 * at most {@code maxGroupSize}, balanced, so that proposals of one scenario sit in as few groups as the sizes allow (45 proposals at 20 make 15/15/15; 41 make 14/14/13). Moving: a proposal moves
 * to another group of the same field and round, with a reason, while no group of the round is drawn; the target
 * may not exceed the maximum and the source may not become empty.
 */
public final class ReviewGrouping {

  private ReviewGrouping() {
  }

  /** Groups formed for one field, in order. */
  public record Formed(String field, List<Proposal> proposals) {
  }

  public static List<Formed> form(List<Proposal> eligible, int maxGroupSize) {
    Map<String, List<Proposal>> byField = new TreeMap<>();
    eligible.forEach(p -> byField.computeIfAbsent(p.content().field(), f -> new ArrayList<>()).add(p));
    List<Formed> groups = new ArrayList<>();
    for (Map.Entry<String, List<Proposal>> field : byField.entrySet()) {
      List<Proposal> sorted = new ArrayList<>(field.getValue());
      sorted.sort(Comparator.comparing(ReviewGrouping::subField)
          .thenComparing((Proposal p) -> p.content().title().trim().toLowerCase(Locale.ROOT))
          .thenComparing(p -> p.getSubmittedAt() == null ? Instant.MAX : p.getSubmittedAt()).thenComparing(Proposal::getId));
      for (List<Proposal> slice : balanced(sorted, maxGroupSize)) {
        groups.add(new Formed(field.getKey(), slice));
      }
    }
    return groups;
  }

  /** The sort key of a proposal's sub-field: its first scenario, case-folded; after every scenario when it names none. */
  static String subField(Proposal proposal) {
    List<String> scenarios = proposal.particulars().scenarios();
    return scenarios.isEmpty() ? "\uffff" : scenarios.get(0).strip().toLowerCase(Locale.ROOT);
  }

  /** The fewest slices of at most {@code max}, sizes differing by at most one, larger first. */
  static <T> List<List<T>> balanced(List<T> items, int max) {
    List<List<T>> slices = new ArrayList<>();
    if (items.isEmpty()) {
      return slices;
    }
    int count = (items.size() + max - 1) / max;
    int base = items.size() / count;
    int larger = items.size() % count;
    int at = 0;
    for (int i = 0; i < count; i++) {
      int size = base + (i < larger ? 1 : 0);
      slices.add(List.copyOf(items.subList(at, at + size)));
      at += size;
    }
    return slices;
  }

  /**
   * Moves a proposal between two groups of the same round (the office, before the draw). Returns the group it left.
   * Refused: a blank reason (400 reason), an unknown target (400 toGroup), a proposal in no group (400 proposalId),
   * another field or the same group (400 toGroup), a full target (409), an emptied source (409), a drawn round (409).
   */
  public static ReviewGroup move(List<ReviewGroup> round, String proposalId, Integer toGroup, String reason, int maxGroupSize) {
    Text.required(reason, "reason", 1000);
    if (proposalId == null || proposalId.isBlank()) {
      throw DomainException.badInput("review-group.proposal-required", "proposalId", "请指明要调整的申报书", "proposalId is required");
    }
    if (toGroup == null) {
      throw DomainException.badInput("review-group.target-required", "toGroup", "请指明目标评审组编号", "toGroup: the number of the target group is required");
    }
    if (round.isEmpty()) {
      throw DomainException.conflict("review-group.none", null, "该指南当前没有评审组", "the call has no review groups now");
    }
    if (round.stream().anyMatch(g -> g.getRequestId() != null)) {
      throw DomainException.conflict("review-group.drawn", null, "评审组已抽取专家，不能再调整", "the review groups have been drawn; proposals can no longer move");
    }
    ReviewGroup from = round.stream().filter(g -> g.getProposalIds().contains(proposalId)).findFirst()
        .orElseThrow(() -> DomainException.badInput("review-group.proposal-unknown", "proposalId", "申报书 " + proposalId + " 不在任何评审组中",
            "proposalId: " + proposalId + " is in no review group of the call"));
    ReviewGroup to = round.stream().filter(g -> g.getGroupNo() == toGroup).findFirst()
        .orElseThrow(() -> DomainException.badInput("review-group.unknown", "toGroup", "没有第 " + toGroup + " 评审组", "toGroup: no review group " + toGroup));
    if (to == from) {
      throw DomainException.badInput("review-group.same", "toGroup", "申报书已在第 " + toGroup + " 评审组", "toGroup: the proposal is already in group " + toGroup);
    }
    if (!to.getField().equals(from.getField())) {
      throw DomainException.badInput("review-group.other-field", "toGroup", "只能在同一领域的评审组之间调整（第 " + toGroup + " 组属于 " + to.getField() + "）",
          "toGroup: group " + toGroup + " is of the field " + to.getField() + ", not " + from.getField());
    }
    if (to.getProposalIds().size() >= maxGroupSize) {
      throw DomainException.conflict("review-group.full", "toGroup", "第 " + toGroup + " 评审组已有 " + maxGroupSize + " 项，达到上限",
          "group " + toGroup + " already holds the maximum of " + maxGroupSize + " proposals");
    }
    if (from.getProposalIds().size() <= 1) {
      throw DomainException.conflict("review-group.would-empty", "proposalId", "调出后第 " + from.getGroupNo() + " 评审组将为空",
          "group " + from.getGroupNo() + " would be left empty");
    }
    from.remove(proposalId);
    to.add(proposalId);
    return from;
  }

  /** Whether the office must look at the groups before the draw: some field is split into more than one group. */
  public static boolean needsConfirmation(List<ReviewGroup> round) {
    return round.stream().map(ReviewGroup::getField).distinct().count() < round.size();
  }
}
