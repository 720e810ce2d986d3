package org.aipo.platform;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means that another transaction changed the same rows at the same moment, so that this one
 * was rolled back and nothing of it was stored: the caller may reload and try again (answered 409).
 * <ul>
 * <li>Camunda's {@link org.camunda.bpm.engine.OptimisticLockingException} (a revision changed under us);</li>
 * <li>the database's own verdict: SQL state 40001 (serialization failure, H2's and PostgreSQL's deadlock victim),
 * 40P01 (PostgreSQL deadlock), H2's 90131 (concurrent update of a row);</li>
 * <li>a foreign-key violation (SQL state 23503, H2 23506) raised while the <em>engine</em> flushed its command:
 * the engine inserts rows under an execution that a concurrent command has just ended and deleted (a notice's
 * end timer firing while an objection starts its handling). A foreign-key violation of our own JPA entities is
 * not classed here: that would be a fault, answered 500.</li>
 * </ul>
 */
public final class ConcurrentChange {

  private static final Set<String> ROLLED_BACK = Set.of("40001", "40P01", "90131");
  private static final Set<String> PARENT_MISSING = Set.of("23503", "23506");

  private ConcurrentChange() {
  }

  public static boolean in(Throwable failure) {
    boolean inEngine = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
        return true;
      }
      inEngine |= cause instanceof org.camunda.bpm.engine.ProcessEngineException;
      for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
        String state = sql.getSQLState();
        if (state != null && (ROLLED_BACK.contains(state) || inEngine && PARENT_MISSING.contains(state))) {
          return true;
        }
      }
    }
    return false;
  }
}
