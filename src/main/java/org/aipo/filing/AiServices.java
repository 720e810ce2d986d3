package org.aipo.filing;

import java.time.Clock;
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
