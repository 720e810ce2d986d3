package org.aipo.proposal;


import java.math.BigDecimal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.aipo.api.JsonBody;

/** JSON views of proposals for the API. */
public final class ProposalJson {

  private ProposalJson() {
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
