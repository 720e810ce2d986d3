package org.aipo.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.review.DrawVerdict;
import org.aipo.review.ReviewService;
import org.aipo.supervision.SpotCheckCampaign;
import org.aipo.supervision.SpotCheckDraw;
import org.aipo.supervision.SpotChecks;

/**
 * Every recorded random draw, for auditors (issue 26): review panels (with reserves and replacements) and spot-check
 * campaigns, each replayed by its owner from the stored seed and pool snapshot. A replay is itself recorded in the
 * audit log of the draw's subject, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class DrawRegister {

  public static final String REVIEW = "review";
  public static final String SPOT_CHECK = "spot-check";
  /** The draw of every review group of a call as one (grouped review, docs/adr/0020); its id is the call's id. */
  public static final String CALL_GROUPS = "call-groups";
  public static final String ACTION_CALL_GROUPS_REPLAYED = "call.review-groups-draw-replayed";
  public static final String ACTION_REVIEW_REPLAYED = "review.draw-replayed";

  /** One recorded draw: what it drew for, its seed and when; {@code callIds} are the calls of the proposals a review panel scored. */
  public record Draw(String kind, String id, String title, String field, String seed, Instant drawnAt, List<String> callIds) {
  }

  /** A replay's verdict in one shape for both kinds; {@code review} or {@code spotCheck} holds the owner's full answer. */
  public record Verdict(String kind, String id, String seed, boolean matches, List<String> differences, DrawVerdict review,
      SpotCheckReplay spotCheck, @org.eclipse.microprofile.openapi.annotations.media.Schema(description =
          "call-groups：整次分组抽取的重算 the replay of a call's whole draw of review groups") org.aipo.review.GroupDrawVerdict callGroups) {

    Verdict(String kind, String id, String seed, boolean matches, List<String> differences, DrawVerdict review, SpotCheckReplay spotCheck) {
      this(kind, id, seed, matches, differences, review, spotCheck, null);
    }
  }

  /** The spot-check replay: stored and replayed lines, and whether today's pool still equals the snapshot. */
  public record SpotCheckReplay(boolean poolUnchanged, List<SpotCheckDraw.Drawn> stored, List<SpotCheckDraw.Drawn> replayed, String problem) {
  }

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  ReviewService reviews;

  @Inject
  SpotChecks spotChecks;

  @Inject
  AuditLog auditLog;

  /** Every drawn review request and every spot-check campaign, oldest first. */
  public List<Draw> draws() {
    Map<String, Set<String>> callsOf = new TreeMap<>();
    for (Object[] row : entityManager.createQuery("select i.request.id, p.callId from ReviewItem i, Proposal p "
        + "where p.id = i.reference and i.request.drawSeed is not null", Object[].class).getResultList()) {
      callsOf.computeIfAbsent((String) row[0], k -> new LinkedHashSet<>()).add((String) row[1]);
    }
    List<Draw> draws = new ArrayList<>();
    for (Object[] row : entityManager.createQuery("select r.id, r.title, r.field, r.drawSeed, r.drawnAt from ReviewRequest r "
        + "where r.drawSeed is not null", Object[].class).getResultList()) {
      String id = (String) row[0];
      draws.add(new Draw(REVIEW, id, (String) row[1], (String) row[2], String.valueOf(row[3]), (Instant) row[4],
          List.copyOf(callsOf.getOrDefault(id, Set.of()))));
    }
    // one entry per call with grouped draws (its latest round, which the replay of kind call-groups checks)
    Map<String, Object[]> latest = new TreeMap<>();
    // grouped in Java: DRAWN_AT is a serialised value on PostgreSQL (V1), which min() does not take
    Map<String, Object[]> batches = new TreeMap<>();
    for (Object[] request : entityManager.createQuery("select r.drawBatch, r.drawnAt, r.batchSeed from ReviewRequest r "
        + "where r.drawBatch is not null", Object[].class).getResultList()) {
      Object[] batch = batches.computeIfAbsent((String) request[0], b -> new Object[] {b, null, 0L, null});
      Instant drawnAt = (Instant) request[1];
      if (drawnAt != null && (batch[1] == null || drawnAt.isBefore((Instant) batch[1]))) {
        batch[1] = drawnAt;
      }
      batch[2] = (Long) batch[2] + 1;
      Long seed = (Long) request[2];
      if (seed != null && (batch[3] == null || seed < (Long) batch[3])) {
        batch[3] = seed;
      }
    }
    for (Object[] row : batches.values()) {
      String batch = (String) row[0];
      String callId = batch.substring(0, batch.lastIndexOf(':'));
      Object[] known = latest.get(callId);
      if (known == null || round((String) known[0]) < round(batch)) {
        latest.put(callId, row);
      }
    }
    latest.forEach((callId, row) -> draws.add(new Draw(CALL_GROUPS, callId, row[2] + " review group(s), round " + round((String) row[0]), null,
        String.valueOf(row[3]), (Instant) row[1], List.of(callId))));
    for (SpotCheckCampaign campaign : spotChecks.campaigns()) {
      draws.add(new Draw(SPOT_CHECK, campaign.getId(), campaign.getName(), null, campaign.getSeed(), campaign.getStartedAt(), List.of()));
    }
    draws.sort(Comparator.comparing(Draw::drawnAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Draw::id));
    return draws;
  }

  /**
   * Replays one draw and records that {@code actor} did, with the verdict. Runs outside a transaction of its own:
   * the owner's replay reads in one, and the record of the replay is written in another, so that a snapshot that no
   * longer replays at all (too few experts left in it) is recorded as a mismatch instead of rolling back.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Verdict replay(String kind, String id, String actor) {
    if (REVIEW.equals(kind)) {
      DrawVerdict verdict;
      try {
        verdict = reviews.replay(id);
      } catch (DomainException e) {
        if (e.code().endsWith("not-found") || e.code().endsWith("not-drawn")) {
          throw e;
        }
        String difference = "the stored snapshot no longer replays 存档快照无法重算: " + e.en() + " " + e.zh();
        auditLog.record(actor, ACTION_REVIEW_REPLAYED, ReviewService.SUBJECT_TYPE, id, "MISMATCH: " + difference);
        return new Verdict(REVIEW, id, null, false, List.of(difference), null, null);
      }
      auditLog.record(actor, ACTION_REVIEW_REPLAYED, ReviewService.SUBJECT_TYPE, id,
          verdict.matches() ? "matches" : ("MISMATCH: " + String.join("; ", verdict.differences())));
      return new Verdict(REVIEW, id, String.valueOf(verdict.seed()), verdict.matches(), verdict.differences(), verdict, null);
    }
    if (CALL_GROUPS.equals(kind)) {
      String batch = latestBatch(id);
      org.aipo.review.GroupDrawVerdict verdict;
      try {
        verdict = reviews.replayBatch(batch);
      } catch (DomainException e) {
        if (e.code().endsWith("not-found")) {
          throw e;
        }
        String difference = "the stored snapshots no longer replay 存档快照无法重算: " + e.en() + " " + e.zh();
        auditLog.record(actor, ACTION_CALL_GROUPS_REPLAYED, "call", id, "MISMATCH: " + difference);
        return new Verdict(CALL_GROUPS, id, null, false, List.of(difference), null, null, null);
      }
      auditLog.record(actor, ACTION_CALL_GROUPS_REPLAYED, "call", id,
          batch + ": " + (verdict.matches() ? "matches" : ("MISMATCH: " + String.join("; ", verdict.differences()))));
      return new Verdict(CALL_GROUPS, id, String.valueOf(verdict.callSeed()), verdict.matches(), verdict.differences(), null, null, verdict);
    }
    if (SPOT_CHECK.equals(kind)) {
      SpotChecks.ReplayOutcome outcome = spotChecks.replay(id, actor);
      SpotCheckDraw.Replay replay = outcome.replay();
      List<String> differences = new ArrayList<>();
      if (replay.problem() != null) {
        differences.add(replay.problem());
      }
      if (replay.stored() != null && replay.replayed() != null) {
        replay.stored().stream().filter(d -> !replay.replayed().contains(d))
            .forEach(d -> differences.add("stored, not replayed 存档有、重算无: " + line(d)));
        replay.replayed().stream().filter(d -> !replay.stored().contains(d))
            .forEach(d -> differences.add("replayed, not stored 重算有、存档无: " + line(d)));
        if (differences.isEmpty() && !replay.matches()) {
          differences.add("same draws in another order 抽取顺序不同");
        }
      }
      return new Verdict(SPOT_CHECK, id, spotChecks.campaign(id).getSeed(), replay.matches(), List.copyOf(differences), null,
          new SpotCheckReplay(outcome.poolUnchanged(), replay.stored(), replay.replayed(), replay.problem()));
    }
    throw DomainException.badInput("transparency.draw-kind", "kind", "抽取类型须为 review、call-groups 或 spot-check：" + kind,
        "kind must be review, call-groups or spot-check: " + kind);
  }

  private static int round(String batch) {
    return Integer.parseInt(batch.substring(batch.lastIndexOf(':') + 1));
  }

  /** The call's latest draw of review groups (the highest review round drawn). */
  private String latestBatch(String callId) {
    return entityManager.createQuery("select distinct r.drawBatch from ReviewRequest r where r.drawBatch like :call", String.class)
        .setParameter("call", callId + ":%").getResultList().stream().filter(b -> b.startsWith(callId + ":"))
        .max(Comparator.comparingInt(DrawRegister::round))
        .orElseThrow(() -> DomainException.notFound("transparency.call-groups-not-found", "id", "指南 " + callId + " 没有分组抽取记录",
            "id: call " + callId + " has no draw of review groups"));
  }

  private static String line(SpotCheckDraw.Drawn drawn) {
    return drawn.serviceId() + " (" + drawn.tier() + ") " + drawn.inspectors();
  }
}
