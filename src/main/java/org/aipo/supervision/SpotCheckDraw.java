package org.aipo.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.common.DomainException;
import org.aipo.filing.AiService;

/**
 * The draw of a spot-check campaign (双随机, docs/adr/0015): which services are inspected and by whom, computed only
 * from a seed and a snapshot of the pool, so that anyone holding the stored records can replay it.
 *
 * <p>The algorithm: per tier (HIGH, MEDIUM, LOW), the candidates are ordered by the hex SHA-256 of
 * {@code seed|service|TIER|serviceId} (ties by id) and the first {@code ceil(n × share / 100)} are drawn. For each
 * drawn service, in drawn order, the inspectors who do not avoid its firm (credit code) are ordered by the hex
 * SHA-256 of {@code seed|inspector|serviceId|inspectorId} and the first {@code k} inspect it. SHA-256 and UTF-8 are
 * fixed by their standards, so the result does not depend on the JDK, unlike a library random generator.
 */
public final class SpotCheckDraw {

  /** A candidate service: its id and its firm's credit code (for avoidance). */
  public record Candidate(String serviceId, String creditCode) {
  }

  /** An inspector of the pool and the credit codes of the firms the inspector must avoid. */
  public record Inspector(String userId, Set<String> avoids) {
  }

  /** The pool as it was at the draw: candidates per tier in a stable order, and the inspector pool. */
  public record Snapshot(Map<AiService.Tier, List<Candidate>> services, List<Inspector> inspectors) {

    /** One line per candidate and per inspector; the stored form. */
    public String text() {
      StringBuilder text = new StringBuilder();
      for (AiService.Tier tier : AiService.Tier.values()) {
        for (Candidate candidate : services.getOrDefault(tier, List.of())) {
          text.append("service ").append(tier).append(' ').append(candidate.serviceId()).append(' ').append(candidate.creditCode()).append('\n');
        }
      }
      for (Inspector inspector : inspectors) {
        text.append("inspector ").append(inspector.userId()).append(' ').append(String.join(",", inspector.avoids().stream().sorted().toList()))
            .append('\n');
      }
      return text.toString();
    }

    public static Snapshot parse(String text) {
      Map<AiService.Tier, List<Candidate>> services = new EnumMap<>(AiService.Tier.class);
      List<Inspector> inspectors = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(" ", -1);
        if (parts[0].equals("service") && parts.length == 4) {
          services.computeIfAbsent(AiService.Tier.valueOf(parts[1]), tier -> new ArrayList<>()).add(new Candidate(parts[2], parts[3]));
        } else if (parts[0].equals("inspector") && parts.length == 3) {
          inspectors.add(new Inspector(parts[1], parts[2].isEmpty() ? Set.of() : Set.of(parts[2].split(","))));
        } else {
          throw new IllegalArgumentException("not a snapshot line: " + line);
        }
      }
      return new Snapshot(services, inspectors);
    }
  }

  /** Shares per tier in percent (0–100) and inspectors per inspection. */
  public record Rules(int shareHigh, int shareMedium, int shareLow, int inspectorsPerInspection) {

    int share(AiService.Tier tier) {
      return switch (tier) {
        case HIGH -> shareHigh;
        case MEDIUM -> shareMedium;
        case LOW -> shareLow;
      };
    }
  }

  /** A drawn inspection: the service, its tier and its inspectors in drawn order. */
  public record Drawn(String serviceId, AiService.Tier tier, List<String> inspectors) {
  }

  private SpotCheckDraw() {
  }

  /** The draw; too few inspectors free of avoidance for a drawn service is a 409. */
  public static List<Drawn> draw(String seed, Snapshot snapshot, Rules rules) {
    List<Drawn> drawn = new ArrayList<>();
    for (AiService.Tier tier : AiService.Tier.values()) {
      List<Candidate> candidates = snapshot.services().getOrDefault(tier, List.of());
      int count = (int) Math.min(candidates.size(), Math.ceil(candidates.size() * rules.share(tier) / 100.0));
      List<Candidate> ordered = candidates.stream()
          .sorted(Comparator.comparing((Candidate c) -> hash(seed + "|service|" + tier + "|" + c.serviceId())).thenComparing(Candidate::serviceId))
          .limit(count).toList();
      for (Candidate candidate : ordered) {
        List<String> inspectors = snapshot.inspectors().stream().filter(i -> !i.avoids().contains(candidate.creditCode()))
            .map(Inspector::userId)
            .sorted(Comparator.comparing((String id) -> hash(seed + "|inspector|" + candidate.serviceId() + "|" + id)).thenComparing(id -> id))
            .limit(rules.inspectorsPerInspection()).toList();
        if (inspectors.size() < rules.inspectorsPerInspection()) {
          throw DomainException.conflict("spot-check.too-few-inspectors", "inspectorsPerInspection",
              "检查人员库中无需回避的人员不足 " + rules.inspectorsPerInspection() + " 名（服务 " + candidate.serviceId() + "）",
              "fewer than " + rules.inspectorsPerInspection() + " inspectors free of avoidance for service " + candidate.serviceId());
        }
        drawn.add(new Drawn(candidate.serviceId(), tier, inspectors));
      }
    }
    return drawn;
  }

  /** The stored form of a result: one line per inspection, {@code TIER serviceId inspector1,inspector2}. */
  public static String text(List<Drawn> drawn) {
    StringBuilder text = new StringBuilder();
    for (Drawn d : drawn) {
      text.append(d.tier()).append(' ').append(d.serviceId()).append(' ').append(String.join(",", d.inspectors())).append('\n');
    }
    return text.toString();
  }

  public static List<Drawn> parseResult(String text) {
    List<Drawn> drawn = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        String[] parts = line.split(" ", -1);
        drawn.add(new Drawn(parts[1], AiService.Tier.valueOf(parts[0]), parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","))));
      }
    }
    return drawn;
  }

  /** What a replay found: whether the recomputed draw equals the stored one, and both. */
  public record Replay(boolean matches, List<Drawn> stored, List<Drawn> replayed, String problem) {
  }

  /** Recomputes the draw from the stored seed and snapshot and compares it with the stored result. */
  public static Replay replay(String seed, String snapshotText, Rules rules, String resultText) {
    List<Drawn> stored = parseResult(resultText);
    try {
      List<Drawn> replayed = draw(seed, Snapshot.parse(snapshotText), rules);
      return new Replay(replayed.equals(stored), stored, replayed, null);
    } catch (DomainException | IllegalArgumentException e) {
      return new Replay(false, stored, List.of(), e.getMessage());
    }
  }

  static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** Group the drawn inspections by tier, for a summary. */
  public static Map<AiService.Tier, Long> countByTier(List<Drawn> drawn) {
    Map<AiService.Tier, Long> counts = new LinkedHashMap<>();
    for (AiService.Tier tier : AiService.Tier.values()) {
      counts.put(tier, drawn.stream().filter(d -> d.tier() == tier).count());
    }
    return counts;
  }
}
