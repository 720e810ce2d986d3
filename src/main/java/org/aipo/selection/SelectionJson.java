package org.aipo.selection;

import java.math.BigDecimal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.aipo.web.JsonBody;

/** JSON views of calls and proposals for the API. */
public final class SelectionJson {

  private SelectionJson() {
  }

  public static JsonObject call(Call call) {
    return Json.createObjectBuilder().add("id", call.getId()).add("title", call.getTitle())
        .add("fields", Json.createArrayBuilder(call.getFields())).add("fieldNames", fieldNames(call))
        .add("opensAt", call.getOpensAt().toString())
        .add("closesAt", call.getClosesAt().toString()).add("budget", call.getBudget()).add("maxAward", call.getMaxAward())
        .add("awardCount", call.getAwardCount()).add("stage", call.getStage().name()).add("panelSize", call.getPanelSize())
        .add("projectMonths", call.getProjectMonths())
        .add("scenarios", Json.createArrayBuilder(call.getScenarios())).add("adverseAcceptanceYears", call.getAdverseAcceptanceYears())
        .add("criteria", criteria(call))
        .add("fundingPool", call.getFundingPool() == null ? JsonValue.NULL : Json.createValue(call.getFundingPool()))
        .add("noticeClosesAt", call.getNoticeClosesAt() == null ? JsonValue.NULL : Json.createValue(call.getNoticeClosesAt().toString()))
        .build();
  }

  /** Each field's name in Chinese and English, e.g. "机器人 Robotics". */
  private static JsonObjectBuilder fieldNames(Call call) {
    JsonObjectBuilder names = Json.createObjectBuilder();
    call.getFields().forEach(f -> names.add(f, org.aipo.expert.Fields.name(f)));
    return names;
  }

  private static jakarta.json.JsonArrayBuilder criteria(Call call) {
    jakarta.json.JsonArrayBuilder list = Json.createArrayBuilder();
    call.getCriteria().forEach(c -> list.add(Json.createObjectBuilder().add("code", c.getCode()).add("name", c.getName())
        .add("weight", c.getWeight())));
    return list;
  }

  public static JsonObject proposal(Proposal proposal) {
    Proposal.Content c = proposal.content();
    JsonObjectBuilder json = Json.createObjectBuilder().add("id", proposal.getId()).add("callId", proposal.getCallId())
        .add("status", proposal.getStatus().name()).add("version", proposal.getVersion())
        .add("updatedAt", proposal.getUpdatedAt().toString());
    text(json, "title", c.title());
    text(json, "field", c.field());
    text(json, "summary", c.summary());
    text(json, "technicalApproach", c.technicalApproach());
    text(json, "models", c.models());
    text(json, "dataSources", c.dataSources());
    amount(json, "budget", c.budget());
    amount(json, "coFunding", c.coFunding());
    text(json, "expectedOutcomes", c.expectedOutcomes());
    text(json, "team", c.team());
    text(json, "checkReasons", proposal.getCheckReasons());
    text(json, "midTermResult", proposal.getMidTermResult());
    json.add("benchmark", proposal.isBenchmark());
    text(json, "submittedAt", proposal.getSubmittedAt() == null ? null : proposal.getSubmittedAt().toString());
    return json.build();
  }

  public static Proposal.Content content(JsonObject body) {
    return new Proposal.Content(JsonBody.string(body, "title"), JsonBody.string(body, "field"),
        JsonBody.string(body, "summary"), JsonBody.string(body, "technicalApproach"),
        JsonBody.string(body, "models"), JsonBody.string(body, "dataSources"),
        JsonBody.amount(body, "budget"), JsonBody.amount(body, "coFunding"),
        JsonBody.string(body, "expectedOutcomes"), JsonBody.string(body, "team"));
  }

  private static void text(JsonObjectBuilder json, String name, String value) {
    json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
  }

  private static void amount(JsonObjectBuilder json, String name, BigDecimal value) {
    json.add(name, value == null ? JsonValue.NULL : Json.createValue(value));
  }
}
