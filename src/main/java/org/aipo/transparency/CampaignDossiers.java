package org.aipo.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.audit.AuditRecord;
import org.aipo.supervision.SpotCheckCampaign;
import org.aipo.supervision.SpotCheckDraw;
import org.aipo.supervision.SpotCheckInspection;
import org.aipo.supervision.SpotCheckInspections;
import org.aipo.supervision.SpotChecks;

/**
 * The dossier of a spot-check campaign (抽查档案): its rules, the draw's seed, pool snapshot and stored result, a
 * replay verdict computed when the dossier is made ({@link SpotChecks#replay}, itself audited), every inspection
 * with inspectors, result, findings, rectification and follow-up, and the audit trail. JSON and PDF.
 */
@ApplicationScoped
@Transactional
public class CampaignDossiers {

  public record Dossier(JsonObject json, ReportDocument document) {
  }

  @Inject
  SpotChecks spotChecks;

  @Inject
  AuditLog auditLog;

  public Dossier of(String campaignId, String actor) {
    SpotCheckCampaign campaign = spotChecks.campaign(campaignId);
    SpotChecks.ReplayOutcome replay = spotChecks.replay(campaignId, actor);
    List<SpotCheckInspection> inspections = spotChecks.inspectionsOf(campaignId);
    List<AuditRecord> trail = new ArrayList<>(auditLog.forSubject(SpotCheckInspections.SUBJECT_CAMPAIGN, campaignId));
    inspections.forEach(i -> trail.addAll(auditLog.forSubject(SpotCheckInspections.SUBJECT_INSPECTION, i.getId())));
    trail.sort(Comparator.comparing(AuditRecord::getOccurredAt).thenComparing(AuditRecord::getId));

    SpotCheckDraw.Rules rules = campaign.rules();
    JsonObjectBuilder json = Json.createObjectBuilder().add("kind", "spot-check-campaign-dossier").add("generatedAt", Instant.now().toString())
        .add("campaign", Json.createObjectBuilder().add("id", campaign.getId()).add("name", campaign.getName())
            .add("startedBy", campaign.getStartedBy()).add("startedAt", campaign.getStartedAt().toString())
            .add("rules", Json.createObjectBuilder().add("shareHigh", rules.shareHigh()).add("shareMedium", rules.shareMedium())
                .add("shareLow", rules.shareLow()).add("inspectorsPerInspection", rules.inspectorsPerInspection())))
        .add("draw", Json.createObjectBuilder().add("seed", campaign.getSeed()).add("poolSnapshot", campaign.getPoolSnapshot())
            .add("result", campaign.getDrawResult()))
        .add("replay", Json.createObjectBuilder().add("computedAt", Instant.now().toString()).add("matches", replay.replay().matches())
            .add("poolUnchanged", replay.poolUnchanged()).add("problem", replay.replay().problem() == null ? "" : replay.replay().problem()));
    JsonArrayBuilder inspectionsJson = Json.createArrayBuilder();
    List<List<String>> rows = new ArrayList<>();
    for (SpotCheckInspection i : inspections) {
      JsonObjectBuilder each = Json.createObjectBuilder().add("id", i.getId()).add("serviceId", i.getServiceId()).add("serviceName", i.getServiceName())
          .add("organisation", nz(i.getOrganisationName())).add("tier", i.getTier().name()).add("inspectors", Json.createArrayBuilder(i.getInspectors()))
          .add("status", i.getStatus().name()).add("result", i.getResult() == null ? "" : i.getResult().name()).add("findings", nz(i.getFindings()))
          .add("notes", nz(i.getNotes())).add("inspectedBy", nz(i.getInspectedBy())).add("rectification", nz(i.getRectification()))
          .add("rectificationLate", i.isRectificationLate()).add("followUpNotes", nz(i.getFollowUpNotes()));
      instant(each, "inspectedAt", i.getInspectedAt());
      instant(each, "rectificationDue", i.getRectificationDue());
      instant(each, "rectifiedAt", i.getRectifiedAt());
      instant(each, "publishedAt", i.getPublishedAt());
      inspectionsJson.add(each);
      rows.add(List.of(i.getServiceName(), nz(i.getOrganisationName()), i.getTier().name(), String.join(", ", i.getInspectors()), i.getStatus().name(),
          i.getResult() == null ? "" : i.getResult().name(), nz(i.getFindings()), EvaluationReports.when(i.getPublishedAt())));
    }
    json.add("inspections", inspectionsJson);
    JsonArrayBuilder audit = Json.createArrayBuilder();
    List<List<String>> auditRows = new ArrayList<>();
    for (AuditRecord r : trail) {
      audit.add(Json.createObjectBuilder().add("at", r.getOccurredAt().toString()).add("actor", r.getActor()).add("action", r.getAction())
          .add("subjectType", r.getSubjectType()).add("subjectId", r.getSubjectId()).add("detail", nz(r.getDetail())));
      auditRows.add(List.of(EvaluationReports.when(r.getOccurredAt()), r.getActor(), r.getAction(), nz(r.getDetail())));
    }
    json.add("auditTrail", audit);

    ReportDocument d = new ReportDocument("抽查档案 Spot-check campaign dossier：" + campaign.getName());
    d.field("编号 Campaign id", campaign.getId());
    d.field("发起 Started", EvaluationReports.when(campaign.getStartedAt()) + "，" + campaign.getStartedBy());
    d.field("抽查比例 Shares (high / medium / low, %)", rules.shareHigh() + " / " + rules.shareMedium() + " / " + rules.shareLow());
    d.field("每项检查人数 Inspectors per inspection", rules.inspectorsPerInspection());
    d.heading("抽取 The draw");
    d.field("随机种子 Draw seed", campaign.getSeed());
    d.field("抽取复核 Replay verdict", (replay.replay().matches() ? "一致 MATCH" : "不一致 MISMATCH：" + nz(replay.replay().problem()))
        + (replay.poolUnchanged() ? "；名录与抽取时相同 pool unchanged" : "；名录已变化 pool changed since the draw"));
    d.field("名录快照 Pool snapshot", campaign.getPoolSnapshot());
    d.field("抽取结果 Stored result", campaign.getDrawResult());
    d.heading("检查 Inspections");
    d.table(List.of("服务 Service", "单位 Organisation", "等级 Tier", "检查人员 Inspectors", "状态 Status", "结果 Result", "问题 Findings", "公布 Published"), rows);
    d.heading("审计记录 Audit trail");
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"), auditRows);
    return new Dossier(json.build(), d);
  }

  private static void instant(JsonObjectBuilder builder, String name, Instant value) {
    if (value != null) {
      builder.add(name, value.toString());
    }
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
