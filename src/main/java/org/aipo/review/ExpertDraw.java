package org.aipo.review;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The random draw of a review panel from the expert pool (专家抽取), reproducible for audit: the pool
 * in the field is put in expert-id order, experts to avoid are set aside with their reason, and the
 * rest are shuffled (Fisher-Yates) with {@link Random} seeded by the stored seed, whose sequence the
 * Java specification fixes. The first {@code panelSize} form the panel, the next {@code reserves} the
 * reserves, in that order. The same seed and pool snapshot always give the same result.
 */
public final class ExpertDraw {

  private ExpertDraw() {
  }

  public enum Outcome { PANEL, RESERVE, NOT_DRAWN, AVOIDED }

  /** Every expert of the field considered, with what became of them. */
  public record Candidate(String expertId, Outcome outcome, int position, String reason) {
  }

  public record Result(long seed, String field, int panelSize, List<Candidate> candidates) {

    public List<String> panel() {
      return idsWith(Outcome.PANEL);
    }

    public List<String> reserves() {
      return idsWith(Outcome.RESERVE);
    }

    /** Seats left empty because too few experts are eligible after avoidance (0 normally). */
    public int shortfall() {
      return panelSize - panel().size();
    }

    private List<String> idsWith(Outcome outcome) {
      return candidates.stream().filter(c -> c.outcome() == outcome)
          .sorted(Comparator.comparingInt(Candidate::position)).map(Candidate::expertId).toList();
    }
  }

  /** Checks the panel size against the rules and the pool before anything is drawn. */
  public static void validate(int panelSize, int reserves, long expertsInField) {
    if (panelSize < 3 || panelSize % 2 == 0) {
      throw DomainException.badInput("review.panel-size", "panelSize", "专家组人数须为不少于 3 的奇数，而不是 " + panelSize, "panelSize must be odd and at least 3, not " + panelSize);
    }
    if (reserves < 0) {
      throw DomainException.badInput("review.reserves", "reserves", "候补人数不能为负数，而不是 " + reserves, "reserves must not be negative, not " + reserves);
    }
    if (panelSize > expertsInField) {
      throw DomainException.badInput("review.too-few-experts", "panelSize", "专家组人数 " + panelSize + " 超过该领域在库专家数 " + expertsInField,
          "panelSize " + panelSize + " is larger than the " + expertsInField + " active experts in the field");
    }
  }

  public static Result draw(List<PoolMember> pool, String field, Avoidance avoidance, int panelSize, int reserves, long seed) {
    return draw(pool, field, avoidance, java.util.Set.of(), panelSize, reserves, seed);
  }

  /** The reason given to an expert set aside because they already sit on the call's maximum of groups. */
  public static final String CAP_REASON = "already on the maximum number of review groups of this call 已达本次评审组数上限";

  /**
   * The draw of one group of a call (grouped review, docs/adr/0020): as {@link #draw(List, String, Avoidance, int, int, long)},
   * and the experts in {@code capped} (already on the call's maximum of groups) are set aside like avoided ones.
   */
  public static Result draw(List<PoolMember> pool, String field, Avoidance avoidance, java.util.Set<String> capped, int panelSize,
      int reserves, long seed) {
    List<PoolMember> inField = pool.stream().filter(m -> m.fields().contains(field))
        .sorted(Comparator.comparing(PoolMember::expertId)).toList();
    validate(panelSize, reserves, inField.size());

    List<Candidate> candidates = new ArrayList<>();
    List<PoolMember> eligible = new ArrayList<>();
    for (PoolMember member : inField) {
      Optional<String> reason = avoidance.reasonFor(member);
      if (reason.isEmpty() && capped.contains(member.expertId())) {
        reason = Optional.of(CAP_REASON);
      }
      if (reason.isPresent()) {
        candidates.add(new Candidate(member.expertId(), Outcome.AVOIDED, 0, reason.get()));
      } else {
        eligible.add(member);
      }
    }
    Random random = new Random(seed);
    for (int i = eligible.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      PoolMember swap = eligible.get(i);
      eligible.set(i, eligible.get(j));
      eligible.set(j, swap);
    }
    for (int i = 0; i < eligible.size(); i++) {
      Outcome outcome = i < panelSize ? Outcome.PANEL : i < panelSize + reserves ? Outcome.RESERVE : Outcome.NOT_DRAWN;
      candidates.add(new Candidate(eligible.get(i).expertId(), outcome, i + 1, null));
    }
    return new Result(seed, field, panelSize, List.copyOf(candidates));
  }
}
