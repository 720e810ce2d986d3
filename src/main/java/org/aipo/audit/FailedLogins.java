package org.aipo.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.platform.EngineStarted;
import org.aipo.platform.auth.LoginThrottle;

/**
 * Every failed login as an audit record for the administrator and the auditor (issue 29): subject {@code login:<user id
 * as typed>}, actor the source address, detail the channel and whether the source is now refused. Read with
 * {@code GET /api/audit/failed-logins}. Registered with {@link LoginThrottle} when the engine has started.
 */
@ApplicationScoped
public class FailedLogins {

  public static final String SUBJECT = "login";

  static final String ACTION = "login.failed";

  @Inject
  AuditLog auditLog;

  /** Its own transaction when there is none (the login filters run outside one), else the caller's. */
  @Transactional
  public void record(LoginThrottle.Failure failure) {
    String user = failure.userId().isBlank() ? "(none)" : cut(failure.userId(), 128);
    String detail = failure.channel() + " from " + failure.source()
        + (failure.refusedForSeconds() > 0 ? "; source refused logins for " + failure.refusedForSeconds() + " s" : "");
    auditLog.record(cut("source:" + failure.source(), 128), ACTION, SUBJECT, user, detail);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Hands the throttle this bean (through its proxy, so each record has its transaction). */
  @ApplicationScoped
  static class Registration {

    @Inject
    FailedLogins failedLogins;

    void atStart(@Observes EngineStarted started) {
      LoginThrottle.onFailure(failedLogins::record);
    }
  }
}
