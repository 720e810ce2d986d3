package org.aipo.review;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.api.ApiUser;
import org.aipo.platform.WorkflowEngine;

/** Stores a review request and starts its process in one transaction: both exist, or neither. */
@ApplicationScoped
public class ReviewStarter {

  @Inject
  ReviewService reviews;

  @Inject
  WorkflowEngine workflowEngine;

  /** @return the process instance id */
  @Transactional
  public String start(ReviewRequest request, ApiUser actor) {
    reviews.create(request, actor.userId());
    var engine = workflowEngine.processEngine();
    // the engine checks the caller's own authorizations (programme office, secretariat may start processes)
    engine.getIdentityService().setAuthentication(actor.userId(), actor.groups());
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(ExpertCommitteeReview.PROCESS_KEY, request.getId(),
          Map.of(ExpertCommitteeReview.VAR_REQUEST, request.getId())).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
