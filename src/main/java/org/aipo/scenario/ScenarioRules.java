package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.io.StringReader;
import java.util.ArrayList;
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

  /** Scenarios on one nomination form in Tasklist (the API takes up to {@link #MAX_PER_UNIT}). */
  public static final int FORM_SLOTS = 5;

  private ScenarioRules() {
  }

  private static JsonArray array(String json, String name) {
    if (json == null || json.isBlank()) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        throw DomainException.badInput("scenario.not-a-list", name, name + " 须为列表", name + " must be a list");
      }
      return value.asJsonArray();
    } catch (JsonException | ClassCastException e) {
      throw DomainException.badInput("scenario.not-json", name, name + " 不是有效的 JSON", name + " is not valid JSON");
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
      throw DomainException.badInput("scenario.too-many", "scenarios", "scenarios 每个单位每轮最多推荐 " + MAX_PER_UNIT + " 个场景", "scenarios: at most " + MAX_PER_UNIT + " scenarios per unit and round");
    }
    List<Scenario.Nomination> nominations = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = "scenarios[" + (i + 1) + "].";
      if (rows.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw DomainException.badInput("scenario.not-an-object", at.substring(0, at.length() - 1), at.substring(0, at.length() - 1) + " 须为对象", at.substring(0, at.length() - 1) + " must be an object");
      }
      JsonObject row = rows.getJsonObject(i);
      try {
        nominations.add(new Scenario.Nomination(text(row, "title"), text(row, "field"), text(row, "demandOwner"),
            text(row, "description"), text(row, "dataAvailable"), text(row, "expectedScale"), text(row, "publicServiceImpact"),
            flag(row, "personalData"), text(row, "scope")));
      } catch (DomainException e) {
        throw new DomainException(e.kind(), e.code(), e.field() == null ? at.substring(0, at.length() - 1) : at + e.field(), at + e.zh(), at + e.en());
      }
    }
    return nominations;
  }

  /** The consolidation table (markdown) for the office's form: every nomination with its current decision. */
  public static String consolidationTable(List<Scenario> scenarios) {
    StringBuilder table = new StringBuilder(
        "| 编号 No. | 场景 Scenario | 领域 Field | 推荐单位 Nominated by | 需求方 Demand owner | 当前处理 Now |\n|---|---|---|---|---|---|\n");
    for (Scenario s : scenarios) {
      String now = switch (s.getStatus()) {
        case MERGED -> "合并到 merged into N" + s.getMergedInto();
        case REJECTED -> "不予收录 rejected";
        default -> "保留 kept";
      };
      table.append("| ").append(s.getLabel()).append(" | ").append(Markdown.escape(s.getTitle())).append(" | ")
          .append(Markdown.escape(fieldName(s.getField()))).append(" | ").append(Markdown.escape(s.getNominatedBy())).append(" | ")
          .append(Markdown.escape(s.getDemandOwner())).append(" | ").append(now).append(" |\n");
    }
    return table.toString();
  }

  /** The current merges as the form's lines ("N3 → N1"), so that a second consolidation starts from the first. */
  public static String mergeLines(List<Scenario> scenarios) {
    return String.join("\n", scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.MERGED)
        .map(s -> s.getLabel() + " → N" + s.getMergedInto()).toList());
  }

  /** The current rejections as the form's lines ("N4: reason"). */
  public static String rejectionLines(List<Scenario> scenarios) {
    return String.join("\n", scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.REJECTED)
        .map(s -> s.getLabel() + ": " + s.getReason()).toList());
  }

  /** What consolidation did. */
  public record Consolidated(int kept, int merged, int rejected) {
  }

  private static final java.util.regex.Pattern MERGE =
      java.util.regex.Pattern.compile("^\\s*[Nn]?(\\d+)\\s*(?:→|->|=>|>|＞|=|:|：|,|，|\\s)\\s*[Nn]?(\\d+)\\s*$");
  private static final java.util.regex.Pattern REJECTION = java.util.regex.Pattern.compile("^\\s*[Nn]?(\\d+)\\s*[:：,，]?\\s*(.*)$");

  /** Lines of a form's text box (their content is never echoed in errors: Tasklist shows errors as HTML). */
  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  /**
   * Applies the office's decisions: merges ("N3 → N1", one per line, into a kept nomination) and
   * rejections ("N4: reason", one per line, the reason required); every nomination not named is kept.
   * Nothing changes unless every line is valid; each error names the field and the line.
   */
  public static Consolidated consolidate(List<Scenario> scenarios, String merges, String rejections) {
    Map<String, Scenario> byLabel = new LinkedHashMap<>();
    scenarios.forEach(s -> byLabel.put(s.getLabel(), s));
    Map<String, String> mergeInto = new LinkedHashMap<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    List<String> mergeLines = lines(merges);
    for (int i = 0; i < mergeLines.size(); i++) {
      String at = "merges line " + (i + 1) + ": ";
      java.util.regex.Matcher m = MERGE.matcher(mergeLines.get(i));
      if (!m.matches()) {
        throw refused("scenario.merge-format", "merges", at, "写作“N3 → N1”", "write it as N3 → N1");
      }
      String from = known(byLabel, "N" + Integer.parseInt(m.group(1)), at);
      String into = known(byLabel, "N" + Integer.parseInt(m.group(2)), at);
      if (from.equals(into)) {
        throw refused("scenario.merge-self", "merges", at, "不能合并到自身", "a nomination cannot be merged into itself");
      }
      if (mergeInto.put(from, into) != null) {
        throw refused("scenario.named-twice", "merges", at, from + " 重复出现", from + " is named twice");
      }
    }
    List<String> rejectionLines = lines(rejections);
    for (int i = 0; i < rejectionLines.size(); i++) {
      String at = "rejections line " + (i + 1) + ": ";
      java.util.regex.Matcher m = REJECTION.matcher(rejectionLines.get(i));
      if (!m.matches()) {
        throw refused("scenario.rejection-format", "rejections", at, "写作“N4：理由”", "write it as N4: reason");
      }
      String label = known(byLabel, "N" + Integer.parseInt(m.group(1)), at);
      if (m.group(2).isBlank()) {
        throw refused("scenario.rejection-reason", "rejections", at, "不予收录须说明理由", "a rejection needs a reason");
      }
      if (mergeInto.containsKey(label) || rejected.put(label, m.group(2).trim()) != null) {
        throw refused("scenario.named-twice", "rejections", at, label + " 重复出现", label + " is named twice");
      }
    }
    for (Map.Entry<String, String> merge : mergeInto.entrySet()) {
      if (mergeInto.containsKey(merge.getValue()) || rejected.containsKey(merge.getValue())) {
        throw refused("scenario.merge-target", "merges", "merges: " + merge.getKey() + " → " + merge.getValue() + ": ",
            merge.getValue() + " 须为保留项", merge.getValue() + " must be a kept nomination");
      }
    }
    for (Scenario s : scenarios) {
      if (mergeInto.containsKey(s.getLabel())) {
        s.mergeInto(Integer.parseInt(mergeInto.get(s.getLabel()).substring(1)), null);
      } else if (rejected.containsKey(s.getLabel())) {
        s.reject(rejected.get(s.getLabel()));
      } else {
        s.keep();
      }
    }
    return new Consolidated(scenarios.size() - mergeInto.size() - rejected.size(), mergeInto.size(), rejected.size());
  }

  /** A refused line of a consolidation form: {@code at} names the field and line in both languages. */
  private static DomainException refused(String code, String field, String at, String zh, String en) {
    return DomainException.badInput(code, field, at + zh, at + en);
  }

  private static String known(Map<String, Scenario> byLabel, String label, String at) {
    if (!byLabel.containsKey(label)) {
      throw refused("scenario.unknown-nomination", at.startsWith("merges") ? "merges" : "rejections", at, "本轮没有 " + label, "no nomination " + label + " in this round");
    }
    return label;
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

  /**
   * The draft list as a markdown table (kept scenarios, their tier and, where reviewed, the committee's
   * score), the supervision mode of each tier present below it, then what was merged or rejected and why.
   */
  public static String draftList(List<Scenario> scenarios) {
    StringBuilder table = new StringBuilder(
        "| 编号 No. | 场景 Scenario | 领域 Field | 风险 Risk | 专家评审 Review |\n|---|---|---|---|---|\n");
    Map<String, String> modes = new java.util.TreeMap<>();
    for (Scenario s : scenarios) {
      if (!s.isKept()) {
        continue;
      }
      table.append("| ").append(s.getLabel()).append(" | ").append(Markdown.escape(s.getTitle())).append("（")
          .append(Markdown.escape(s.getDemandOwner())).append("） | ").append(Markdown.escape(fieldName(s.getField()))).append(" | ")
          .append(s.getRiskTier() == null ? "—" : tierName(s.getRiskTier())).append(" | ")
          .append(s.getReviewScore() == null ? "—" : s.getReviewScore().toPlainString() + " · " + s.getReviewRecommendation())
          .append(" |\n");
      if (s.getRiskTier() != null && s.getSupervisionMode() != null) {
        modes.put(s.getRiskTier(), s.getSupervisionMode());
      }
    }
    modes.forEach((tier, mode) -> table.append("\n- ").append(tierName(tier)).append(" — ").append(Markdown.escape(mode)));
    long merged = scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.MERGED).count();
    long rejected = scenarios.stream().filter(s -> s.getStatus() == Scenario.Status.REJECTED).count();
    table.append("\n\n合并 merged: ").append(merged).append(" · 不予收录 rejected: ").append(rejected);
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
