package org.aipo.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON views of calls for the API. */
public final class CallJson {

  private CallJson() {
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
}
