package org.aipo.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranking and funding of a call's reviewed proposals (docs/domain.md programme 2, step 5). Proposals that pass
 * the thresholds (decision {@code proposalThreshold}) are ranked by aggregated score within their field;
 * ties are broken by the call's ordered list of criteria (higher mean first), then by earlier submission.
 * Funding takes the fields' rank 1 proposals first (highest score first), then the rank 2 ones, and so on,
 * so that no field is starved, and stops at the first proposal that the remaining budget cannot cover or
 * when the number of awards is reached. Each award is the requested amount capped at the call's maximum.
 */
public final class Funding {

  private Funding() {
  }

  public record Candidate(String proposalId, String field, BigDecimal score, Map<String, BigDecimal> criterionMeans,
      BigDecimal requested, boolean passes, long submittedAtMillis) {
  }

  public enum Outcome { FUNDED, NOT_FUNDED_BUDGET, NOT_FUNDED_COUNT, BELOW_THRESHOLD }

  public record Decision(String proposalId, String field, int rankInField, Outcome outcome, BigDecimal award) {
  }

  public static List<Decision> allocate(List<Candidate> candidates, List<String> tieBreakCriteria, BigDecimal budget,
      BigDecimal maxAward, int awardCount) {
    Comparator<Candidate> byRank = Comparator.comparing(Candidate::score).reversed();
    for (String criterion : tieBreakCriteria) {
      byRank = byRank.thenComparing(c -> c.criterionMeans().getOrDefault(criterion, BigDecimal.ZERO), Comparator.reverseOrder());
    }
    byRank = byRank.thenComparingLong(Candidate::submittedAtMillis);

    Map<String, List<Candidate>> byField = new TreeMap<>();
    List<Decision> decisions = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.passes()) {
        byField.computeIfAbsent(candidate.field(), f -> new ArrayList<>()).add(candidate);
      } else {
        decisions.add(new Decision(candidate.proposalId(), candidate.field(), 0, Outcome.BELOW_THRESHOLD, BigDecimal.ZERO));
      }
    }
    Map<Candidate, Integer> rank = new LinkedHashMap<>();
    int deepest = 0;
    for (List<Candidate> field : byField.values()) {
      field.sort(byRank);
      for (int i = 0; i < field.size(); i++) {
        rank.put(field.get(i), i + 1);
      }
      deepest = Math.max(deepest, field.size());
    }
    List<Candidate> fundingOrder = new ArrayList<>();
    for (int position = 0; position < deepest; position++) {
      List<Candidate> tier = new ArrayList<>();
      for (List<Candidate> field : byField.values()) {
        if (position < field.size()) {
          tier.add(field.get(position));
        }
      }
      tier.sort(byRank);
      fundingOrder.addAll(tier);
    }

    BigDecimal remaining = budget;
    int awarded = 0;
    boolean budgetExhausted = false;
    for (Candidate candidate : fundingOrder) {
      BigDecimal award = candidate.requested().min(maxAward);
      Outcome outcome;
      if (awarded >= awardCount) {
        outcome = Outcome.NOT_FUNDED_COUNT;
      } else if (budgetExhausted || award.compareTo(remaining) > 0) {
        budgetExhausted = true;
        outcome = Outcome.NOT_FUNDED_BUDGET;
      } else {
        outcome = Outcome.FUNDED;
        remaining = remaining.subtract(award);
        awarded++;
      }
      decisions.add(new Decision(candidate.proposalId(), candidate.field(), rank.get(candidate), outcome,
          outcome == Outcome.FUNDED ? award : BigDecimal.ZERO));
    }
    return decisions;
  }
}
