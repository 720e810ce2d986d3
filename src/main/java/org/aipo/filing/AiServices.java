package org.aipo.filing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Organisation;
import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.common.Text;
import org.aipo.expert.Fields;
import org.aipo.platform.WorkflowEngine;

/**
 * The register of AI services (programme 5, step 1): a firm's staff register and read their organisation's
 * services; officials and the supervision programme read all of them. A tier change is recorded with its reason and
 * announced ({@link ServiceTiered}) in the same transaction, so the supervision plan follows it.
 */
@ApplicationScoped
@Transactional
public class AiServices {

  public static final String SUBJECT_TYPE = "ai-service";
  public static final String ACTION_REGISTERED = "ai-service.registered";
  public static final String ACTION_TIER_CHANGED = "ai-service.tier-changed";
  public static final String ACTION_UPDATED = "ai-service.updated";
  public static final String ACTION_WITHDRAWN = "ai-service.withdrawn";

  /** At most this many fields, kinds of personal data and models per service. */
  public static final int MAX_ITEMS = 10;

  /** What the rules (DMN) said of a service: its route and tier, each with the reason. */
  public record Assessment(AiService.Route route, String routeReason, AiService.Tier tier, String tierReason) {
  }

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Inject
  Registration registration;

  @Inject
  Event<ServiceTiered> tiered;

  @Inject
  WorkflowEngine workflowEngine;

  private final Clock clock = Clock.systemUTC();

  /** Registers a service of the caller's organisation with the route and tier the rules gave it. */
  public AiService register(String userId, AiService.ServiceFacts facts, Assessment assessment) {
    Organisation organisation = registration.organisationOf(userId);
    AiService service = new AiService(organisation.getId(), facts, assessment.route(), assessment.routeReason(), assessment.tier(),
        assessment.tierReason(), userId, clock.instant());
    entityManager.persist(service);
    auditLog.record(userId, ACTION_REGISTERED, SUBJECT_TYPE, service.getId(),
        organisation.getName() + ": " + service.getName() + " → " + service.getRoute() + ", " + service.getTier());
    tiered.fire(new ServiceTiered(service.getId(), service.getOrganisationId(), service.getTier(), null, service.getTierReason(), userId));
    return service;
  }

  /**
   * A firm registers a service: its facts are checked (a 400 names the field), both decisions give the route and
   * tier, and the service is stored, in one transaction.
   */
  public AiService register(String userId, AiService.ServiceFacts facts) {
    AiService.ServiceFacts checked = check(facts);
    return register(userId, checked, assess(checked));
  }

  /**
   * A firm corrects its service's facts before it is filed: the decisions are evaluated again; when the tier
   * changes, {@link ServiceTiered} announces it as at registration (reason: the rules' new reason).
   */
  public AiService update(String userId, String serviceId, AiService.ServiceFacts facts) {
    AiService service = entityManager.find(AiService.class, own(userId, serviceId).getId(), LockModeType.PESSIMISTIC_WRITE);
    if (service.getStatus() != AiService.Status.REGISTERED && service.getStatus() != AiService.Status.IN_GUIDANCE) {
      throw DomainException.conflict("ai-service.not-editable", null, "服务已" + statusName(service.getStatus()) + "，不能再修改登记信息",
          "the service is " + service.getStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": its facts can no longer be changed");
    }
    AiService.ServiceFacts checked = check(facts);
    Assessment assessment = assess(checked);
    AiService.Tier previous = service.getTier();
    AiService.Route previousRoute = service.getRoute();
    service.describe(checked, assessment.route(), assessment.routeReason(), assessment.tier(), assessment.tierReason(), clock.instant());
    auditLog.record(userId, ACTION_UPDATED, SUBJECT_TYPE, service.getId(), service.getName() + ": " + previousRoute + " → " + service.getRoute() + ", "
        + previous + " → " + service.getTier());
    if (previous != service.getTier()) {
      tiered.fire(new ServiceTiered(service.getId(), service.getOrganisationId(), service.getTier(), previous, service.getTierReason(), userId));
    }
    return service;
  }

  /** A firm withdraws its service (no longer run): it leaves supervision and no campaign draws it. */
  public AiService withdraw(String userId, String serviceId, String reason) {
    String why = Text.required(reason, "reason", 1000).trim();
    AiService service = entityManager.find(AiService.class, own(userId, serviceId).getId(), LockModeType.PESSIMISTIC_WRITE);
    if (service.getStatus() == AiService.Status.WITHDRAWN) {
      throw DomainException.conflict("ai-service.withdrawn", null, "服务已撤回", "the service is withdrawn already");
    }
    service.status(AiService.Status.WITHDRAWN, clock.instant());
    auditLog.record(userId, ACTION_WITHDRAWN, SUBJECT_TYPE, service.getId(), service.getName() + ": " + why);
    return service;
  }

  /** What the deployed decisions say of these facts. */
  public Assessment assess(AiService.ServiceFacts facts) {
    var decisions = workflowEngine.processEngine().getDecisionService();
    var inputs = FilingRules.inputs(facts);
    return FilingRules.assessment(decisions.evaluateDecisionByKey(FilingRules.DECISION_ROUTE).variables(new HashMap<>(inputs)).evaluate(),
        decisions.evaluateDecisionByKey(FilingRules.DECISION_TIER).variables(new HashMap<>(inputs)).evaluate());
  }

  /**
   * The facts as stored: texts trimmed, fields known ({@link Fields}), at most {@link #MAX_ITEMS} of each list, the
   * models' filing numbers in an accepted form ({@link FilingNumber}); a 400 names the first wrong field.
   */
  public static AiService.ServiceFacts check(AiService.ServiceFacts facts) {
    if (facts == null) {
      throw DomainException.badInput("field.required", null, "缺少服务信息", "the service's facts are missing");
    }
    String name = Text.required(facts.name(), "name", 200).trim();
    String purpose = Text.required(facts.purpose(), "purpose", 2000).trim();
    if (facts.usersReached() < 0) {
      throw DomainException.badInput("ai-service.users-reached", "usersReached", "usersReached 不能为负数", "usersReached cannot be negative");
    }
    List<String> fields = items(facts.fields(), "fields", 64, true);
    for (int i = 0; i < fields.size(); i++) {
      if (!Fields.isKnown(fields.get(i))) {
        throw DomainException.badInput("ai-service.unknown-field", "fields[" + i + "]", "fields[" + i + "]：未知领域，可选 " + Fields.codes(),
            "fields[" + i + "]: unknown field, one of " + Fields.codes());
      }
    }
    List<String> personalData = items(facts.personalData(), "personalData", 60, false);
    if (facts.models() == null || facts.models().isEmpty()) {
      throw DomainException.badInput("field.required", "models", "models：至少填写一个所用模型", "models: name at least one model the service uses");
    }
    if (facts.models().size() > MAX_ITEMS) {
      throw DomainException.badInput("ai-service.too-many", "models", "models 最多 " + MAX_ITEMS + " 项", "models: at most " + MAX_ITEMS);
    }
    List<ServiceModel> models = new ArrayList<>();
    for (int i = 0; i < facts.models().size(); i++) {
      ServiceModel m = facts.models().get(i);
      String at = "models[" + i + "]";
      if (m == null) {
        throw DomainException.badInput("field.required", at, at + " 为必填项", at + " is required");
      }
      String number = m.getFilingNumber() == null || m.getFilingNumber().isBlank() ? null : FilingNumber.normalise(m.getFilingNumber(), at + ".filingNumber");
      models.add(new ServiceModel(Text.required(m.getModelName(), at + ".modelName", 200).trim(), Text.required(m.getProvider(), at + ".provider", 200).trim(),
          m.isOwnModel(), number));
    }
    return new AiService.ServiceFacts(name, purpose, facts.usersReached(), facts.publicFacing(), facts.publicOpinion(), facts.mobilisation(), fields,
        personalData, facts.startedOn(), models);
  }

  private static List<String> items(List<String> values, String field, int max, boolean required) {
    if (values == null || values.isEmpty()) {
      if (required) {
        throw DomainException.badInput("field.required", field, field + "：至少填写一项", field + ": at least one is required");
      }
      return List.of();
    }
    if (values.size() > MAX_ITEMS) {
      throw DomainException.badInput("ai-service.too-many", field, field + " 最多 " + MAX_ITEMS + " 项", field + ": at most " + MAX_ITEMS);
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String item = Text.required(values.get(i), field + "[" + i + "]", max).trim();
      if (item.contains(";")) {
        throw DomainException.badInput("ai-service.semicolon", field + "[" + i + "]", field + "[" + i + "] 不能含分号", field + "[" + i + "] cannot contain ';'");
      }
      if (!items.contains(item)) {
        items.add(item);
      }
    }
    return items;
  }

  static String statusName(AiService.Status status) {
    return switch (status) {
      case REGISTERED -> "登记";
      case IN_GUIDANCE -> "在备案指导中";
      case FILED -> "备案";
      case REFUSED -> "被拒绝备案";
      case WITHDRAWN -> "撤回";
    };
  }

  /** An official changes a service's tier with a reason; the supervision plan follows. */
  public AiService changeTier(String serviceId, AiService.Tier tier, String reason, String actor) {
    if (tier == null) {
      throw DomainException.badInput("field.required", "tier", "tier 为必填项（HIGH、MEDIUM 或 LOW）", "tier is required (HIGH, MEDIUM or LOW)");
    }
    String why = Text.required(reason, "reason", 1000).trim();
    AiService service = entityManager.find(AiService.class, found(serviceId).getId(), LockModeType.PESSIMISTIC_WRITE);
    AiService.Tier previous = service.getTier();
    if (previous == tier) {
      throw DomainException.conflict("ai-service.same-tier", "tier", "该服务已是 " + tier + " 级", "the service is in tier " + tier + " already");
    }
    service.changeTier(tier, why, clock.instant());
    auditLog.record(actor, ACTION_TIER_CHANGED, SUBJECT_TYPE, service.getId(), previous + " → " + tier + ": " + why);
    tiered.fire(new ServiceTiered(service.getId(), service.getOrganisationId(), tier, previous, why, actor));
    return service;
  }

  public Optional<AiService> find(String serviceId) {
    return Optional.ofNullable(serviceId == null || serviceId.length() > 36 ? null : entityManager.find(AiService.class, serviceId));
  }

  /** A service by id, or 404 {@code ai-service.not-found}. */
  public AiService found(String serviceId) {
    return find(serviceId).orElseThrow(() -> DomainException.notFound("ai-service.not-found", null, "没有 AI 服务 " + serviceId,
        "no AI service " + serviceId));
  }

  /** The caller's organisation's service; another firm's is not found (404), never shown. */
  public AiService own(String userId, String serviceId) {
    Organisation organisation = registration.organisationOf(userId);
    AiService service = find(serviceId).orElse(null);
    if (service == null || !service.getOrganisationId().equals(organisation.getId())) {
      throw DomainException.notFound("ai-service.not-found", null, "没有 AI 服务 " + serviceId, "no AI service " + serviceId);
    }
    return service;
  }

  public List<AiService> ofOrganisation(String organisationId) {
    return entityManager.createQuery("select s from AiService s where s.organisationId = :organisation order by s.registeredAt, s.id", AiService.class)
        .setParameter("organisation", organisationId).getResultList();
  }

  /** The caller's organisation's services. */
  public List<AiService> own(String userId) {
    return ofOrganisation(registration.organisationOf(userId).getId());
  }

  /** Whether a number is that of a FILED service in the register (calls and voucher rounds ask it). */
  public boolean isFiled(String filingNumber) {
    return filingNumber != null && !entityManager.createQuery("select s.id from AiService s where s.filingNumber = :number and s.status = :filed",
        String.class).setParameter("number", filingNumber).setParameter("filed", AiService.Status.FILED).setMaxResults(1).getResultList().isEmpty();
  }

  /** The FILED services, for a firm to pick its models' numbers from. */
  public List<AiService> filed() {
    return entityManager.createQuery("select s from AiService s where s.status = :filed order by s.name, s.id", AiService.class)
        .setParameter("filed", AiService.Status.FILED).getResultList();
  }

  public List<AiService> all() {
    return entityManager.createQuery("select s from AiService s order by s.registeredAt, s.id", AiService.class).getResultList();
  }

  /**
   * The services in a tier that are supervised (registered, in guidance or filed; not refused or withdrawn), in a
   * stable order (by id), so that a seeded draw over them can be replayed.
   */
  public List<AiService> supervisedInTier(AiService.Tier tier) {
    return entityManager.createQuery("select s from AiService s where s.tier = :tier and s.status in :statuses order by s.id", AiService.class)
        .setParameter("tier", tier)
        .setParameter("statuses", List.of(AiService.Status.REGISTERED, AiService.Status.IN_GUIDANCE, AiService.Status.FILED)).getResultList();
  }
}
