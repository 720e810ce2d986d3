package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;

/** The steps of a scenario round on the stored round, scenarios and objections, with the real expert review. */
@ApplicationScoped
@Transactional
public class ScenarioStageService extends ScenarioSteps {

  @Inject
  org.aipo.notification.Notifier notifier;

  @Override
  protected void tell(org.aipo.notification.Message message) {
    notifier.send(message);
  }

  /** The item reference under which the draft list as a whole is reviewed. */
  static final String DRAFT_LIST_ITEM = "draft-list";

  /** The criteria for scenarios and for the list (100 points). */
  static List<ReviewCriterion> criteria() {
    return List.of(new ReviewCriterion("necessity", "必要性与公共价值 Necessity and public value", 35),
        new ReviewCriterion("feasibility", "数据与技术可行性 Data and technical feasibility", 30),
        new ReviewCriterion("riskControl", "风险可控与监管适配 Risk control and fit of supervision", 35));
  }

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Inject
  ReviewService reviews;

  @Override
  protected ScenarioRound round(String roundId) {
    ScenarioRound round = roundId == null ? null : entityManager.find(ScenarioRound.class, roundId);
    if (round == null) {
      throw DomainException.notFound("scenario.round-not-found", "roundId", "没有场景征集轮次 " + roundId, "roundId: no scenario round " + roundId);
    }
    return round;
  }

  @Override
  protected void store(ScenarioRound round) {
    entityManager.persist(round);
  }

  @Override
  protected List<Scenario> scenarios(String roundId) {
    return entityManager.createNamedQuery(Scenario.OF_ROUND, Scenario.class).setParameter("round", roundId).getResultList();
  }

  @Override
  protected void store(Scenario scenario) {
    entityManager.persist(scenario);
  }

  @Override
  protected List<ScenarioObjection> objections(String roundId, int noticeRound) {
    return entityManager.createNamedQuery(ScenarioObjection.OF_NOTICE, ScenarioObjection.class).setParameter("round", roundId)
        .setParameter("notice", noticeRound).getResultList();
  }

  @Override
  protected ScenarioObjection objection(String objectionId) {
    ScenarioObjection objection = objectionId == null ? null : entityManager.find(ScenarioObjection.class, objectionId);
    if (objection == null) {
      throw DomainException.notFound("scenario.objection-not-found", "objectionId", "没有异议 " + objectionId, "objectionId: no objection " + objectionId);
    }
    return objection;
  }

  @Override
  protected int latestVersion() {
    Integer latest = entityManager.createQuery("select max(r.version) from ScenarioRound r", Integer.class).getSingleResult();
    return latest == null ? 0 : latest;
  }

  @Override
  protected String requestReview(ScenarioRound round, List<Scenario> highRisk, String draftList) {
    ReviewRequest request = new ReviewRequest(round.getTheme(), round.getReviewField(), round.getPanelSize(), 2, 5, 60, criteria(), null,
        "system", clock.instant());
    request.addItem(DRAFT_LIST_ITEM, "清单草案 Draft list: " + round.getTheme(), "项目办公室 Programme office", Set.of(), Map.of())
        .describe(draftList);
    for (Scenario s : highRisk) {
      request.addItem(s.getLabel(), s.getTitle(), s.getDemandOwner(), Set.of(), Map.of()).describe(ScenarioRules.describe(s));
    }
    reviews.create(request, "system");
    return request.getId();
  }

  @Override
  protected void copyReviewOutcomes(ScenarioRound round, List<Scenario> highRisk) {
    ReviewRequest request = reviews.find(round.getReviewRequestId());
    for (ReviewItem item : request.getItems()) {
      ItemOutcome outcome = request.outcome(item.getId());
      String recommendation = outcome.getRecommendation() == null ? null : outcome.getRecommendation().name();
      if (DRAFT_LIST_ITEM.equals(item.getReference())) {
        round.listReviewed(outcome.getScore() + " · " + recommendation + (outcome.getOpinion() == null ? "" : " — " + outcome.getOpinion()));
      } else {
        highRisk.stream().filter(s -> s.getLabel().equals(item.getReference())).findFirst()
            .ifPresent(s -> s.reviewed(outcome.getScore(), recommendation, outcome.getOpinion()));
      }
    }
  }

  @Override
  protected void audit(String actor, String action, String subjectType, String subjectId, String detail) {
    auditLog.record(actor, action, subjectType, subjectId, detail);
  }
}
