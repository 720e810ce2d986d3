package org.aipo.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.common.Text;
import org.aipo.filing.AiService;
import org.aipo.filing.AiServices;
import org.aipo.filing.ServiceTiered;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Supervision by tier (programme 5, step 5): the plan follows each service's tier ({@link ServiceTiered}, observed
 * in the transaction that stored the tier), the firm's self-inspection reports, and incident reports by firms or
 * the public with their handling.
 */
@ApplicationScoped
@Transactional
public class SupervisionPlanService implements SupervisionPlanStages, IncidentStages {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AuditLog auditLog;

  @Inject
  org.aipo.notification.Notifier notifier;

  @Inject
  org.aipo.applicant.Registration registration;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AiServices aiServices;

  private final Clock clock = Clock.systemUTC();

  // ---- the plan follows the tier

  /** A service got a tier or changed it: its plan follows, in the same transaction, with an audit record. */
  void onTiered(@Observes ServiceTiered event) {
    String name = aiServices.find(event.serviceId()).map(AiService::getName).orElse(event.serviceId());
    String done = SupervisionPlans.follow(workflowEngine.processEngine().getRuntimeService(), event, name);
    String action = event.previousTier() != null ? SupervisionPlans.ACTION_PLAN_FOLLOWED
        : SupervisionPlans.hasPlan(event.tier()) ? SupervisionPlans.ACTION_PLAN_STARTED : SupervisionPlans.ACTION_SPOT_CHECKS_ONLY;
    auditLog.record(event.actor() == null ? "system" : event.actor(), action, SupervisionPlans.SUBJECT_TYPE, event.serviceId(), done);
  }

  /** The running plan of a service, or null (low tier, or none yet). */
  public ProcessInstance plan(String serviceId) {
    return workflowEngine.processEngine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SupervisionPlans.PROCESS_KEY)
        .processInstanceBusinessKey(serviceId).singleResult();
  }

  /** When the service's next self-inspection report is due; null when it has no plan. */
  public Instant nextDue(String serviceId) {
    ProcessInstance plan = plan(serviceId);
    Object due = plan == null ? null : workflowEngine.processEngine().getRuntimeService().getVariable(plan.getId(), SupervisionPlans.VAR_DUE);
    return due instanceof Date date ? date.toInstant() : null;
  }

  /** The firm reports a self-inspection of its own service: stored (late or not), and the plan moves to the next period. */
  public SelfInspection submitSelfInspection(String userId, String serviceId, String summary) {
    AiService service = aiServices.own(userId, serviceId);
    String text = Text.required(summary, "summary", 4000).trim();
    ProcessInstance plan = plan(service.getId());
    if (plan == null) {
      throw DomainException.conflict("supervision.no-self-inspection", null, "该服务为低风险，无需定期自查（仅接受随机抽查）",
          "the service is in the low tier: no periodic self-inspection (spot checks only)");
    }
    Instant due = nextDue(service.getId());
    SelfInspection report = new SelfInspection(service.getId(), service.getTier(), due, text, userId, clock.instant());
    entityManager.persist(report);
    auditLog.record(userId, SupervisionPlans.ACTION_SUBMITTED, SupervisionPlans.SUBJECT_TYPE, service.getId(),
        service.getName() + ": due " + due + (report.isLate() ? ", LATE" : ", in time"));
    workflowEngine.processEngine().getRuntimeService().createMessageCorrelation(SupervisionPlans.MESSAGE_REPORTED)
        .processInstanceBusinessKey(service.getId()).correlate();
    return report;
  }

  public List<SelfInspection> selfInspections(String serviceId) {
    return entityManager.createQuery("select r from SelfInspection r where r.serviceId = :service order by r.submittedAt desc, r.id", SelfInspection.class)
        .setParameter("service", serviceId).getResultList();
  }

  @Override
  public void scheduled(String serviceId, String tier, Instant due) {
    auditLog.record("system", SupervisionPlans.ACTION_SCHEDULED, SupervisionPlans.SUBJECT_TYPE, serviceId, tier + ": next report due " + due);
  }

  @Override
  public void reminded(String serviceId, Instant due) {
    auditLog.record("system", SupervisionPlans.ACTION_REMINDED, SupervisionPlans.SUBJECT_TYPE, serviceId, "self-inspection report due " + due);
    aiServices.find(serviceId).ifPresent(service -> notifier.send(new org.aipo.notification.Message("self-inspection-reminder:" + serviceId + ":"
        + due.toEpochMilli(), "deadline-reminder", registration.contactOf(service.getOrganisationId()),
        java.util.Map.of("taskName", "自查报告 Self-inspection report", "subjectTitle", "AI 服务 AI service: " + service.getName()), due,
        "/portal/#/supervision")));
  }

  @Override
  public void late(String serviceId, Instant due) {
    auditLog.record("system", SupervisionPlans.ACTION_LATE, SupervisionPlans.SUBJECT_TYPE, serviceId, "self-inspection report was due " + due);
  }

  // ---- incidents

  /**
   * An incident report: by the public (reporter null; real name and contact required) or by a firm's user about its
   * own service. Stored and its handling process started in one transaction.
   */
  public Incident report(String reporterUserId, String serviceId, String serviceName, String description, String reporterName, String contact) {
    String name = Text.required(reporterName, "reporterName", 100).trim();
    String reach = Text.required(contact, "contact", 200).trim();
    String what = Text.required(description, "description", 4000).trim();
    String serviceLabel;
    String knownService = null;
    if (serviceId != null && !serviceId.isBlank()) {
      AiService service = reporterUserId == null ? aiServices.find(serviceId).orElseThrow(() -> DomainException.badInput("ai-service.unknown",
          "serviceId", "没有 AI 服务 " + serviceId, "no AI service " + serviceId)) : aiServices.own(reporterUserId, serviceId);
      serviceLabel = service.getName();
      knownService = service.getId();
    } else {
      serviceLabel = Text.required(serviceName, "serviceName", 200).trim();
    }
    Incident incident = new Incident(knownService, serviceLabel, what, name, reach, reporterUserId, clock.instant());
    entityManager.persist(incident);
    auditLog.record(reporterUserId == null ? "anonymous" : reporterUserId, Incidents.ACTION_REPORTED, Incidents.SUBJECT_TYPE, incident.getId(),
        serviceLabel + " (" + (reporterUserId == null ? "public" : "firm") + ")");
    Map<String, Object> variables = new HashMap<>();
    variables.put(Incidents.VAR_INCIDENT, incident.getId());
    variables.put("serviceName", serviceLabel);
    variables.put("reporterName", name);
    variables.put("reporterContact", reach);
    variables.put("incidentDescription", Text.forTask(what, "/api/incidents/" + incident.getId()));
    workflowEngine.processEngine().getRuntimeService().startProcessInstanceByKey(Incidents.PROCESS_KEY, incident.getId(), variables);
    return incident;
  }

  public List<Incident> incidents() {
    return entityManager.createQuery("select i from Incident i order by i.reportedAt desc, i.id", Incident.class).getResultList();
  }

  public Incident incident(String id) {
    Incident incident = id == null || id.length() > 36 ? null : entityManager.find(Incident.class, id);
    if (incident == null) {
      throw DomainException.notFound("incident.not-found", null, "没有事件报告 " + id, "no incident report " + id);
    }
    return incident;
  }

  /** The office's outcome through the API: completes {@code userTask_handleIncident} as Tasklist would. */
  public Incident handle(String incidentId, String outcome, String actor) {
    Incident incident = incident(incidentId);
    Text.required(outcome, "outcome", 2000);
    Task task = workflowEngine.processEngine().getTaskService().createTaskQuery().processDefinitionKey(Incidents.PROCESS_KEY)
        .processInstanceBusinessKey(incidentId).taskDefinitionKey(Incidents.TASK_HANDLE).singleResult();
    if (task == null) {
      throw DomainException.conflict("incident.handled", null, "该事件报告已处理", "the incident report has been handled");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Incidents.VAR_OUTCOME, outcome.trim());
    variables.put(Incidents.VAR_DECIDED_BY, actor);
    workflowEngine.processEngine().getTaskService().complete(task.getId(), variables);
    return incident;
  }

  @Override
  public void recordOutcome(String incidentId, String outcome, String actor) {
    Incident incident = incident(incidentId);
    incident = entityManager.find(Incident.class, incident.getId(), LockModeType.PESSIMISTIC_WRITE);
    if (incident.getStatus() == Incident.Status.HANDLED) {
      throw DomainException.conflict("incident.handled", null, "该事件报告已处理", "the incident report has been handled");
    }
    incident.handled(Text.required(outcome, "outcome", 2000).trim(), actor, clock.instant());
    auditLog.record(actor, Incidents.ACTION_HANDLED, Incidents.SUBJECT_TYPE, incidentId, outcome);
  }
}
