package org.aipo.platformcheck;

import org.aipo.common.DomainException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.Text;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Asks for a platform check: records the request (JPA) and starts the process (engine) in one JTA
 * transaction, so that either both exist or neither.
 */
@ApplicationScoped
public class PlatformCheckService {

  public static final int MAX_NOTE = 1000;

  @Inject
  AuditLog auditLog;

  @Inject
  WorkflowEngine workflowEngine;

  /** @return the business key of the new check */
  @Transactional
  public String request(String requestedBy, String note, Duration confirmWithin) {
    Text.required(requestedBy, "requestedBy", 128);
    Text.atMost(note, "note", MAX_NOTE);
    if (confirmWithin == null || confirmWithin.isNegative() || confirmWithin.isZero()) {
      throw DomainException.badInput("platform-check.confirm-within", "confirmWithin", "confirmWithin 须为正的时长", "confirmWithin must be a positive duration");
    }
    String businessKey = "PC-" + UUID.randomUUID();
    auditLog.record(requestedBy, PlatformCheck.ACTION_REQUESTED, PlatformCheck.SUBJECT_TYPE, businessKey, note);
    Map<String, Object> variables = new HashMap<>();
    variables.put(PlatformCheck.VAR_REQUESTED_BY, requestedBy);
    variables.put(PlatformCheck.VAR_NOTE, note);
    variables.put(PlatformCheck.VAR_CONFIRM_WITHIN, confirmWithin.toString());
    ProcessInstance instance = workflowEngine.processEngine().getRuntimeService()
        .startProcessInstanceByKey(PlatformCheck.PROCESS_KEY, businessKey, variables);
    return instance.getBusinessKey();
  }
}
