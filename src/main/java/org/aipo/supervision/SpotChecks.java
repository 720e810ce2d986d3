package org.aipo.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.CreditCode;
import org.aipo.applicant.Organisation;
import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.common.Text;
import org.aipo.filing.AiService;
import org.aipo.filing.AiServices;
import org.aipo.identity.Roles;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Random spot checks (双随机、一公开, programme 5 step 6): a campaign draws services per tier and inspectors per
 * service from a recorded seed and pool snapshot ({@link SpotCheckDraw}), stores the draw and starts one
 * {@code spotCheckInspection} per drawn service, all in one transaction; the inspectors record results, the firm
 * rectifies, results are published. Also the inspectors' avoidance declarations.
 */
@ApplicationScoped
@Transactional
public class SpotChecks implements SpotCheckStages {

  public static final int DEFAULT_SHARE_HIGH = 30;
  public static final int DEFAULT_SHARE_MEDIUM = 10;
  public static final int DEFAULT_SHARE_LOW = 3;
  public static final int DEFAULT_INSPECTORS = 2;

  private static final SecureRandom SEEDS = new SecureRandom();

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AiServices aiServices;

  @Inject
  Registration registration;

  @Inject
  org.aipo.notification.Notifier notifier;

  private final Clock clock = Clock.systemUTC();

  // ---- campaigns and their draws

  /** A campaign with its inspections, as started. */
  public record Started(SpotCheckCampaign campaign, List<SpotCheckInspection> inspections) {
  }

  /** Starts a campaign: draws, stores the draw and starts each inspection's process, in one transaction. */
  public Started start(String name, Integer shareHigh, Integer shareMedium, Integer shareLow, Integer inspectorsPerInspection, String actor) {
    String title = Text.required(name, "name", 200).trim();
    SpotCheckDraw.Rules rules = new SpotCheckDraw.Rules(share(shareHigh, DEFAULT_SHARE_HIGH, "shareHigh"), share(shareMedium, DEFAULT_SHARE_MEDIUM,
        "shareMedium"), share(shareLow, DEFAULT_SHARE_LOW, "shareLow"), inspectors(inspectorsPerInspection));
    SpotCheckDraw.Snapshot snapshot = currentPool();
    byte[] bytes = new byte[16];
    SEEDS.nextBytes(bytes);
    String seed = HexFormat.of().formatHex(bytes);
    List<SpotCheckDraw.Drawn> drawn = SpotCheckDraw.draw(seed, snapshot, rules);
    if (drawn.isEmpty()) {
      throw DomainException.conflict("spot-check.nothing-drawn", null, "按当前比例没有抽中任何服务（登记库为空或比例均为 0）",
          "no service was drawn at these shares (the register is empty or every share is 0)");
    }
    SpotCheckCampaign campaign = new SpotCheckCampaign(title, rules, seed, snapshot.text(), SpotCheckDraw.text(drawn), actor, clock.instant());
    entityManager.persist(campaign);
    // the campaign's row must exist before its inspections reference it (EclipseLink orders inserts by class)
    entityManager.flush();
    List<SpotCheckInspection> inspections = new ArrayList<>();
    for (SpotCheckDraw.Drawn d : drawn) {
      AiService service = aiServices.found(d.serviceId());
      Organisation organisation = entityManager.find(Organisation.class, service.getOrganisationId());
      SpotCheckInspection inspection = new SpotCheckInspection(campaign.getId(), service, organisation == null ? "—" : organisation.getName(),
          d.inspectors());
      entityManager.persist(inspection);
      inspections.add(inspection);
    }
    entityManager.flush();
    auditLog.record(actor, SpotCheckInspections.ACTION_CAMPAIGN_STARTED, SpotCheckInspections.SUBJECT_CAMPAIGN, campaign.getId(),
        title + ": seed " + seed + ", drawn " + SpotCheckDraw.countByTier(drawn) + " at shares " + rules);
    for (SpotCheckInspection inspection : inspections) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(SpotCheckInspections.VAR_INSPECTION, inspection.getId());
      variables.put(SpotCheckInspections.VAR_INSPECTORS, String.join(",", inspection.getInspectors()));
      variables.put("serviceName", inspection.getServiceName());
      variables.put("organisationName", inspection.getOrganisationName());
      variables.put("serviceTier", inspection.getTier().name());
      variables.put("campaignName", title);
      workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(SpotCheckInspections.PROCESS_KEY, inspection.getId(), variables);
    }
    return new Started(campaign, inspections);
  }

  private static int share(Integer value, int fallback, String field) {
    int share = value == null ? fallback : value;
    if (share < 0 || share > 100) {
      throw DomainException.badInput("spot-check.share", field, field + " 须在 0 到 100（百分比）之间", field + " must be a percentage from 0 to 100");
    }
    return share;
  }

  private static int inspectors(Integer value) {
    int count = value == null ? DEFAULT_INSPECTORS : value;
    if (count < 1 || count > 10) {
      throw DomainException.badInput("spot-check.inspectors", "inspectorsPerInspection", "inspectorsPerInspection 须在 1 到 10 之间",
          "inspectorsPerInspection must be from 1 to 10");
    }
    return count;
  }

  /** The pool now: the supervised services per tier (stable order) with their firms' credit codes, and the inspectors. */
  public SpotCheckDraw.Snapshot currentPool() {
    Map<AiService.Tier, List<SpotCheckDraw.Candidate>> services = new EnumMap<>(AiService.Tier.class);
    Map<String, String> codes = new HashMap<>();
    for (AiService.Tier tier : AiService.Tier.values()) {
      services.put(tier, aiServices.supervisedInTier(tier).stream().map(s -> new SpotCheckDraw.Candidate(s.getId(), codes.computeIfAbsent(
          s.getOrganisationId(), id -> {
            Organisation organisation = entityManager.find(Organisation.class, id);
            return organisation == null ? "-" : organisation.getCreditCode();
          }))).toList());
    }
    Map<String, Set<String>> avoids = avoidances().stream().collect(Collectors.groupingBy(InspectorAvoidance::getInspectorId,
        Collectors.mapping(InspectorAvoidance::getCreditCode, Collectors.toSet())));
    List<SpotCheckDraw.Inspector> inspectors = workflowEngine.processEngine().getIdentityService().createUserQuery()
        .memberOfGroup(Roles.INSPECTOR.groupId()).orderByUserId().asc().list().stream()
        .map(u -> new SpotCheckDraw.Inspector(u.getId(), avoids.getOrDefault(u.getId(), Set.of()))).toList();
    return new SpotCheckDraw.Snapshot(services, inspectors);
  }

  public List<SpotCheckCampaign> campaigns() {
    return entityManager.createQuery("select c from SpotCheckCampaign c order by c.startedAt desc, c.id", SpotCheckCampaign.class).getResultList();
  }

  public SpotCheckCampaign campaign(String id) {
    SpotCheckCampaign campaign = id == null || id.length() > 36 ? null : entityManager.find(SpotCheckCampaign.class, id);
    if (campaign == null) {
      throw DomainException.notFound("spot-check-campaign.not-found", null, "没有抽查活动 " + id, "no spot-check campaign " + id);
    }
    return campaign;
  }

  public List<SpotCheckInspection> inspectionsOf(String campaignId) {
    return entityManager.createQuery("select i from SpotCheckInspection i where i.campaignId = :campaign order by i.tier, i.serviceName, i.id",
        SpotCheckInspection.class).setParameter("campaign", campaignId).getResultList();
  }

  /** What a replay found, and whether today's pool still equals the snapshot. */
  public record ReplayOutcome(SpotCheckDraw.Replay replay, boolean poolUnchanged) {
  }

  /** Recomputes the campaign's draw from its stored seed and snapshot and compares it with the stored result. */
  public ReplayOutcome replay(String campaignId, String actor) {
    SpotCheckCampaign campaign = campaign(campaignId);
    SpotCheckDraw.Replay replay = SpotCheckDraw.replay(campaign.getSeed(), campaign.getPoolSnapshot(), campaign.rules(), campaign.getDrawResult());
    boolean poolUnchanged = currentPool().text().equals(campaign.getPoolSnapshot());
    auditLog.record(actor, SpotCheckInspections.ACTION_REPLAYED, SpotCheckInspections.SUBJECT_CAMPAIGN, campaignId,
        (replay.matches() ? "matches" : "MISMATCH") + (poolUnchanged ? ", pool unchanged" : ", pool changed since the draw"));
    return new ReplayOutcome(replay, poolUnchanged);
  }

  // ---- inspections

  public List<SpotCheckInspection> allInspections() {
    return entityManager.createQuery("select i from SpotCheckInspection i order by i.campaignId, i.tier, i.serviceName, i.id", SpotCheckInspection.class)
        .getResultList();
  }

  /** The inspections drawn for this inspector, and no other. */
  public List<SpotCheckInspection> inspectionsOfInspector(String userId) {
    return allInspections().stream().filter(i -> i.isInspector(userId)).toList();
  }

  public SpotCheckInspection inspection(String id) {
    SpotCheckInspection inspection = id == null || id.length() > 36 ? null : entityManager.find(SpotCheckInspection.class, id);
    if (inspection == null) {
      throw notFound(id);
    }
    return inspection;
  }

  /** An inspection drawn for this inspector; another's is not found (404), never shown. */
  public SpotCheckInspection drawnFor(String userId, String id) {
    SpotCheckInspection inspection = inspection(id);
    if (!inspection.isInspector(userId)) {
      throw notFound(id);
    }
    return inspection;
  }

  private static DomainException notFound(String id) {
    return DomainException.notFound("spot-check-inspection.not-found", null, "没有抽查 " + id, "no spot-check inspection " + id);
  }

  /** A drawn inspector's result through the API: completes {@code userTask_inspectService} as Tasklist would. */
  public SpotCheckInspection submitResult(String userId, String inspectionId, Boolean findingsFound, String findings, String notes) {
    SpotCheckInspection inspection = drawnFor(userId, inspectionId);
    if (findingsFound == null) {
      throw DomainException.badInput("field.required", "findingsFound", "findingsFound 为必填项（true 或 false）", "findingsFound is required (true or false)");
    }
    if (findingsFound) {
      Text.required(findings, "findings", 2000);
    } else {
      Text.atMost(findings, "findings", 2000);
    }
    Text.atMost(notes, "notes", 2000);
    Task task = openTask(inspectionId, SpotCheckInspections.TASK_INSPECT);
    Map<String, Object> variables = new HashMap<>();
    variables.put(SpotCheckInspections.VAR_FINDINGS_FOUND, findingsFound);
    variables.put(SpotCheckInspections.VAR_FINDINGS, findings);
    variables.put(SpotCheckInspections.VAR_NOTES, notes);
    variables.put(SpotCheckInspections.VAR_DECIDED_BY, userId);
    workflowEngine.processEngine().getTaskService().complete(task.getId(), variables);
    return inspection;
  }

  /** A drawn inspector's follow-up check through the API: completes {@code userTask_followUpCheck}. */
  public SpotCheckInspection submitFollowUp(String userId, String inspectionId, Boolean rectified, String notes) {
    SpotCheckInspection inspection = drawnFor(userId, inspectionId);
    if (rectified == null) {
      throw DomainException.badInput("field.required", "rectified", "rectified 为必填项（true 或 false）", "rectified is required (true or false)");
    }
    Text.atMost(notes, "notes", 2000);
    Task task = openTask(inspectionId, SpotCheckInspections.TASK_FOLLOW_UP);
    Map<String, Object> variables = new HashMap<>();
    variables.put(SpotCheckInspections.VAR_RECTIFIED, rectified);
    variables.put(SpotCheckInspections.VAR_FOLLOW_UP_NOTES, notes);
    variables.put(SpotCheckInspections.VAR_DECIDED_BY, userId);
    workflowEngine.processEngine().getTaskService().complete(task.getId(), variables);
    return inspection;
  }

  private Task openTask(String inspectionId, String taskKey) {
    Task task = workflowEngine.processEngine().getTaskService().createTaskQuery().processDefinitionKey(SpotCheckInspections.PROCESS_KEY)
        .processInstanceBusinessKey(inspectionId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw DomainException.conflict("spot-check.step-not-open", null, "该抽查当前不在这一步", "the inspection is not at this step");
    }
    return task;
  }

  /** The firm's inspections (its services'), without the inspectors' notes (the views leave them out). */
  public List<SpotCheckInspection> inspectionsOfFirm(String userId) {
    Organisation organisation = registration.organisationOf(userId);
    return entityManager.createQuery("select i from SpotCheckInspection i where i.organisationId = :organisation order by i.campaignId, i.serviceName",
        SpotCheckInspection.class).setParameter("organisation", organisation.getId()).getResultList();
  }

  /** The firm submits its rectification of the findings: stored, then the process's wait ends (one transaction). */
  public SpotCheckInspection submitRectification(String userId, String inspectionId, String rectification) {
    Organisation organisation = registration.organisationOf(userId);
    SpotCheckInspection inspection = id(inspectionId);
    if (inspection == null || !inspection.getOrganisationId().equals(organisation.getId())) {
      throw notFound(inspectionId);
    }
    String text = Text.required(rectification, "rectification", 2000).trim();
    inspection = entityManager.find(SpotCheckInspection.class, inspection.getId(), LockModeType.PESSIMISTIC_WRITE);
    if (inspection.getStatus() != SpotCheckInspection.Status.RECTIFYING) {
      throw DomainException.conflict("spot-check.no-rectification-open", null, "该抽查没有待提交的整改", "no rectification is open for this inspection");
    }
    inspection.rectified(text, userId, clock.instant());
    auditLog.record(userId, SpotCheckInspections.ACTION_RECTIFICATION_SUBMITTED, SpotCheckInspections.SUBJECT_INSPECTION, inspection.getId(),
        inspection.isRectificationLate() || clock.instant().isAfter(inspection.getRectificationDue()) ? "late" : "in time");
    workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(SpotCheckInspections.MESSAGE_RECTIFIED)
        .processInstanceBusinessKey(inspection.getId()).setVariable("rectification", text).correlate();
    return inspection;
  }

  private SpotCheckInspection id(String id) {
    return id == null || id.length() > 36 ? null : entityManager.find(SpotCheckInspection.class, id);
  }

  /** Published results, newest first: what the public sees. */
  public List<SpotCheckInspection> published() {
    return entityManager.createQuery("select i from SpotCheckInspection i where i.publishedAt is not null order by i.publishedAt desc, i.id",
        SpotCheckInspection.class).getResultList();
  }

  // ---- the process's steps

  @Override
  public void recordInspection(String inspectionId, boolean findingsFound, String findings, String notes, String actor) {
    SpotCheckInspection inspection = locked(inspectionId);
    if (inspection.getStatus() != SpotCheckInspection.Status.DRAWN) {
      throw DomainException.conflict("spot-check.inspected", null, "该抽查已有结果", "the inspection has a result already");
    }
    if (findingsFound && (findings == null || findings.isBlank())) {
      throw DomainException.badInput("text.required", "findings", "发现问题时须写明问题", "findings are required when there are findings");
    }
    inspection.inspected(findingsFound, Text.atMost(findings, "findings", 2000), Text.atMost(notes, "notes", 2000), actor, clock.instant());
    auditLog.record(actor, SpotCheckInspections.ACTION_INSPECTED, SpotCheckInspections.SUBJECT_INSPECTION, inspectionId,
        inspection.getServiceName() + ": " + inspection.getResult());
  }

  @Override
  public void openRectification(String inspectionId, Instant due) {
    SpotCheckInspection inspection = locked(inspectionId);
    inspection.rectificationDue(due);
    auditLog.record("system", SpotCheckInspections.ACTION_RECTIFICATION_OPENED, SpotCheckInspections.SUBJECT_INSPECTION, inspectionId, "due " + due);
    // the firm is asked to rectify by e-mail (issue 25): the findings, never the inspectors' notes, and the deadline
    aiServices.find(inspection.getServiceId()).ifPresent(service -> notifier.send(new org.aipo.notification.Message(
        "rectification-request:" + inspectionId, "correction-request", registration.contactOf(service.getOrganisationId()),
        java.util.Map.of("subjectTitle", "抽查整改 Spot-check rectification: " + service.getName(), "note",
            inspection.getFindings() == null ? "" : inspection.getFindings()), due, "/portal/#/supervision")));
  }

  @Override
  public void rectificationLapsed(String inspectionId) {
    SpotCheckInspection inspection = locked(inspectionId);
    inspection.rectificationLapsed();
    auditLog.record("system", SpotCheckInspections.ACTION_RECTIFICATION_LATE, SpotCheckInspections.SUBJECT_INSPECTION, inspectionId,
        inspection.getServiceName() + ": due " + inspection.getRectificationDue());
  }

  @Override
  public void recordFollowUp(String inspectionId, boolean rectified, String notes, String actor) {
    SpotCheckInspection inspection = locked(inspectionId);
    if (inspection.getStatus() != SpotCheckInspection.Status.FOLLOW_UP) {
      throw DomainException.conflict("spot-check.not-rectified-yet", null, "企业尚未提交整改", "the firm has not submitted its rectification");
    }
    inspection.followedUp(rectified, Text.atMost(notes, "notes", 2000));
    auditLog.record(actor, SpotCheckInspections.ACTION_FOLLOWED_UP, SpotCheckInspections.SUBJECT_INSPECTION, inspectionId,
        inspection.getServiceName() + ": " + inspection.getResult());
  }

  @Override
  public void publish(String inspectionId) {
    SpotCheckInspection inspection = locked(inspectionId);
    inspection.published(clock.instant());
    auditLog.record("system", SpotCheckInspections.ACTION_PUBLISHED, SpotCheckInspections.SUBJECT_INSPECTION, inspectionId,
        inspection.getServiceName() + ": " + inspection.getResult());
  }

  private SpotCheckInspection locked(String inspectionId) {
    SpotCheckInspection inspection = id(inspectionId);
    if (inspection == null) {
      throw notFound(inspectionId);
    }
    return entityManager.find(SpotCheckInspection.class, inspectionId, LockModeType.PESSIMISTIC_WRITE);
  }

  // ---- inspectors' avoidance

  public List<InspectorAvoidance> avoidances() {
    return entityManager.createQuery("select a from InspectorAvoidance a order by a.inspectorId, a.creditCode", InspectorAvoidance.class).getResultList();
  }

  /** An inspector's declaration (by the inspector, or the office for an inspector); a repeated one is 409. */
  public InspectorAvoidance declareAvoidance(String inspectorId, String creditCode, String kind, String reason, String actor) {
    String inspector = Text.required(inspectorId, "inspectorId", 64).trim();
    if (workflowEngine.processEngine().getIdentityService().createUserQuery().userId(inspector).memberOfGroup(Roles.INSPECTOR.groupId()).count() == 0) {
      throw DomainException.badInput("inspector.unknown", "inspectorId", inspector + " 不是检查人员库成员", inspector + " is not in the inspector pool");
    }
    String code = CreditCode.check(creditCode);
    InspectorAvoidance.Kind declared;
    try {
      declared = InspectorAvoidance.Kind.valueOf(Text.required(kind, "kind", 16).trim());
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("field.value", "kind", "kind 须为 EMPLOYER（任职单位）或 RELATIONSHIP（其他利害关系）",
          "kind must be EMPLOYER or RELATIONSHIP");
    }
    String why = Text.required(reason, "reason", 1000).trim();
    Long existing = entityManager.createQuery("select count(a) from InspectorAvoidance a where a.inspectorId = :inspector and a.creditCode = :code",
        Long.class).setParameter("inspector", inspector).setParameter("code", code).getSingleResult();
    if (existing > 0) {
      throw DomainException.conflict("inspector.avoidance-exists", "creditCode", "已声明过对该单位回避", "creditCode: avoidance declared already");
    }
    InspectorAvoidance avoidance = new InspectorAvoidance(inspector, code, declared, why, actor, clock.instant());
    entityManager.persist(avoidance);
    auditLog.record(actor, SpotCheckInspections.ACTION_AVOIDANCE_DECLARED, "inspector", inspector, declared + " " + code + ": " + why);
    return avoidance;
  }
}
