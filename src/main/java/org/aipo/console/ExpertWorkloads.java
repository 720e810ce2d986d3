package org.aipo.console;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  static final String VACANT = "（空缺）(vacant)";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  public Sheet sheet() {
    List<ReviewRequest> requests = entityManager.createQuery("select r from ReviewRequest r order by r.createdAt desc, r.id", ReviewRequest.class)
        .getResultList();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Expert> experts = new HashMap<>();
    for (ReviewRequest request : requests) {
      List<Map.Entry<String, Assignment.Status>> seats = request.getAssignments().stream()
          .map(a -> new AbstractMap.SimpleImmutableEntry<>(a.getExpertId(), a.getStatus())).collect(Collectors.toList());
      rows.addAll(rows(request.getTitle(), request.getField(), request.getStatus().name(), seats,
          id -> experts.computeIfAbsent(id, e -> entityManager.find(Expert.class, e))));
    }
    return new Sheet("专家工作量 Workload", HEADERS, rows);
  }

  /**
   * One review's rows: each expert of its assignments (expert id, status) with the counts per status. A seat the draw
   * could not fill has no expert yet (a group short of experts, a declined seat without a reserve): a vacant row.
   */
  static List<List<Object>> rows(String title, String field, String status, List<Map.Entry<String, Assignment.Status>> assignments,
      Function<String, Expert> experts) {
    Map<String, Map<Assignment.Status, Integer>> byExpert = new LinkedHashMap<>();
    for (Map.Entry<String, Assignment.Status> assignment : assignments) {
      byExpert.computeIfAbsent(assignment.getKey(), e -> new EnumMap<>(Assignment.Status.class)).merge(assignment.getValue(), 1, Integer::sum);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Assignment.Status, Integer>> entry : byExpert.entrySet()) {
      Expert expert = entry.getKey() == null ? null : experts.apply(entry.getKey());
      Map<Assignment.Status, Integer> n = entry.getValue();
      int assigned = n.values().stream().mapToInt(Integer::intValue).sum();
      rows.add(List.of(text(title), text(field), status,
          expert == null ? (entry.getKey() == null ? VACANT : entry.getKey()) : text(expert.getName()), expert == null ? "" : text(expert.getUserId()),
          expert == null ? "" : text(expert.getOrganisation()), assigned, n.getOrDefault(Assignment.Status.SCORED, 0),
          n.getOrDefault(Assignment.Status.SCORING, 0) + n.getOrDefault(Assignment.Status.DECLARING, 0),
          n.getOrDefault(Assignment.Status.RECUSED, 0), n.getOrDefault(Assignment.Status.REPLACED, 0)));
    }
    return rows;
  }

  /** An empty cell for a value the expert or review does not have (an expert without a user id: List.of takes no null). */
  private static String text(String value) {
    return value == null ? "" : value;
  }
}
