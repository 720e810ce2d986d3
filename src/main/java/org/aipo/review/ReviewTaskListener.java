package org.aipo.review;

import org.aipo.common.DomainException;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${reviewTaskListener}} on "complete" of every user task of expert-committee review: records
 * the answer the form holds, through one service call. Bad input throws, so the task stays open and
 * Tasklist shows the message next to the form.
 */
@ApplicationScoped
@Named("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private ReviewService service;

  protected ReviewTaskListener() {
    // for the CDI proxy
  }

  @Inject
  public ReviewTaskListener(ReviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = (String) task.getVariable(ExpertCommitteeReview.VAR_REQUEST);
    String seatId = (String) task.getVariable("seatId");
    String itemId = (String) task.getVariable("itemId");
    switch (task.getTaskDefinitionKey()) {
      case ExpertCommitteeReview.ANSWER_INVITATION -> service.answerInvitation(requestId, seatId, task.getAssignee(),
          Boolean.TRUE.equals(task.getVariable("accepted")), string(task, "declineReason"));
      case ExpertCommitteeReview.APPOINT_EXPERT -> service.appoint(requestId, seatId, required(task, "expertUserId"), actor(task));
      case ExpertCommitteeReview.DECLARE_CONFLICT -> service.declareConflict(requestId, seatId, itemId, task.getAssignee(),
          Boolean.TRUE.equals(task.getVariable("conflict")), string(task, "conflictReason"));
      case ExpertCommitteeReview.APPOINT_REPLACEMENT -> service.appointForItem(requestId, seatId, itemId,
          required(task, "expertUserId"), actor(task));
      case ExpertCommitteeReview.SCORE_ITEM -> service.score(requestId, seatId, itemId, task.getAssignee(), scores(task));
      case ExpertCommitteeReview.HANDLE_OVERDUE -> {
        if ("replace".equals(task.getVariable("overdueDecision"))) {
          service.replaceLateExpert(requestId, seatId, itemId, actor(task));
        }
      }
      case ExpertCommitteeReview.HOLD_CONSENSUS, ExpertCommitteeReview.CONFIRM_OPINION -> service.recordOpinion(requestId, itemId,
          recommendation(task), string(task, "opinion"), string(task, "reasons"), actor(task));
      default -> throw new IllegalStateException("reviewTaskListener has no task " + task.getTaskDefinitionKey());
    }
  }

  /** The criterion slots of the scoring form: c{n}Code, c{n}Points, c{n}NotApplicable, c{n}Comment. */
  static Map<String, Assignment.CriterionScore> scores(DelegateTask task) {
    Map<String, Assignment.CriterionScore> scores = new LinkedHashMap<>();
    for (int n = 1; n <= ReviewRequest.MAX_CRITERIA; n++) {
      Object code = task.getVariable("c" + n + "Code");
      if (code == null) {
        continue;
      }
      boolean notApplicable = Boolean.TRUE.equals(task.getVariable("c" + n + "NotApplicable"));
      Object points = task.getVariable("c" + n + "Points");
      if (!notApplicable && points == null) {
        continue;
      }
      Integer value = null;
      if (!notApplicable) {
        if (!(points instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
          throw DomainException.badInput("review.score-whole", null, "指标 " + code + " 的评分须为整数", "score of criterion " + code + " must be a whole number");
        }
        value = number.intValue();
      }
      scores.put(code.toString(), new Assignment.CriterionScore(value, string(task, "c" + n + "Comment")));
    }
    return scores;
  }

  private static ItemOutcome.Recommendation recommendation(DelegateTask task) {
    String value = required(task, "recommendation");
    try {
      return ItemOutcome.Recommendation.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("review.recommendation", "recommendation", "推荐意见须为 RECOMMENDED 或 NOT_RECOMMENDED", "recommendation must be RECOMMENDED or NOT_RECOMMENDED");
    }
  }

  private static String string(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String required(DelegateTask task, String name) {
    String value = string(task, name);
    if (value == null) {
      throw DomainException.badInput("field.required", name, name + " 为必填项", name + " is required");
    }
    return value;
  }

  private static String actor(DelegateTask task) {
    return EngineUser.current(task.getProcessEngineServices())
        .orElse(task.getAssignee() == null ? "system" : task.getAssignee());
  }
}
