package org.aipo.review;

import org.aipo.expert.PoolMember;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The draw of every review group of a call as one recorded draw (分组评审, docs/adr/0020). One seed for the call; the
 * groups are drawn in their fixed order, group {@code k} with the {@code k}-th {@code nextLong()} of a {@link Random}
 * seeded by the call's seed, each with {@link ExpertDraw} over the group's own avoidance (the union of its proposals').
 * An expert counts against the cap for every group on whose panel <em>or reserve list</em> they were drawn, so a
 * reserve who later takes a declined seat can never push an expert over {@code maxGroupsPerExpert}; an expert at
 * the cap is set aside in later groups with {@link ExpertDraw#CAP_REASON}. The same seed, pool and groups always give
 * the same result, which is what the call-level replay checks.
 */
public final class GroupDraw {

  private GroupDraw() {
  }

  /** A group as the draw sees it: its field, its avoidance, panel size and reserves. */
  public record Group(String field, List<PoolMember> pool, Avoidance avoidance, int panelSize, int reserves) {
  }

  /** One group's draw: its own seed, the experts the cap kept out, and the result. */
  public record Drawn(long seed, Set<String> capped, ExpertDraw.Result result) {
  }

  /** Draws the groups in order, each from its pool (the field's active experts). */
  public static List<Drawn> draw(List<Group> groups, int maxGroupsPerExpert, long callSeed) {
    Random seeds = new Random(callSeed);
    Map<String, Integer> groupsOf = new HashMap<>();
    List<Drawn> drawn = new ArrayList<>();
    for (Group group : groups) {
      long seed = seeds.nextLong();
      Set<String> capped = new TreeSet<>();
      for (PoolMember member : group.pool()) {
        if (groupsOf.getOrDefault(member.expertId(), 0) >= maxGroupsPerExpert) {
          capped.add(member.expertId());
        }
      }
      ExpertDraw.Result result = ExpertDraw.draw(group.pool(), group.field(), group.avoidance(), capped,
          group.panelSize(), group.reserves(), seed);
      result.panel().forEach(e -> groupsOf.merge(e, 1, Integer::sum));
      result.reserves().forEach(e -> groupsOf.merge(e, 1, Integer::sum));
      drawn.add(new Drawn(seed, Set.copyOf(capped), result));
    }
    return drawn;
  }
}
