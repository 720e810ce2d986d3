package org.aipo.filing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;

/**
 * The decisions of programme 5, step 2 (processes/ai-service-filing-route.dmn and ai-service-risk-tier.dmn): the
 * inputs they read from a service's facts and the {@link AiServices.Assessment} their first matching rows give.
 */
public final class FilingRules {

  public static final String DECISION_ROUTE = "aiServiceFilingRoute";
  public static final String DECISION_TIER = "aiServiceRiskTier";

  private FilingRules() {
  }

  /** What both decisions read: the firm's answers, and two facts derived from its list of models. */
  public static Map<String, Object> inputs(AiService.ServiceFacts facts) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("publicFacing", facts.publicFacing());
    inputs.put("publicOpinion", facts.publicOpinion());
    inputs.put("mobilisation", facts.mobilisation());
    inputs.put("ownModel", facts.models().stream().anyMatch(ServiceModel::isOwnModel));
    inputs.put("unfiledThirdPartyModel",
        facts.models().stream().anyMatch(m -> !m.isOwnModel() && (m.getFilingNumber() == null || m.getFilingNumber().isBlank())));
    inputs.put("fields", facts.fields());
    inputs.put("personalData", !facts.personalData().isEmpty());
    inputs.put("usersReached", facts.usersReached());
    return inputs;
  }

  /** The route and tier with their reasons; the tier's reason ends with its supervision mode. */
  public static AiServices.Assessment assessment(DmnDecisionResult route, DmnDecisionResult tier) {
    DmnDecisionResultEntries r = route.getFirstResult();
    DmnDecisionResultEntries t = tier.getFirstResult();
    if (r == null || t == null) {
      throw new IllegalStateException("the filing decisions have no matching row: their last rows must match everything");
    }
    return new AiServices.Assessment(AiService.Route.valueOf(r.getEntry("route")), r.getEntry("reason"), AiService.Tier.valueOf(t.getEntry("tier")),
        t.<String>getEntry("reason") + " 监管方式 Supervision: " + t.<String>getEntry("supervisionMode"));
  }
}
