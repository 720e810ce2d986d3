package org.aipo.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An auditor's replay of the draw of every review group of a call as one (分组评审抽取复核, docs/adr/0020): the whole
 * draw is recomputed from the call's seed, each group's pool snapshot and avoidance, in the stored order and with the
 * stored cap ({@link GroupDraw}); each group's seed and capped experts must equal the recomputed ones, each group's
 * own {@link DrawVerdict} must match (same candidates, reserves used in order), and no expert may have served on more
 * groups than the cap. {@code differences} says, in English and Chinese, what differs.
 */
public record GroupDrawVerdict(String batch, Long callSeed, Integer maxGroupsPerExpert, int groups, boolean matches,
    List<String> differences, List<DrawVerdict> groupVerdicts) {

  static GroupDrawVerdict of(String batch, List<ReviewRequest> requests) {
    List<String> differences = new ArrayList<>();
    ReviewRequest first = requests.get(0);
    Long callSeed = first.getBatchSeed();
    Integer cap = first.getGroupCap();
    for (ReviewRequest request : requests) {
      if (!Objects.equals(callSeed, request.getBatchSeed()) || !Objects.equals(cap, request.getGroupCap())) {
        differences.add("group " + request.getDrawBatchOrder() + " (" + request.getId() + ") stores another call seed or cap 该组存档的抽取种子或上限与其他组不同");
      }
    }
    List<GroupDraw.Group> groups = requests.stream().map(r -> new GroupDraw.Group(r.getField(), ReviewRequest.readSnapshot(r.getPoolSnapshot()),
        r.avoidance(), r.getPanelSize(), r.getReserves())).toList();
    List<GroupDraw.Drawn> again = GroupDraw.draw(groups, cap, callSeed);
    List<DrawVerdict> verdicts = new ArrayList<>();
    Map<String, Set<Integer>> served = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      ReviewRequest request = requests.get(i);
      GroupDraw.Drawn drawn = again.get(i);
      String group = "group " + (i + 1) + " (" + request.getId() + ")";
      if (!Objects.equals(request.getDrawBatchOrder(), i + 1)) {
        differences.add(group + ": stored order " + request.getDrawBatchOrder() + " 存档顺序不一致");
      }
      if (!Objects.equals(request.getDrawSeed(), drawn.seed())) {
        differences.add(group + ": stored seed " + request.getDrawSeed() + ", derived from the call seed " + drawn.seed() + " 该组种子与由总种子推出的不一致");
      }
      if (!new TreeSet<>(request.getCapExcluded()).equals(new TreeSet<>(drawn.capped()))) {
        differences.add(group + ": experts kept out by the cap stored " + new TreeSet<>(request.getCapExcluded()) + ", replayed "
            + new TreeSet<>(drawn.capped()) + " 因上限排除的专家不一致");
      }
      DrawVerdict verdict = request.drawVerdict();
      verdict.differences().forEach(d -> differences.add(group + ": " + d));
      verdicts.add(verdict);
      Set<String> involved = new HashSet<>();
      request.getSeats().forEach(s -> s.getInvitations().forEach(inv -> involved.add(inv.getExpertId())));
      request.getAssignments().forEach(a -> {
        if (a.getExpertId() != null) {
          involved.add(a.getExpertId());
        }
      });
      for (String expert : involved) {
        served.computeIfAbsent(expert, e -> new TreeSet<>()).add(i + 1);
      }
    }
    served.forEach((expert, inGroups) -> {
      if (cap != null && inGroups.size() > cap) {
        differences.add(expert + " served on groups " + inGroups + ", more than the cap of " + cap + " 专家参与的评审组数超过上限");
      }
    });
    return new GroupDrawVerdict(batch, callSeed, cap, requests.size(), differences.isEmpty(), List.copyOf(differences), List.copyOf(verdicts));
  }
}
