package org.aipo.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an auditor's replay of a review panel's draw found (抽取复核). The draw is recomputed from the stored seed and
 * pool snapshot ({@link ReviewRequest#replayDraw()}) and compared, candidate by candidate, with what was stored when
 * it was drawn: outcome (panel, reserve, not drawn, avoided), position and avoidance reason. Then every expert who
 * entered the review after the draw (a reserve on a seat after a decline or an expired invitation, a reserve for an
 * item after a conflict or a late scorer, or an expert seated by the secretariat) is traced to the drawn reserve list:
 * reserves must have been taken in draw order. {@code matches} holds when both hold; {@code differences} says, in
 * English and Chinese, what differs.
 */
public record DrawVerdict(String requestId, String field, Long seed, Instant drawnAt, boolean drawMatches,
    boolean reservesUsedInOrder, boolean matches, List<String> differences, List<String> panel, List<String> reserves,
    List<Replacement> replacements) {

  /** An expert involved after the draw; {@code reservePosition} is their place on the reserve list, null if appointed by hand. */
  public record Replacement(String expertId, Integer reservePosition, String source) {
  }

  static DrawVerdict of(ReviewRequest request) {
    ExpertDraw.Result replayed = request.replayDraw();
    List<String> differences = new ArrayList<>();

    Map<String, ReviewRequest.DrawCandidate> stored = new HashMap<>();
    request.getDrawCandidates().forEach(c -> stored.put(c.getExpertId(), c));
    Map<String, ExpertDraw.Candidate> again = new HashMap<>();
    replayed.candidates().forEach(c -> again.put(c.expertId(), c));
    for (String expert : new TreeSet<>(union(stored.keySet(), again.keySet()))) {
      ReviewRequest.DrawCandidate before = stored.get(expert);
      ExpertDraw.Candidate now = again.get(expert);
      if (before == null) {
        differences.add(expert + ": not in the stored draw, replayed " + describe(now.outcome(), now.position())
            + " 存档中无此专家，重算为 " + describe(now.outcome(), now.position()));
      } else if (now == null) {
        differences.add(expert + ": stored " + describe(before.getOutcome(), before.getPosition())
            + ", absent from the replay (not in the pool snapshot) 存档有此专家，重算中没有（快照中无此人）");
      } else if (before.getOutcome() != now.outcome() || before.getPosition() != now.position()
          || !Objects.equals(blankToNull(before.getReason()), blankToNull(now.reason()))) {
        differences.add(expert + ": stored " + describe(before.getOutcome(), before.getPosition()) + reason(before.getReason())
            + ", replayed " + describe(now.outcome(), now.position()) + reason(now.reason())
            + " 存档与重算不一致");
      }
    }
    boolean drawMatches = differences.isEmpty();

    List<String> panel = replayed.panel();
    List<String> reserves = replayed.reserves();
    Set<String> firstSeated = new LinkedHashSet<>();
    for (Seat seat : request.getSeats()) {
      if (!seat.getInvitations().isEmpty()) {
        firstSeated.add(seat.getInvitations().get(0).getExpertId());
      }
    }
    Set<String> later = new LinkedHashSet<>();
    for (Seat seat : request.getSeats()) {
      seat.getInvitations().stream().skip(1).forEach(i -> later.add(i.getExpertId()));
    }
    request.getAssignments().stream().map(Assignment::getExpertId)
        .filter(e -> e != null && !firstSeated.contains(e)).forEach(later::add);
    List<Replacement> replacements = new ArrayList<>();
    for (String expert : later) {
      int at = reserves.indexOf(expert);
      replacements.add(at >= 0 ? new Replacement(expert, at + 1, "reserve 候补")
          : new Replacement(expert, null, "appointed by the secretariat 秘书处指定"));
    }
    List<Integer> used = replacements.stream().map(Replacement::reservePosition).filter(Objects::nonNull)
        .sorted(Comparator.naturalOrder()).toList();
    boolean inOrder = true;
    for (int i = 0; i < used.size(); i++) {
      if (used.get(i) != i + 1) {
        inOrder = false;
        differences.add("reserve #" + (i + 1) + " (" + (i < reserves.size() ? reserves.get(i) : "?")
            + ") was passed over while reserve #" + used.get(i) + " was seated 候补未按抽取顺序递补");
        break;
      }
    }
    for (String expert : firstSeated) {
      if (!panel.contains(expert) && !reserves.contains(expert)) {
        // a seat left empty by a shortfall is filled by hand; anything else on a first invitation must be the panel
        if (panel.size() >= request.getPanelSize()) {
          inOrder = false;
          differences.add(expert + " was invited to a seat but is not on the replayed panel 受邀专家不在重算的专家组中");
        }
      }
    }
    return new DrawVerdict(request.getId(), request.getField(), request.getDrawSeed(), request.getDrawnAt(), drawMatches,
        inOrder, drawMatches && inOrder, List.copyOf(differences), panel, reserves, List.copyOf(replacements));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String describe(ExpertDraw.Outcome outcome, int position) {
    return outcome == ExpertDraw.Outcome.AVOIDED ? "AVOIDED" : outcome + " #" + position;
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
