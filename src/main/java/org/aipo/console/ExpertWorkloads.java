package org.aipo.console;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.expert.Expert;
import org.aipo.review.Assignment;
import org.aipo.review.ReviewRequest;

/**
 * The experts' workload per review group (issue 28): for every review request (a call's field panel, a scenario round's
 * or a voucher's review), each expert of its panel with the items assigned and how many are scored, being scored,
 * recused or handed to a replacement. Reads only.
 */
@ApplicationScoped
@Transactional
public class ExpertWorkloads {

  static final List<String> HEADERS = List.of("评审组 (Review)", "领域 (Field)", "评审状态 (Review status)", "专家 (Expert)", "用户名 (User id)",
      "单位 (Organisation)", "分配项目数 (Assigned)", "已评分 (Scored)", "待评分 (To score)", "回避 (Recused)", "已替换 (Replaced)");

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  public Sheet sheet() {
    List<ReviewRequest> requests = entityManager.createQuery("select r from ReviewRequest r order by r.createdAt desc, r.id", ReviewRequest.class)
        .getResultList();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Expert> experts = new LinkedHashMap<>();
    for (ReviewRequest request : requests) {
      Map<String, Map<Assignment.Status, Integer>> byExpert = new LinkedHashMap<>();
      for (Assignment assignment : request.getAssignments()) {
        byExpert.computeIfAbsent(assignment.getExpertId(), e -> new EnumMap<>(Assignment.Status.class))
            .merge(assignment.getStatus(), 1, Integer::sum);
      }
      for (Map.Entry<String, Map<Assignment.Status, Integer>> entry : byExpert.entrySet()) {
        // a seat the draw could not fill has no expert yet (a group short of experts): shown as vacant
        Expert expert = entry.getKey() == null ? null : experts.computeIfAbsent(entry.getKey(), id -> entityManager.find(Expert.class, id));
        Map<Assignment.Status, Integer> n = entry.getValue();
        int assigned = n.values().stream().mapToInt(Integer::intValue).sum();
        rows.add(List.of(text(request.getTitle()), request.getField() == null ? "" : request.getField(), request.getStatus().name(),
            expert == null ? (entry.getKey() == null ? "（空缺）(vacant)" : entry.getKey()) : text(expert.getName()), expert == null ? "" : text(expert.getUserId()),
            expert == null ? "" : text(expert.getOrganisation()), assigned, n.getOrDefault(Assignment.Status.SCORED, 0),
            n.getOrDefault(Assignment.Status.SCORING, 0) + n.getOrDefault(Assignment.Status.DECLARING, 0),
            n.getOrDefault(Assignment.Status.RECUSED, 0), n.getOrDefault(Assignment.Status.REPLACED, 0)));
      }
    }
    return new Sheet("专家工作量 Workload", HEADERS, rows);
  }

  /** An empty cell for a value the expert or review does not have (an expert without a user id: List.of takes no null). */
  private static String text(String value) {
    return value == null ? "" : value;
  }
}
