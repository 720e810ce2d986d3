package org.aipo.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.aipo.common.Markdown;
import org.aipo.expert.Fields;

/**
 * The rules of a scenario round that do not depend on storage: reading a unit's nominations, the
 * consolidation table and its decisions, and the draft list as officials, experts and the public read it.
 */
public final class ScenarioRules {

  /** At most this many scenarios in one unit's nomination. */
  public static final int MAX_PER_UNIT = 20;

  private ScenarioRules() {
  }

  private static JsonArray array(String json, String name) {
    if (json == null || json.isBlank()) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new IllegalArgumentException(name + " must be a list");
      }
      return value.asJsonArray();
    } catch (JsonException | ClassCastException e) {
      throw new IllegalArgumentException(name + " is not valid JSON", e);
    }
  }

  private static String text(JsonObject row, String key) {
    JsonValue value = row.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  private static boolean flag(JsonObject row, String key) {
    JsonValue value = row.get(key);
    return value == JsonValue.TRUE || value instanceof JsonString s && "true".equalsIgnoreCase(s.getString());
  }

  /**
   * A unit's nominations (the form's list {@code scenarios}); an empty list means the unit has none this
   * round. Every error names the row and the field: "scenarios[2].field: unknown field 'x'".
   */
  public static List<Scenario.Nomination> nominations(String json) {
    JsonArray rows = array(json, "scenarios");
    if (rows.size() > MAX_PER_UNIT) {
      throw new IllegalArgumentException("scenarios: at most " + MAX_PER_UNIT + " scenarios per unit and round");
    }
    List<Scenario.Nomination> nominations = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = "scenarios[" + (i + 1) + "].";
      if (rows.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException(at.substring(0, at.length() - 1) + " must be an object");
      }
      JsonObject row = rows.getJsonObject(i);
      try {
        nominations.add(new Scenario.Nomination(text(row, "title"), text(row, "field"), text(row, "demandOwner"),
            text(row, "description"), text(row, "dataAvailable"), text(row, "expectedScale"), text(row, "publicServiceImpact"),
            flag(row, "personalData"), text(row, "scope")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + e.getMessage(), e);
      }
    }
    return nominations;
  }

  /** The consolidation table: one row per nomination with its current decision, for the office's form. */
  public static String consolidationRows(List<Scenario> scenarios) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (Scenario s : scenarios) {
      String action = switch (s.getStatus()) {
        case MERGED -> "merge";
        case REJECTED -> "reject";
        default -> "keep";
      };
      rows.add(Json.createObjectBuilder().add("scenario", s.getLabel()).add("title", s.getTitle())
          .add("field", fieldName(s.getField())).add("nominatedBy", s.getNominatedBy()).add("demandOwner", s.getDemandOwner())
          .add("summary", s.getDescription().length() > 300 ? s.getDescription().substring(0, 300) + "…" : s.getDescription())
          .add("action", action).add("mergeInto", s.getMergedInto() == null ? "" : "N" + s.getMergedInto())
          .add("reason", s.getReason() == null ? "" : s.getReason()));
    }
    return rows.build().toString();
  }

  /** What consolidation did. */
  public record Consolidated(int kept, int merged, int rejected) {
  }

  /**
   * Applies the office's decisions (every nomination once: keep, merge into a kept one, or reject with a
   * reason). Nothing changes unless every row is valid.
   */
  public static Consolidated consolidate(List<Scenario> scenarios, String json) {
    Map<String, Scenario> byLabel = new LinkedHashMap<>();
    scenarios.forEach(s -> byLabel.put(s.getLabel(), s));
    Map<String, JsonObject> decisions = new HashMap<>();
    for (JsonValue value : array(json, "decisions")) {
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("decisions: every row must be an object");
      }
      JsonObject row = value.asJsonObject();
      String label = text(row, "scenario");
      if (label == null || !byLabel.containsKey(label.trim())) {
        throw new IllegalArgumentException("decisions: no nomination '" + label + "' in this round");
      }
      if (decisions.put(label.trim(), row) != null) {
        throw new IllegalArgumentException("decisions." + label + ": decided twice");
      }
    }
    for (String label : byLabel.keySet()) {
      if (!decisions.containsKey(label)) {
        throw new IllegalArgumentException("decisions." + label + ": no decision (keep, merge or reject)");
      }
    }
    Map<String, String> actions = new HashMap<>();
    decisions.forEach((label, row) -> actions.put(label, action(label, row)));
    for (Map.Entry<String, JsonObject> entry : decisions.entrySet()) {
      String label = entry.getKey();
      JsonObject row = entry.getValue();
      if ("merge".equals(actions.get(label))) {
        String into = normalise(text(row, "mergeInto"));
        if (into == null || !byLabel.containsKey(into)) {
          throw new IllegalArgumentException("decisions." + label + ".mergeInto: 合并到哪一项？name the nomination to merge into (e.g. N1)");
        }
        if (into.equals(label) || !"keep".equals(actions.get(into))) {
          throw new IllegalArgumentException("decisions." + label + ".mergeInto: " + into + " 须为保留项 must be a kept nomination");
        }
      }
      if ("reject".equals(actions.get(label)) && blank(text(row, "reason"))) {
        throw new IllegalArgumentException("decisions." + label + ".reason: 不予收录须说明理由 a rejection needs a reason");
      }
    }
    int kept = 0;
    int merged = 0;
    int rejected = 0;
    for (Map.Entry<String, Scenario> entry : byLabel.entrySet()) {
      JsonObject row = decisions.get(entry.getKey());
      switch (actions.get(entry.getKey())) {
        case "merge" -> {
          entry.getValue().mergeInto(Integer.parseInt(normalise(text(row, "mergeInto")).substring(1)), emptyToNull(text(row, "reason")));
          merged++;
        }
        case "reject" -> {
          entry.getValue().reject(text(row, "reason").trim());
          rejected++;
        }
        default -> {
          entry.getValue().keep();
          kept++;
        }
      }
    }
    return new Consolidated(kept, merged, rejected);
  }

  private static String action(String label, JsonObject row) {
    String action = text(row, "action");
    String a = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
    if (!a.equals("keep") && !a.equals("merge") && !a.equals("reject")) {
      throw new IllegalArgumentException("decisions." + label + ".action must be keep, merge or reject, not '" + action + "'");
    }
    return a;
  }

  private static String normalise(String label) {
    if (blank(label)) {
      return null;
    }
    String l = label.trim().toUpperCase(Locale.ROOT);
    return l.startsWith("N") ? l : "N" + l;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s.trim();
  }

  public static String fieldName(String code) {
    String name = Fields.name(code);
    return name == null ? code : name;
  }

  /** The units that nominated a kept scenario: its own and those of the nominations merged into it. */
  public static List<String> nominators(Scenario kept, List<Scenario> all) {
    List<String> units = new ArrayList<>(List.of(kept.getNominatedBy()));
    all.stream().filter(s -> s.getStatus() == Scenario.Status.MERGED && s.getMergedInto() == kept.getNumber())
        .map(Scenario::getNominatedBy).filter(u -> !units.contains(u)).forEach(units::add);
    return units;
  }

  /** The draft list as a markdown table (kept scenarios, their tier and, where reviewed, the committee's score). */
  public static String draftList(List<Scenario> scenarios) {
    StringBuilder table = new StringBuilder(
        "| 编号 No. | 场景 Scenario | 领域 Field | 需求方 Demand owner | 风险 Risk | 监管方式 Supervision | 专家评审 Review |\n|---|---|---|---|---|---|---|\n");
    for (Scenario s : scenarios) {
      if (!s.isKept()) {
        continue;
      }
      table.append("| ").append(s.getLabel()).append(" | ").append(Markdown.escape(s.getTitle())).append(" | ")
          .append(Markdown.escape(fieldName(s.getField()))).append(" | ").append(Markdown.escape(s.getDemandOwner())).append(" | ")
          .append(s.getRiskTier() == null ? "—" : tierName(s.getRiskTier())).append(" | ")
          .append(s.getSupervisionMode() == null ? "—" : Markdown.escape(s.getSupervisionMode())).append(" | ")
          .append(s.getReviewScore() == null ? "—" : s.getReviewScore().toPlainString() + " · " + s.getReviewRecommendation())
          .append(" |\n");
    }
    long merged = scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.MERGED).count();
    long rejected = scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.REJECTED).count();
    table.append("\n合并 merged: ").append(merged).append(" · 不予收录 rejected: ").append(rejected);
    scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.REJECTED)
        .forEach(s -> table.append("\n- ").append(s.getLabel()).append(" ").append(Markdown.escape(s.getTitle())).append("：")
            .append(Markdown.escape(s.getReason())));
    return table.toString();
  }

  public static String tierName(String tier) {
    return switch (tier) {
      case "high" -> "高 high";
      case "medium" -> "中 medium";
      case "low" -> "低 low";
      default -> tier;
    };
  }

  /** One scenario as the expert committee reads it. */
  public static String describe(Scenario s) {
    return "**" + Markdown.escape(s.getTitle()) + "**（" + s.getLabel() + "）\n\n"
        + "领域 Field: " + Markdown.escape(fieldName(s.getField())) + "  \n需求方 Demand owner: " + Markdown.escape(s.getDemandOwner())
        + "  \n风险等级 Risk tier: " + tierName(s.getRiskTier()) + " — " + Markdown.escape(s.getRiskReason())
        + "\n\n场景描述 Description:  \n" + Markdown.escape(s.getDescription())
        + "\n\n可用数据 Data available:  \n" + Markdown.escape(s.getDataAvailable())
        + "\n\n预期规模 Expected scale: " + Markdown.escape(s.getExpectedScale())
        + "  \n公共服务影响 Public-service impact: " + s.getPublicServiceImpact() + " · 个人信息 Personal data: "
        + (s.isPersonalData() ? "是 yes" : "否 no") + " · 影响范围 Scope: " + s.getScope();
  }
}
