package org.aipo.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.applicant.Registration;
import org.aipo.audit.AuditLog;
import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.calendar.WorkingDays;
import org.aipo.common.DomainException;
import org.aipo.common.PdfFile;
import org.aipo.common.Text;
import org.aipo.platform.WorkflowEngine;
import org.aipo.storage.Spool;
import org.aipo.storage.Storage;
import org.aipo.storage.StoredFile;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Filing guidance (programme 5, steps 3–4): a registered service whose route needs a filing gets its
 * {@code serviceFiling} process; the firm submits its readiness self-assessment and reports, the office pre-reviews
 * (correction loop), and the firm records the granted number or the refusal. Each submission is one transaction
 * (the service's row, the audit record and the process step together).
 */
@ApplicationScoped
@Transactional
public class FilingGuidance implements FilingStages {

  public static final String ACTION_SELF_ASSESSED = "ai-service.self-assessed";
  public static final String ACTION_REPORT = "ai-service.report-uploaded";
  public static final String ACTION_FORWARDED = "ai-service.forwarded";
  public static final String ACTION_RETURNED = "ai-service.returned";
  public static final String ACTION_LAPSED = "ai-service.guidance-lapsed";
  public static final String ACTION_FILED = "ai-service.filed";
  public static final String ACTION_REFUSED = "ai-service.refused";
  public static final String ACTION_REMINDED = "ai-service.filing-reminder";
  public static final String ACTION_LATE = "ai-service.filing-late";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  AiServices services;

  @Inject
  AuditLog auditLog;

  @Inject
  Registration registration;

  @Inject
  org.aipo.notification.Notifier notifier;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  WorkingDays workingDays;

  @Inject
  ReadinessThresholds thresholds;

  @Inject
  Storage storage;

  private final Clock clock = Clock.systemUTC();

  /** Registers the service (rules evaluated) and, when its route needs a filing, starts its guidance. */
  public AiService register(String userId, AiService.ServiceFacts facts) {
    AiService service = services.register(userId, facts);
    if (service.getRoute() != AiService.Route.NONE) {
      start(service);
    }
    return service;
  }

  /** Corrects the facts before filing; guidance starts, stops or follows the new route. */
  public AiService update(String userId, String serviceId, AiService.ServiceFacts facts) {
    AiService service = services.update(userId, serviceId, facts);
    ProcessInstance running = running(service.getId());
    if (service.getRoute() == AiService.Route.NONE && running != null) {
      runtime().deleteProcessInstance(running.getId(), "route NONE after the firm's correction", false, true);
      service.status(AiService.Status.REGISTERED, clock.instant());
    } else if (service.getRoute() != AiService.Route.NONE && running == null) {
      start(service);
    } else if (running != null) {
      runtime().setVariables(running.getId(), Map.of(ServiceFiling.VAR_ROUTE, service.getRoute().name(), ServiceFiling.VAR_SERVICE_NAME,
          service.getName(), ServiceFiling.VAR_SUMMARY, summary(service)));
    }
    return service;
  }

  /** Withdraws the service; its guidance, if any, ends. */
  public AiService withdraw(String userId, String serviceId, String reason) {
    AiService service = services.withdraw(userId, serviceId, reason);
    ProcessInstance running = running(service.getId());
    if (running != null) {
      runtime().deleteProcessInstance(running.getId(), "service withdrawn", false, true);
    }
    return service;
  }

  /**
   * The firm's readiness self-assessment: checked, stored, compared with the thresholds in force, and handed to the
   * waiting process (first submission or correction); 409 when guidance is not waiting for one.
   */
  public ReadinessAssessment selfAssess(String userId, String serviceId, Readiness.Figures figures, String note) {
    AiService service = ownLocked(userId, serviceId);
    Readiness.Figures checked = Readiness.check(figures, service.getRoute());
    String text = Text.atMost(note, "note", 2000);
    String activity = waitingAt(service.getId(), ServiceFiling.RECEIVE_SELF_ASSESSMENT, ServiceFiling.RECEIVE_CORRECTION);
    if (activity == null) {
      throw DomainException.conflict("ai-service.not-awaiting-assessment", null,
          "该服务当前不接受自评估（无需备案、项目办正在预审或已进入备案）", "the service is not waiting for a self-assessment (no filing needed, in pre-review, or gone forward)");
    }
    List<Readiness.Check> checks = Readiness.checks(checked, thresholds.current());
    ReadinessAssessment assessment = new ReadinessAssessment(service.getId(), checked, Readiness.unmet(checks), text == null ? null : text.trim(), userId,
        clock.instant());
    entityManager.persist(assessment);
    auditLog.record(userId, ACTION_SELF_ASSESSED, AiServices.SUBJECT_TYPE, service.getId(), service.getName() + ": " + assessment.getUnmet() + " unmet");
    Map<String, Object> variables = new HashMap<>();
    variables.put(ServiceFiling.VAR_READINESS, Text.forTask(Readiness.markdown(checks, assessment.getNote(), reports(service.getId()).stream()
        .map(ServiceReport::getFileName).toList()), "/api/ai-services/" + service.getId()));
    variables.put(ServiceFiling.VAR_UNMET, assessment.getUnmet());
    runtime().createMessageCorrelation(ServiceFiling.MESSAGE_SELF_ASSESSED).processInstanceBusinessKey(service.getId()).setVariables(variables).correlate();
    return assessment;
  }

  /** The checks of a stored self-assessment against the thresholds in force. */
  public List<Readiness.Check> checks(ReadinessAssessment assessment) {
    return Readiness.checks(assessment.figures(), thresholds.current());
  }

  /** The service's latest self-assessment, if any. */
  public java.util.Optional<ReadinessAssessment> latestAssessment(String serviceId) {
    return entityManager.createQuery("select r from ReadinessAssessment r where r.serviceId = :service order by r.submittedAt desc, r.id",
        ReadinessAssessment.class).setParameter("service", serviceId).setMaxResults(1).getResultStream().findFirst();
  }

  /**
   * Stores an assessment report of the firm's own service: a spooled upload checked as a PDF, put into the attachment
   * store in this transaction (ADR 0021), so a rollback leaves nothing stored.
   */
  public ServiceReport uploadReport(String userId, String serviceId, String fileName, Spool upload) {
    AiService service = services.own(userId, serviceId);
    if (service.getStatus() == AiService.Status.WITHDRAWN) {
      throw DomainException.conflict("ai-service.withdrawn", null, "服务已撤回", "the service is withdrawn");
    }
    String name = Text.required(fileName, "name", 200).trim();
    PdfFile.check(name, upload.file(), ServiceReport.MAX_BYTES);
    String key = storage.store().put(upload);
    ServiceReport report = new ServiceReport(service.getId(), name, new StoredFile(key, upload.size(), upload.sha256()), userId, clock.instant());
    entityManager.persist(report);
    auditLog.record(userId, ACTION_REPORT, AiServices.SUBJECT_TYPE, service.getId(), report.getFileName() + " sha256 " + report.getSha256());
    return report;
  }

  public List<ServiceReport> reports(String serviceId) {
    return entityManager.createQuery("select r from ServiceReport r where r.serviceId = :service order by r.uploadedAt, r.id", ServiceReport.class)
        .setParameter("service", serviceId).getResultList();
  }

  /** A report's bytes as a file to stream after this transaction ({@link Storage#readable(String)}). */
  public Storage.Readable readable(ServiceReport report) {
    return storage.readable(report.getStorageKey(), report::legacyContent);
  }

  /** A report of a service, or 404. */
  public ServiceReport report(String serviceId, String reportId) {
    ServiceReport report = reportId == null || reportId.length() > 36 ? null : entityManager.find(ServiceReport.class, reportId);
    if (report == null || !report.getServiceId().equals(serviceId)) {
      throw DomainException.notFound("ai-service.report-not-found", null, "没有该报告", "no such report");
    }
    return report;
  }

  /**
   * The firm records the outcome of its filing once the file went forward: the granted number (checked for the
   * route's form and unique in the register) or the refusal with its reason.
   */
  public AiService recordResult(String userId, String serviceId, Boolean granted, String number, String reason) {
    AiService service = ownLocked(userId, serviceId);
    if (granted == null) {
      throw DomainException.badInput("field.required", "granted", "granted 为必填项", "granted is required");
    }
    if (waitingAt(service.getId(), ServiceFiling.RECEIVE_RESULT) == null) {
      throw DomainException.conflict("ai-service.not-forwarded", null, "项目办预审通过、材料报送后才能登记备案结果",
          "the outcome can be recorded only after the office's pre-review sent the file forward");
    }
    Instant now = clock.instant();
    if (granted) {
      String filingNumber = FilingNumber.normalise(number, "number");
      boolean algorithm = FilingNumber.isAlgorithmFiling(filingNumber);
      if (algorithm != (service.getRoute() == AiService.Route.ALGORITHM_FILING)) {
        throw DomainException.badInput("filing-number.route", "number", algorithm ? "number：本服务的路径须登记大模型备案号或登记编号，而非算法备案号"
            : "number：本服务的路径为算法备案，须登记“网信算备…号”", algorithm ? "number: this service's route needs a large-model filing or registration number, "
            + "not an algorithm-filing number" : "number: this service's route is algorithm filing: record its 网信算备…号 number");
      }
      Long taken = entityManager.createQuery("select count(s) from AiService s where s.filingNumber = :number and s.id <> :id", Long.class)
          .setParameter("number", filingNumber).setParameter("id", service.getId()).getSingleResult();
      if (taken > 0) {
        throw DomainException.conflict("filing-number.taken", "number", "number：该备案号已登记在另一服务名下", "number: the number is recorded for another service");
      }
      service.filed(filingNumber, now);
      auditLog.record(userId, ACTION_FILED, AiServices.SUBJECT_TYPE, service.getId(), service.getName() + ": " + filingNumber);
    } else {
      String why = Text.required(reason, "reason", 1000).trim();
      service.outcome(AiService.Status.REFUSED, why, now);
      auditLog.record(userId, ACTION_REFUSED, AiServices.SUBJECT_TYPE, service.getId(), service.getName() + ": " + why);
    }
    entityManager.flush();
    runtime().createMessageCorrelation(ServiceFiling.MESSAGE_FILING_RESULT).processInstanceBusinessKey(service.getId())
        .setVariable(ServiceFiling.VAR_GRANTED, granted).correlate();
    return service;
  }

  @Override
  public void forward(String serviceId, String note, String actor) {
    AiService service = services.found(serviceId);
    auditLog.record(actor, ACTION_FORWARDED, AiServices.SUBJECT_TYPE, serviceId, service.getName() + (note == null ? "" : ": " + note));
    tellFirm(service, "filing-forwarded:" + serviceId, "decision", Map.of("outcomeZh", "预审通过，材料已报送网信部门", "outcomeEn",
        "pre-review passed; the file went forward to the cyberspace office", "note", note == null ? "" : note), null);
  }

  /** A message to the service's firm (issue 25), in this transaction; the link opens the service in the portal. */
  private void tellFirm(AiService service, String eventKey, String kind, Map<String, Object> values, Instant deadline) {
    Map<String, Object> model = new HashMap<>(values);
    model.put("subjectTitle", "AI 服务备案 AI-service filing: " + service.getName());
    notifier.send(new org.aipo.notification.Message(eventKey, kind, registration.contactOf(service.getOrganisationId()), model, deadline,
        "/portal/#/ai-services/" + service.getId()));
  }

  @Override
  public Instant returnForCorrection(String serviceId, String note, String actor) {
    AiService service = services.found(serviceId);
    Instant due = calendar().deadline(clock.instant().atZone(WorkingDayCalendar.CHINA), ServiceFiling.CORRECTION_WORKING_DAYS).toInstant();
    auditLog.record(actor, ACTION_RETURNED, AiServices.SUBJECT_TYPE, serviceId, service.getName() + ": " + note + " (correct by " + due + ")");
    tellFirm(service, "filing-returned:" + serviceId + ":" + due.toEpochMilli(), "correction-request", Map.of("note", note == null ? "" : note), due);
    return due;
  }

  @Override
  public void lapse(String serviceId) {
    AiService service = services.found(serviceId);
    service.outcome(AiService.Status.REGISTERED, "补正期限届满，备案指导终止 The correction window passed; guidance ended", clock.instant());
    auditLog.record("system", ACTION_LAPSED, AiServices.SUBJECT_TYPE, serviceId, service.getName());
    tellFirm(service, "filing-lapsed:" + serviceId + ":" + clock.millis(), "decision", Map.of("outcomeZh", "补正期限届满，备案指导终止", "outcomeEn",
        "the correction window passed; filing guidance ended", "note", ""), null);
  }

  @Override
  public void remindFilingDeadline(String serviceId) {
    AiService service = services.found(serviceId);
    Instant due = filingDueAt(service.getStartedOn());
    auditLog.record("system", ACTION_REMINDED, AiServices.SUBJECT_TYPE, serviceId, service.getName() + ": algorithm filing due " + due);
    tellFirm(service, "filing-deadline-reminder:" + serviceId + ":" + due.toEpochMilli(), "deadline-reminder",
        Map.of("taskName", "算法备案 Algorithm filing"), due);
  }

  @Override
  public void recordLateFiling(String serviceId, String note, String actor) {
    AiService service = services.found(serviceId);
    auditLog.record(actor, ACTION_LATE, AiServices.SUBJECT_TYPE, serviceId, service.getName() + (note == null ? "" : ": " + note));
  }

  private void start(AiService service) {
    service.status(AiService.Status.IN_GUIDANCE, clock.instant());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ServiceFiling.VAR_SERVICE, service.getId());
    variables.put(ServiceFiling.VAR_ROUTE, service.getRoute().name());
    variables.put(ServiceFiling.VAR_SERVICE_NAME, service.getName());
    variables.put(ServiceFiling.VAR_ORGANISATION_NAME, registration.organisationOf(service.getRegisteredBy()).getName());
    variables.put(ServiceFiling.VAR_SUMMARY, summary(service));
    boolean algorithm = service.getRoute() == AiService.Route.ALGORITHM_FILING || service.getRoute() == AiService.Route.ALGORITHM_THEN_LARGE_MODEL;
    if (algorithm && service.getStartedOn() != null) {
      variables.put(ServiceFiling.VAR_DUE_AT, java.util.Date.from(filingDueAt(service.getStartedOn())));
      variables.put(ServiceFiling.VAR_REMINDER_AT, java.util.Date.from(calendar().deadline(service.getStartedOn().atStartOfDay(WorkingDayCalendar.CHINA),
          ServiceFiling.FILING_WORKING_DAYS - ServiceFiling.REMINDER_WORKING_DAYS_BEFORE).toInstant()));
    }
    runtime().startProcessInstanceByKey(ServiceFiling.PROCESS_KEY, service.getId(), variables);
  }

  /** The end of the 10th working day after the service's start (Beijing time). */
  Instant filingDueAt(LocalDate startedOn) {
    return calendar().deadline(startedOn.atStartOfDay(WorkingDayCalendar.CHINA), ServiceFiling.FILING_WORKING_DAYS).toInstant();
  }

  static String summary(AiService s) {
    return s.getName() + "\n用途 Purpose: " + s.getPurpose() + "\n用户 Users reached: " + s.getUsersReached() + "\n路径 Route: " + s.getRoute() + " — "
        + s.getRouteReason() + "\n风险等级 Tier: " + s.getTier() + " — " + s.getTierReason() + "\n模型 Models: "
        + String.join("; ", s.getModels().stream().map(m -> m.getModelName() + " (" + m.getProvider() + (m.isOwnModel() ? ", own" : "")
            + (m.getFilingNumber() == null ? "" : ", " + m.getFilingNumber()) + ")").toList());
  }

  /**
   * The caller's organisation's service, row-locked for this transaction. Flushed first: a service registered earlier
   * in the same transaction (the demo data) is not in the table until then, and a locking read goes to the table.
   */
  private AiService ownLocked(String userId, String serviceId) {
    AiService service = services.own(userId, serviceId);
    entityManager.flush();
    entityManager.lock(service, LockModeType.PESSIMISTIC_WRITE);
    return service;
  }

  private WorkingDayCalendar calendar() {
    return workingDays.calendar();
  }

  private RuntimeService runtime() {
    return workflowEngine.processEngine().getRuntimeService();
  }

  private ProcessInstance running(String serviceId) {
    return runtime().createProcessInstanceQuery().processDefinitionKey(ServiceFiling.PROCESS_KEY).processInstanceBusinessKey(serviceId).singleResult();
  }

  /** The first of these activities the service's guidance waits at, or null. */
  private String waitingAt(String serviceId, String... activities) {
    ProcessInstance instance = running(serviceId);
    if (instance == null) {
      return null;
    }
    List<String> active = runtime().getActiveActivityIds(instance.getId());
    for (String activity : activities) {
      if (active.contains(activity)) {
        return activity;
      }
    }
    return null;
  }
}
