package org.aipo.platform;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Whether a failure means that the database stopped a statement of the request because it ran longer than
 * the server's statement timeout ({@code aipo.db.statementTimeout}), or because an administrator cancelled it.
 * Such a request is answered 503: the server could not answer it in time, and nothing of it was stored
 * (the statement's transaction rolled back).
 */
public final class StatementTimedOut {

  public static final String MESSAGE = "the database stopped this request because it took too long (the server's statement"
      + " timeout); narrow the query, e.g. with a filter or a smaller page, or try again later"
      + " (查询耗时过长，已被数据库终止；请缩小查询范围或稍后重试)";

  /** SQL state 57014, query_canceled: PostgreSQL for a statement timeout or a cancel, H2 for a cancelled statement. */
  static final String QUERY_CANCELED = "57014";

  private StatementTimedOut() {
  }

  public static boolean in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
