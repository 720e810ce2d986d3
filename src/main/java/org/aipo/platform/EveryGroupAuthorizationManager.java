package org.aipo.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, except that it checks a user's groups as they are instead of first
 * keeping only those that hold any authorization.
 * <p>
 * Camunda learns which groups hold authorizations with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION},
 * in every command that checks one. Every open task brings a grant row, so that read grows with the task table: at
 * 225,000 grants it took 25-40 ms, several times per process start, and the starts fell from about 200 to 17 per
 * second (issue 10, docs/benchmarks.md). A group without authorizations matches no grant in the checks anyway, so
 * leaving it in changes no answer; our users belong to a handful of groups.
 */
public class EveryGroupAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  public static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new EveryGroupAuthorizationManager();
    }
  }
}
