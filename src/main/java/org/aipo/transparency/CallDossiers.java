package org.aipo.transparency;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.call.Call;
import org.aipo.call.Calls;
import org.aipo.notice.Notices;
import org.aipo.notice.Objection;
import org.aipo.proposal.Attachment;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;
import org.aipo.review.Assignment;
import org.aipo.review.DrawVerdict;
import org.aipo.review.ItemOutcome;
import org.aipo.review.ReviewItem;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;
import org.aipo.review.Seat;

/**
 * The award dossier of a call (评审档案), for auditors and the archive, made from the records when asked: the
 * call and its history, every proposal with its formal check and documents, each review with its draw (seed,
 * pool snapshot, candidates with avoidance reasons), a replay verdict computed now, seats, invitations,
 * declarations and scores, the committee's outcomes, the ranking, leadership's decision, the notice, each
 * objection and its answer, the awards, the audit trail; and every proposal's evaluation summary. One JSON
 * and one PDF of the same content.
 */
@ApplicationScoped
@Transactional
public class CallDossiers {

  /** What a dossier is made of: the JSON and the document (the PDF's content). */
  public record Dossier(String callId, JsonObject json, ReportDocument document, Map<String, ReportDocument> summaries) {
  }

  @Inject
  Calls calls;

  @Inject
  Proposals proposals;

  @Inject
  ReviewService reviews;

  @Inject
  Notices notices;

  @Inject
  AuditLog auditLog;

  @Inject
  EvaluationReports reports;

  public Dossier of(String callId) {
    Call call = calls.found(callId);
    Map<String, String> names = reports.names();
    List<Proposal> ofCall = proposals.ofCall(callId).stream().sorted(Comparator.comparing(Proposal::getId)).toList();
    Map<String, ReviewRequest> reviewsById = new LinkedHashMap<>();
    for (Proposal proposal : ofCall) {
      if (proposal.getReviewRequestId() != null) {
        reviewsById.computeIfAbsent(proposal.getReviewRequestId(), reviews::find);
      }
    }
    List<Objection> objections = new ArrayList<>();
    for (int round = 1; round <= Math.max(1, call.getNoticeRound()); round++) {
      objections.addAll(notices.ofCallRound(callId, round));
    }
    List<AuditRecord> trail = new ArrayList<>(auditLog.forSubject("call", callId));
    Map<String, String> applicants = new LinkedHashMap<>();
    for (Proposal proposal : ofCall) {
      applicants.put(proposal.getId(), proposals.applicant(proposal.getId()));
      trail.addAll(auditLog.forSubject(Proposals.SUBJECT_TYPE, proposal.getId()));
    }
    for (String reviewId : reviewsById.keySet()) {
      trail.addAll(auditLog.forSubject(ReviewService.SUBJECT_TYPE, reviewId));
    }
    for (Objection objection : objections) {
      trail.addAll(auditLog.forSubject("objection", objection.getId()));
    }
    trail.sort(Comparator.comparing(AuditRecord::getOccurredAt).thenComparing(AuditRecord::getId));
    Map<String, DrawVerdict> verdicts = new LinkedHashMap<>();
    for (ReviewRequest review : reviewsById.values()) {
      if (review.getDrawSeed() != null) {
        verdicts.put(review.getId(), reviews.replay(review.getId()));
      }
    }
    // a grouped call's groups were drawn as one (ADR 0020): replayed as one too, which also checks the cap across groups
    Map<String, org.aipo.review.GroupDrawVerdict> groupDraws = new LinkedHashMap<>();
    reviewsById.values().stream().map(ReviewRequest::getDrawBatch).filter(java.util.Objects::nonNull).distinct()
        .forEach(batch -> groupDraws.put(batch, reviews.replayBatch(batch)));

    Map<String, ReportDocument> summaries = new LinkedHashMap<>();
    for (Proposal proposal : ofCall) {
      ReviewRequest review = proposal.getReviewRequestId() == null ? null : reviewsById.get(proposal.getReviewRequestId());
      ReviewItem item = review == null ? null
          : review.getItems().stream().filter(i -> i.getReference().equals(proposal.getId())).findFirst().orElse(null);
      ItemOutcome outcome = item == null ? null
          : review.getOutcomes().stream().filter(o -> o.getItemId().equals(item.getId()) && o.isDecided()).findFirst().orElse(null);
      if (outcome != null) {
        summaries.put(proposal.getId(), EvaluationReports.report(proposal, call, applicants.get(proposal.getId()), review, item, outcome, names));
      }
    }
    JsonObject json = json(call, ofCall, applicants, reviewsById, verdicts, groupDraws, objections, trail, names);
    return new Dossier(callId, json, document(call, ofCall, applicants, reviewsById, verdicts, groupDraws, objections, trail, names, summaries),
        summaries);
  }

  // ---- JSON ----

  private JsonObject json(Call call, List<Proposal> ofCall, Map<String, String> applicants, Map<String, ReviewRequest> reviewsById,
      Map<String, DrawVerdict> verdicts, Map<String, org.aipo.review.GroupDrawVerdict> groupDraws, List<Objection> objections, List<AuditRecord> trail, Map<String, String> names) {
    JsonObjectBuilder dossier = Json.createObjectBuilder().add("kind", "call-dossier").add("generatedAt", Instant.now().toString());
    JsonArrayBuilder criteria = Json.createArrayBuilder();
    call.getCriteria().forEach(c -> criteria.add(Json.createObjectBuilder().add("code", c.getCode()).add("name", c.getName()).add("weight", c.getWeight())));
    JsonObjectBuilder callJson = Json.createObjectBuilder().add("id", call.getId()).add("title", call.getTitle())
        .add("fields", Json.createArrayBuilder(new java.util.TreeSet<>(call.getFields()))).add("stage", call.getStage().name());
    instant(callJson, "opensAt", call.getOpensAt());
    instant(callJson, "closesAt", call.getClosesAt());
    callJson.add("budget", call.getBudget()).add("maxAward", call.getMaxAward()).add("awardCount", call.getAwardCount())
        .add("panelSize", call.getPanelSize()).add("projectMonths", call.getProjectMonths()).add("criteria", criteria)
        .add("history", audit(auditLog.forSubject("call", call.getId())));
    dossier.add("call", callJson);

    JsonArrayBuilder proposalsJson = Json.createArrayBuilder();
    for (Proposal proposal : ofCall) {
      JsonObjectBuilder p = Json.createObjectBuilder().add("id", proposal.getId()).add("title", proposal.content().title())
          .add("applicant", applicants.get(proposal.getId())).add("field", nz(proposal.content().field())).add("status", proposal.getStatus().name());
      instant(p, "submittedAt", proposal.getSubmittedAt());
      p.add("formalCheck", Json.createObjectBuilder().add("status", proposal.getStatus().name()).add("reasons", nz(proposal.getCheckReasons())));
      JsonArrayBuilder attachments = Json.createArrayBuilder();
      for (Attachment attachment : proposals.attachmentsOf(proposal.getId())) {
        attachments.add(Json.createObjectBuilder().add("id", attachment.getId()).add("kind", nz(attachment.getKind()))
            .add("fileName", attachment.getFileName()).add("size", attachment.getSize()).add("sha256", attachment.getSha256()));
      }
      p.add("attachments", attachments);
      if (proposal.getReviewRequestId() != null) {
        p.add("reviewRequestId", proposal.getReviewRequestId());
      }
      decimal(p, "score", proposal.getScore());
      if (proposal.getRankInField() != null) {
        p.add("rankInField", proposal.getRankInField());
      }
      decimal(p, "award", proposal.getAward());
      p.add("outcomeReason", nz(proposal.getOutcomeReason()));
      proposalsJson.add(p);
    }
    dossier.add("proposals", proposalsJson);

    JsonArrayBuilder reviewsJson = Json.createArrayBuilder();
    for (ReviewRequest review : reviewsById.values()) {
      reviewsJson.add(review(review, verdicts.get(review.getId()), names));
    }
    dossier.add("reviews", reviewsJson);
    JsonArrayBuilder groupDrawsJson = Json.createArrayBuilder();
    groupDraws.values().forEach(v -> groupDrawsJson.add(Json.createObjectBuilder().add("batch", v.batch()).add("callSeed", String.valueOf(v.callSeed()))
        .add("maxGroupsPerExpert", v.maxGroupsPerExpert() == null ? JsonValue.NULL : Json.createValue(v.maxGroupsPerExpert())).add("groups", v.groups())
        .add("replay", Json.createObjectBuilder().add("computedAt", Instant.now().toString()).add("matches", v.matches())
            .add("differences", Json.createArrayBuilder(v.differences())))));
    dossier.add("groupDraws", groupDrawsJson);

    JsonArrayBuilder ranking = Json.createArrayBuilder();
    ofCall.stream().filter(p -> p.getScore() != null)
        .sorted(Comparator.comparing((Proposal p) -> nz(p.content().field())).thenComparing(p -> p.getRankInField() == null ? Integer.MAX_VALUE : p.getRankInField()))
        .forEach(p -> {
          JsonObjectBuilder row = Json.createObjectBuilder().add("proposalId", p.getId()).add("field", nz(p.content().field()))
              .add("score", p.getScore()).add("award", p.getAward() == null ? BigDecimal.ZERO : p.getAward()).add("reason", nz(p.getOutcomeReason()));
          if (p.getRankInField() != null) {
            row.add("rankInField", p.getRankInField());
          }
          ranking.add(row);
        });
    dossier.add("ranking", ranking);
    dossier.add("decisions", audit(trail.stream().filter(r -> r.getSubjectType().equals("call")).toList()));

    JsonObjectBuilder notice = Json.createObjectBuilder().add("round", call.getNoticeRound());
    instant(notice, "opensAt", call.getNoticeOpensAt());
    instant(notice, "closesAt", call.getNoticeClosesAt());
    JsonArrayBuilder proposed = Json.createArrayBuilder();
    ofCall.stream().filter(p -> p.getAward() != null && p.getAward().signum() > 0).forEach(p -> proposed.add(Json.createObjectBuilder()
        .add("proposalId", p.getId()).add("title", p.content().title()).add("applicant", applicants.get(p.getId())).add("award", p.getAward())));
    notice.add("proposedAwardees", proposed);
    dossier.add("notice", notice);

    JsonArrayBuilder objectionsJson = Json.createArrayBuilder();
    for (Objection objection : objections) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("id", objection.getId()).add("round", objection.getNoticeRound())
          .add("proposalId", objection.getProposalId()).add("name", objection.getName()).add("contact", nz(objection.getContact()))
          .add("grounds", objection.getGrounds()).add("decision", objection.getDecision() == null ? "" : objection.getDecision().name())
          .add("answer", nz(objection.getAnswer()));
      instant(o, "lodgedAt", objection.getLodgedAt());
      objectionsJson.add(o);
    }
    dossier.add("objections", objectionsJson);

    JsonArrayBuilder awards = Json.createArrayBuilder();
    ofCall.stream().filter(p -> p.getStatus() == Proposal.Status.AWARDED || p.getStatus() == Proposal.Status.ACCEPTED
        || p.getStatus() == Proposal.Status.ACCEPTANCE_FAILED || p.getStatus() == Proposal.Status.ACCEPTANCE_OVERDUE)
        .forEach(p -> awards.add(Json.createObjectBuilder().add("proposalId", p.getId()).add("title", p.content().title())
            .add("applicant", applicants.get(p.getId())).add("award", p.getAward() == null ? BigDecimal.ZERO : p.getAward())
            .add("status", p.getStatus().name())));
    dossier.add("awards", awards);
    dossier.add("auditTrail", audit(trail));
    return dossier.build();
  }

  private JsonObjectBuilder review(ReviewRequest review, DrawVerdict verdict, Map<String, String> names) {
    JsonObjectBuilder r = Json.createObjectBuilder().add("id", review.getId()).add("title", review.getTitle()).add("field", review.getField())
        .add("status", review.getStatus().name()).add("panelSize", review.getPanelSize()).add("reserves", review.getReserves())
        .add("passScore", review.getPassScore()).add("trimFrom", review.getTrimFrom()).add("divergenceThreshold", review.getDivergenceThreshold());
    JsonArrayBuilder criteria = Json.createArrayBuilder();
    review.getCriteria().forEach(c -> criteria.add(Json.createObjectBuilder().add("code", c.getCode()).add("name", c.getName()).add("weight", c.getWeight())));
    r.add("criteria", criteria);
    JsonObjectBuilder draw = Json.createObjectBuilder();
    if (review.getDrawSeed() != null) {
      draw.add("seed", review.getDrawSeed());
    }
    instant(draw, "drawnAt", review.getDrawnAt());
    draw.add("poolSnapshot", review.getPoolSnapshot() == null ? Json.createArrayBuilder().build()
        : Json.createReader(new StringReader(review.getPoolSnapshot())).readArray());
    JsonArrayBuilder candidates = Json.createArrayBuilder();
    for (ReviewRequest.DrawCandidate c : review.getDrawCandidates()) {
      candidates.add(Json.createObjectBuilder().add("expertId", c.getExpertId()).add("name", nz(names.get(c.getExpertId())))
          .add("outcome", c.getOutcome().name()).add("position", c.getPosition()).add("reason", nz(c.getReason())));
    }
    draw.add("candidates", candidates);
    r.add("draw", draw);
    if (verdict != null) {
      JsonArrayBuilder replacements = Json.createArrayBuilder();
      verdict.replacements().forEach(x -> {
        JsonObjectBuilder each = Json.createObjectBuilder().add("expertId", x.expertId()).add("name", nz(names.get(x.expertId()))).add("source", x.source());
        if (x.reservePosition() != null) {
          each.add("reservePosition", x.reservePosition());
        }
        replacements.add(each);
      });
      r.add("replay", Json.createObjectBuilder().add("computedAt", Instant.now().toString()).add("matches", verdict.matches())
          .add("drawMatches", verdict.drawMatches()).add("reservesUsedInOrder", verdict.reservesUsedInOrder())
          .add("differences", Json.createArrayBuilder(verdict.differences())).add("panel", Json.createArrayBuilder(verdict.panel()))
          .add("reserves", Json.createArrayBuilder(verdict.reserves())).add("replacements", replacements));
    }
    JsonArrayBuilder seats = Json.createArrayBuilder();
    for (Seat seat : review.getSeats()) {
      JsonArrayBuilder invitations = Json.createArrayBuilder();
      for (Seat.Invitation invitation : seat.getInvitations()) {
        JsonObjectBuilder i = Json.createObjectBuilder().add("expertId", invitation.getExpertId()).add("name", nz(names.get(invitation.getExpertId())))
            .add("status", invitation.getStatus().name()).add("reason", nz(invitation.getReason()));
        instant(i, "answeredAt", invitation.getAnsweredAt());
        invitations.add(i);
      }
      JsonObjectBuilder s = Json.createObjectBuilder().add("seatNo", seat.getSeatNo()).add("invitations", invitations);
      if (seat.getExpertId() != null) {
        s.add("expertId", seat.getExpertId()).add("name", nz(names.get(seat.getExpertId())));
      }
      seats.add(s);
    }
    r.add("seats", seats);
    Map<String, String> references = new LinkedHashMap<>();
    review.getItems().forEach(i -> references.put(i.getId(), i.getReference()));
    JsonArrayBuilder assignments = Json.createArrayBuilder();
    for (Assignment a : review.getAssignments()) {
      JsonObjectBuilder scores = Json.createObjectBuilder();
      a.getScores().forEach((code, score) -> {
        JsonObjectBuilder s = Json.createObjectBuilder().add("comment", nz(score.getComment()));
        if (score.getPoints() == null) {
          s.addNull("points");
        } else {
          s.add("points", score.getPoints());
        }
        scores.add(code, s);
      });
      JsonObjectBuilder each = Json.createObjectBuilder().add("seatNo", a.getSeatNo()).add("itemId", a.getItemId())
          .add("reference", nz(references.get(a.getItemId()))).add("status", a.getStatus().name()).add("scores", scores);
      if (a.getExpertId() != null) {
        each.add("expertId", a.getExpertId()).add("name", nz(names.get(a.getExpertId())));
      }
      if (a.getConflictDeclared() != null) {
        each.add("conflictDeclared", a.getConflictDeclared()).add("conflictReason", nz(a.getConflictReason()));
      }
      assignments.add(each);
    }
    r.add("assignments", assignments);
    JsonArrayBuilder outcomes = Json.createArrayBuilder();
    for (ItemOutcome o : review.getOutcomes()) {
      JsonObjectBuilder means = Json.createObjectBuilder();
      o.criterionMeanMap().forEach(means::add);
      JsonObjectBuilder each = Json.createObjectBuilder().add("itemId", o.getItemId()).add("reference", nz(references.get(o.getItemId())))
          .add("score", o.getScore()).add("spread", o.getSpread()).add("trimmed", o.isTrimmed()).add("diverges", o.isDiverges())
          .add("scoreCount", o.getScoreCount()).add("criterionMeans", means)
          .add("recommendation", o.getRecommendation() == null ? "" : o.getRecommendation().name()).add("opinion", nz(o.getOpinion()))
          .add("reasons", nz(o.getReasons())).add("decidedBy", nz(o.getDecidedBy()));
      instant(each, "decidedAt", o.getDecidedAt());
      outcomes.add(each);
    }
    r.add("outcomes", outcomes);
    return r;
  }

  private static JsonArrayBuilder audit(List<AuditRecord> records) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (AuditRecord record : records) {
      array.add(Json.createObjectBuilder().add("at", record.getOccurredAt().toString()).add("actor", record.getActor())
          .add("action", record.getAction()).add("subjectType", record.getSubjectType()).add("subjectId", record.getSubjectId())
          .add("detail", nz(record.getDetail())));
    }
    return array;
  }

  private static void instant(JsonObjectBuilder builder, String name, Instant value) {
    if (value != null) {
      builder.add(name, value.toString());
    }
  }

  private static void decimal(JsonObjectBuilder builder, String name, BigDecimal value) {
    if (value != null) {
      builder.add(name, value);
    }
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  // ---- the document (PDF) ----

  private ReportDocument document(Call call, List<Proposal> ofCall, Map<String, String> applicants, Map<String, ReviewRequest> reviewsById,
      Map<String, DrawVerdict> verdicts, Map<String, org.aipo.review.GroupDrawVerdict> groupDraws, List<Objection> objections, List<AuditRecord> trail, Map<String, String> names,
      Map<String, ReportDocument> summaries) {
    ReportDocument d = new ReportDocument("评审档案 Award dossier：" + call.getTitle());
    d.field("指南编号 Call id", call.getId());
    d.field("领域 Fields", String.join(", ", new java.util.TreeSet<>(call.getFields())));
    d.field("申报期 Open", EvaluationReports.when(call.getOpensAt()) + " — " + EvaluationReports.when(call.getClosesAt()));
    d.field("预算 Budget (yuan)", call.getBudget().setScale(0, RoundingMode.HALF_UP).toPlainString());
    d.field("单项最高资助 Max award (yuan)", call.getMaxAward().setScale(0, RoundingMode.HALF_UP).toPlainString());
    d.field("资助名额 Awards", call.getAwardCount());
    d.field("阶段 Stage", call.getStage().name());
    d.paragraph("档案生成时间 Made at " + EvaluationReports.when(Instant.now()) + "（北京时间 China time），抽取复核于此时重算 draws replayed now.");

    d.heading("一、指南及其变更 The call and its history");
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"), rows(auditLog.forSubject("call", call.getId())));

    d.heading("二、申报与形式审查 Proposals and formal checks");
    List<List<String>> proposalRows = new ArrayList<>();
    for (Proposal p : ofCall) {
      proposalRows.add(List.of(p.getId(), p.content().title(), applicants.get(p.getId()), p.getStatus().name(),
          EvaluationReports.when(p.getSubmittedAt()), p.getCheckReasons() == null ? "" : p.getCheckReasons()));
    }
    d.table(List.of("编号 Id", "项目 Title", "申报单位 Applicant", "状态 Status", "提交 Submitted", "形式审查意见 Check reasons"), proposalRows);
    List<List<String>> attachmentRows = new ArrayList<>();
    for (Proposal p : ofCall) {
      for (Attachment a : proposals.attachmentsOf(p.getId())) {
        attachmentRows.add(List.of(p.getId(), a.getKind() == null ? "" : a.getKind(), a.getFileName(), String.valueOf(a.getSize()), a.getSha256()));
      }
    }
    d.table(List.of("申报 Proposal", "类别 Kind", "文件 File", "字节 Bytes", "SHA-256"), attachmentRows);

    d.heading("三、专家评审 Reviews");
    for (org.aipo.review.GroupDrawVerdict v : groupDraws.values()) {
      d.field("分组整体抽取 Review groups drawn as one", v.groups() + " 组 groups，总种子 call seed " + v.callSeed() + "，每位专家至多 at most "
          + v.maxGroupsPerExpert() + " 组 groups per expert");
      d.field("整体抽取复核 Whole-draw replay verdict", v.matches() ? "一致 MATCH" : "不一致 MISMATCH：" + String.join("；", v.differences()));
    }
    for (ReviewRequest review : reviewsById.values()) {
      d.field("评审 Review", review.getTitle() + "（" + review.getId() + "）");
      d.field("领域 / 专家组 / 候补 Field / panel / reserves", review.getField() + " / " + review.getPanelSize() + " / " + review.getReserves());
      d.field("随机种子 Draw seed", review.getDrawSeed());
      d.field("抽取时间 Drawn at", EvaluationReports.when(review.getDrawnAt()));
      d.field("专家库快照 Pool snapshot (JSON)", review.getPoolSnapshot());
      DrawVerdict verdict = verdicts.get(review.getId());
      d.field("抽取复核 Replay verdict", verdict == null ? "未抽取 not drawn"
          : (verdict.matches() ? "一致 MATCH" : "不一致 MISMATCH：" + String.join("；", verdict.differences())));
      List<List<String>> candidates = new ArrayList<>();
      for (ReviewRequest.DrawCandidate c : review.getDrawCandidates()) {
        candidates.add(List.of(String.valueOf(c.getPosition()), c.getExpertId(), names.getOrDefault(c.getExpertId(), ""), c.getOutcome().name(),
            c.getReason() == null ? "" : c.getReason()));
      }
      d.table(List.of("序 #", "专家编号 Expert id", "姓名 Name", "结果 Outcome", "回避理由 Avoidance reason"), candidates);
      List<List<String>> invitations = new ArrayList<>();
      for (Seat seat : review.getSeats()) {
        for (Seat.Invitation i : seat.getInvitations()) {
          invitations.add(List.of(String.valueOf(seat.getSeatNo()), names.getOrDefault(i.getExpertId(), i.getExpertId()), i.getStatus().name(),
              EvaluationReports.when(i.getAnsweredAt()), i.getReason() == null ? "" : i.getReason()));
        }
      }
      d.table(List.of("席位 Seat", "专家 Expert", "邀请结果 Invitation", "答复时间 Answered", "理由 Reason"), invitations);
      Map<String, String> references = new LinkedHashMap<>();
      review.getItems().forEach(i -> references.put(i.getId(), i.getReference()));
      List<List<String>> declarations = new ArrayList<>();
      for (Assignment a : review.getAssignments()) {
        declarations.add(List.of(String.valueOf(a.getSeatNo()), references.getOrDefault(a.getItemId(), a.getItemId()),
            a.getExpertId() == null ? "" : names.getOrDefault(a.getExpertId(), a.getExpertId()), a.getStatus().name(),
            a.getConflictDeclared() == null ? "" : (a.getConflictDeclared() ? "有冲突 conflict：" + a.getConflictReason() : "无冲突 none")));
      }
      d.table(List.of("席位 Seat", "申报 Proposal", "专家 Expert", "状态 Status", "利益冲突声明 Declaration"), declarations);
    }

    d.heading("四、排序与资助决定 Ranking and funding decision");
    List<List<String>> ranking = new ArrayList<>();
    ofCall.stream().filter(p -> p.getScore() != null).forEach(p -> ranking.add(List.of(p.content().field() == null ? "" : p.content().field(),
        p.getRankInField() == null ? "—" : p.getRankInField().toString(), p.content().title(), p.getScore().toPlainString(),
        p.getAward() == null ? "0" : p.getAward().setScale(0, RoundingMode.HALF_UP).toPlainString(), p.getOutcomeReason() == null ? "" : p.getOutcomeReason())));
    d.table(List.of("领域 Field", "排名 Rank", "项目 Title", "得分 Score", "拟资助 Award", "说明 Reason"), ranking);
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"),
        rows(trail.stream().filter(r -> r.getSubjectType().equals("call")).filter(r -> r.getAction().contains("approv")
            || r.getAction().contains("rank") || r.getAction().contains("notice") || r.getAction().contains("award")).toList()));

    d.heading("五、公示与异议 Notice and objections");
    d.field("公示期 Notice", EvaluationReports.when(call.getNoticeOpensAt()) + " — " + EvaluationReports.when(call.getNoticeClosesAt())
        + "（第 " + call.getNoticeRound() + " 轮 round）");
    List<List<String>> objectionRows = new ArrayList<>();
    for (Objection o : objections) {
      objectionRows.add(List.of(EvaluationReports.when(o.getLodgedAt()), o.getName(), o.getProposalId(), o.getGrounds(),
          o.getDecision() == null ? "未答复 open" : o.getDecision().name(), o.getAnswer() == null ? "" : o.getAnswer()));
    }
    d.table(List.of("时间 Lodged", "异议人 Objector", "申报 Proposal", "理由 Grounds", "处理 Decision", "答复 Answer"), objectionRows);

    d.heading("六、立项 Awards");
    List<List<String>> awards = new ArrayList<>();
    ofCall.stream().filter(p -> p.getAward() != null && p.getAward().signum() > 0).forEach(p -> awards.add(List.of(p.getId(), p.content().title(),
        applicants.get(p.getId()), p.getAward().setScale(0, RoundingMode.HALF_UP).toPlainString(), p.getStatus().name())));
    d.table(List.of("编号 Id", "项目 Title", "申报单位 Applicant", "资助 Award (yuan)", "状态 Status"), awards);

    d.heading("七、审计记录 Audit trail");
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"), rows(trail));

    d.heading("八、评审意见汇总表 Evaluation summaries");
    for (ReportDocument summary : summaries.values()) {
      for (ReportDocument.Block block : summary.blocks()) {
        d.append(block instanceof ReportDocument.Heading h && h.level() == 1 ? new ReportDocument.Heading(2, h.text()) : block);
      }
    }
    return d;
  }

  private static List<List<String>> rows(List<AuditRecord> records) {
    List<List<String>> rows = new ArrayList<>();
    for (AuditRecord r : records) {
      rows.add(List.of(EvaluationReports.when(r.getOccurredAt()), r.getActor(), r.getAction(), r.getDetail() == null ? "" : r.getDetail()));
    }
    return rows;
  }
}
