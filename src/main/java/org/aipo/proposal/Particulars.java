package org.aipo.proposal;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.aipo.applicant.CreditCode;
import org.aipo.common.DomainException;
import org.aipo.common.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the draw and the ranking need from a proposal (issue 27): the co-applicant organisations, the call's
 * published scenario(s) it answers, the experts or organisations the applicant asks to exclude (each with a
 * reason), and the expected outcomes as measurable indicators. Checked value by value here, each refusal naming
 * the value ({@code coApplicants[0].creditCode}, {@code exclusions[1].reason}, {@code indicators[0].target}).
 *
 * <p>An applicant does not know the experts' ids: an exclusion names an organisation, and optionally an expert's
 * full name at that organisation. Without a name every expert of the organisation is excluded; with one, the
 * experts of that name at that organisation. Names are matched against the expert pool when the review is
 * prepared ({@link #excludes}), trimmed, inner blanks collapsed and case ignored.
 */
public record Particulars(List<CoApplicant> coApplicants, List<String> scenarios, List<Exclusion> exclusions,
    List<Indicator> indicators) {

  public static final int MAX_CO_APPLICANTS = 10;
  public static final int MAX_INDICATORS = 20;
  /** The longest reason handed to the draw for one excluded expert. */
  static final int REASON_LIMIT = 300;
  /** Exclusions per proposal when the server does not set {@code aipo.proposal.maxExclusions}. */
  public static final int DEFAULT_MAX_EXCLUSIONS = 3;

  public static final Particulars NONE = new Particulars(List.of(), List.of(), List.of(), List.of());

  /** A co-applicant organisation (合作申报单位): its unified social credit code and name. */
  @Schema(name = "CoApplicant")
  public record CoApplicant(@Schema(description = "统一社会信用代码 Unified social credit code", example = "91110108MA01ABCD1E") String creditCode,
      @Schema(description = "单位名称 Organisation name", example = "某某人工智能研究院") String name) {
  }

  /**
   * An exclusion (申请回避): an organisation, or an expert by full name at that organisation, and why.
   */
  @Schema(name = "ProposalExclusion")
  public record Exclusion(
      @Schema(description = "专家姓名（留空则回避该单位全部专家）The expert's full name; empty excludes every expert of the organisation",
          example = "张三") String expertName,
      @Schema(description = "单位名称 The organisation", example = "某某大学") String organisation,
      @Schema(description = "回避理由（必填）Why (required)", example = "该专家为竞争项目负责人 The expert leads a competing project") String reason) {

    /** Whether the whole organisation is excluded (no expert named). */
    public boolean wholeOrganisation() {
      return expertName == null || expertName.isBlank();
    }

    /** Whether this exclusion names the expert (name, if given, and organisation). */
    public boolean excludes(String name, String expertOrganisation) {
      return key(organisation).equals(key(expertOrganisation)) && (wholeOrganisation() || key(expertName).equals(key(name)));
    }
  }

  /** A measurable indicator of the expected outcomes (考核指标): name, unit, baseline and target. */
  @Schema(name = "ProposalIndicator")
  public record Indicator(@Schema(description = "指标名称 Name", example = "缺陷检出率 Defect detection rate") String name,
      @Schema(description = "单位 Unit", example = "%") String unit,
      @Schema(description = "基线值 Baseline", example = "92") BigDecimal baseline,
      @Schema(description = "目标值（必填）Target (required)", example = "99.5") BigDecimal target) {
  }

  /** The lists as a request gives them: a null list is "not given" (a save keeps the stored one). */
  public record Given(List<CoApplicant> coApplicants, List<String> scenarios, List<Exclusion> exclusions, List<Indicator> indicators) {
  }

  public Particulars {
    coApplicants = coApplicants == null ? List.of() : List.copyOf(coApplicants);
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  /**
   * The values as given, checked and normalised (credit codes in capitals, scenarios as the call names them);
   * a 400 names the first bad value. {@code callScenarios} is the call's list ("code title"); a scenario may be
   * given as the code or as the whole entry.
   */
  public static Particulars check(List<CoApplicant> coApplicants, List<String> scenarios, List<Exclusion> exclusions,
      List<Indicator> indicators, List<String> callScenarios, int maxExclusions) {
    return new Particulars(checkCoApplicants(coApplicants), checkScenarios(scenarios, callScenarios),
        checkExclusions(exclusions, maxExclusions), checkIndicators(indicators));
  }

  static List<CoApplicant> checkCoApplicants(List<CoApplicant> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_CO_APPLICANTS) {
      throw DomainException.badInput("proposal.too-many-co-applicants", "coApplicants", "合作申报单位最多 " + MAX_CO_APPLICANTS + " 个",
          "coApplicants: at most " + MAX_CO_APPLICANTS);
    }
    List<CoApplicant> checked = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "coApplicants[" + i + "]";
      CoApplicant c = given.get(i);
      if (c == null) {
        throw DomainException.badInput("text.required", at, at + " 为必填项", at + " is required");
      }
      String code;
      try {
        code = CreditCode.check(c.creditCode());
      } catch (DomainException e) {
        throw DomainException.badInput(e.code(), at + ".creditCode", at + "：" + e.zh(), at + ": " + e.en());
      }
      String name = Text.required(c.name(), at + ".name", 200).strip();
      if (checked.stream().anyMatch(o -> o.creditCode().equals(code))) {
        throw DomainException.badInput("proposal.co-applicant-twice", at + ".creditCode", at + "：该合作单位已列出", at + ": this co-applicant is listed twice");
      }
      checked.add(new CoApplicant(code, name));
    }
    return checked;
  }

  static List<String> checkScenarios(List<String> given, List<String> callScenarios) {
    if (given == null) {
      return List.of();
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "scenarios[" + i + "]";
      String value = Text.required(given.get(i), at, 300).strip();
      String entry = callScenarios.stream().filter(s -> s.equals(value) || codeOf(s).equalsIgnoreCase(value)).findFirst()
          .orElseThrow(() -> DomainException.badInput("proposal.scenario-not-in-call", at,
              at + "：'" + value + "' 不是本征集发布的场景" + (callScenarios.isEmpty() ? "（本征集未列场景）" : "，可选：" + callScenarios),
              at + ": '" + value + "' is not one of the call's scenarios" + (callScenarios.isEmpty() ? " (the call lists none)" : " " + callScenarios)));
      if (!checked.contains(entry)) {
        checked.add(entry);
      }
    }
    return checked;
  }

  /** A call's scenario is kept as "code title"; its code is the first word. */
  static String codeOf(String scenario) {
    String s = scenario.strip();
    int blank = s.indexOf(' ');
    return blank < 0 ? s : s.substring(0, blank);
  }

  static List<Exclusion> checkExclusions(List<Exclusion> given, int max) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > max) {
      throw DomainException.badInput("proposal.too-many-exclusions", "exclusions", "申请回避的专家或单位最多 " + max + " 个",
          "exclusions: at most " + max + " experts or organisations may be excluded");
    }
    List<Exclusion> checked = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "exclusions[" + i + "]";
      Exclusion e = given.get(i);
      if (e == null) {
        throw DomainException.badInput("text.required", at, at + " 为必填项", at + " is required");
      }
      String name = Text.atMost(e.expertName(), at + ".expertName", 100);
      String organisation = Text.required(e.organisation(), at + ".organisation", 200).strip();
      String reason = Text.required(e.reason(), at + ".reason", 500).strip();
      checked.add(new Exclusion(name == null || name.isBlank() ? null : name.strip(), organisation, reason));
    }
    return checked;
  }

  static List<Indicator> checkIndicators(List<Indicator> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_INDICATORS) {
      throw DomainException.badInput("proposal.too-many-indicators", "indicators", "考核指标最多 " + MAX_INDICATORS + " 项",
          "indicators: at most " + MAX_INDICATORS);
    }
    List<Indicator> checked = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "indicators[" + i + "]";
      Indicator indicator = given.get(i);
      if (indicator == null) {
        throw DomainException.badInput("text.required", at, at + " 为必填项", at + " is required");
      }
      String name = Text.required(indicator.name(), at + ".name", 200).strip();
      String unit = Text.required(indicator.unit(), at + ".unit", 50).strip();
      if (indicator.target() == null) {
        throw DomainException.badInput("text.required", at + ".target", at + ".target 目标值为必填项", at + ".target is required");
      }
      checkMagnitude(indicator.baseline(), at + ".baseline");
      checkMagnitude(indicator.target(), at + ".target");
      checked.add(new Indicator(name, unit, indicator.baseline(), indicator.target()));
    }
    return checked;
  }

  private static void checkMagnitude(BigDecimal value, String field) {
    if (value != null && (value.abs().compareTo(new BigDecimal("1e15")) >= 0 || value.scale() > 6)) {
      throw DomainException.badInput("proposal.indicator-value", field, field + " 须小于 10^15 且最多 6 位小数",
          field + " must be below 10^15 with at most 6 decimals");
    }
  }

  /**
   * What a submission needs: at least one indicator. A scenario is not required (the call's scenarios are a choice
   * the office weighs in the formal check, where "none" shows).
   */
  void requireComplete() {
    if (indicators.isEmpty()) {
      throw DomainException.badInput("proposal.indicator-required", "indicators", "提交前须填写至少一项可考核的指标（名称、单位、基线、目标）",
          "indicators: at least one measurable indicator (name, unit, baseline, target) is required before submitting");
    }
  }

  /**
   * The draw's view of these particulars against the expert pool (expert id → name and organisation): the
   * co-applicants' organisation names, and the experts excluded by id with the reason the draw records.
   */
  public Avoiding avoiding(Map<String, PoolEntry> pool) {
    Map<String, String> excluded = new LinkedHashMap<>();
    for (Exclusion exclusion : exclusions) {
      pool.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .filter(e -> exclusion.excludes(e.getValue().name(), e.getValue().organisation()))
          .forEach(e -> excluded.merge(e.getKey(), describe(exclusion), (a, b) -> a + "; " + b));
    }
    // the draw stores a reason in 500 characters, after its own words and the proposal's id
    excluded.replaceAll((expert, reason) -> reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT - 1) + "…");
    return new Avoiding(coApplicants.stream().map(CoApplicant::name).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)),
        excluded);
  }

  private static String describe(Exclusion exclusion) {
    return (exclusion.wholeOrganisation() ? "单位 organisation " + exclusion.organisation()
        : exclusion.expertName() + "（" + exclusion.organisation() + "）") + " — " + exclusion.reason();
  }

  /** An expert as an exclusion is matched: full name and organisation. */
  public record PoolEntry(String name, String organisation) {
  }

  /** The sets the draw's avoidance takes for one proposal. */
  public record Avoiding(Set<String> coApplicantOrganisations, Map<String, String> excludedExperts) {
  }

  static String key(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  // ---- storage: one JSON text per list (V14), null for none

  static String toJson(List<?> values, java.util.function.Function<Object, JsonValue> write) {
    if (values.isEmpty()) {
      return null;
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(v -> array.add(write.apply(v)));
    StringWriter out = new StringWriter();
    Json.createWriter(out).write(array.build());
    return out.toString();
  }

  static JsonArray read(String json) {
    return json == null || json.isBlank() ? JsonValue.EMPTY_JSON_ARRAY : Json.createReader(new StringReader(json)).readArray();
  }

  static String coApplicantsJson(List<CoApplicant> values) {
    return toJson(values, v -> Json.createObjectBuilder().add("creditCode", ((CoApplicant) v).creditCode()).add("name", ((CoApplicant) v).name()).build());
  }

  static List<CoApplicant> coApplicantsOf(String json) {
    return read(json).stream().map(JsonValue::asJsonObject).map(o -> new CoApplicant(o.getString("creditCode"), o.getString("name"))).toList();
  }

  static String scenariosJson(List<String> values) {
    return toJson(values, v -> Json.createValue((String) v));
  }

  static List<String> scenariosOf(String json) {
    return read(json).stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
  }

  static String exclusionsJson(List<Exclusion> values) {
    return toJson(values, v -> {
      Exclusion e = (Exclusion) v;
      JsonObjectBuilder o = Json.createObjectBuilder().add("organisation", e.organisation()).add("reason", e.reason());
      if (e.expertName() != null) {
        o.add("expertName", e.expertName());
      }
      return o.build();
    });
  }

  static List<Exclusion> exclusionsOf(String json) {
    return read(json).stream().map(JsonValue::asJsonObject)
        .map(o -> new Exclusion(o.getString("expertName", null), o.getString("organisation"), o.getString("reason"))).toList();
  }

  static String indicatorsJson(List<Indicator> values) {
    return toJson(values, v -> {
      Indicator i = (Indicator) v;
      JsonObjectBuilder o = Json.createObjectBuilder().add("name", i.name()).add("unit", i.unit()).add("target", i.target());
      if (i.baseline() != null) {
        o.add("baseline", i.baseline());
      }
      return o.build();
    });
  }

  static List<Indicator> indicatorsOf(String json) {
    return read(json).stream().map(JsonValue::asJsonObject).map(o -> new Indicator(o.getString("name"), o.getString("unit"),
        o.containsKey("baseline") ? o.getJsonNumber("baseline").bigDecimalValue() : null, o.getJsonNumber("target").bigDecimalValue())).toList();
  }
}
