package org.aipo.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means that the database cannot be reached right now (down, restarting, the pool
 * unable to open a connection), as opposed to a fault of the request or of the server. Such a failure
 * is answered 503 with Retry-After. The request's transaction did not commit (or, if the connection broke
 * during the commit itself, its outcome is unknown): our submissions and decisions may be sent again safely.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before it retries. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public static final String MESSAGE = "the database cannot be reached right now; please try again in a few seconds"
      + " (数据库暂时无法连接，请稍后重试)";

  private DatabaseUnavailable() {
  }

  public static boolean in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && connectionState(sql.getSQLState())) {
        return true;
      }
      // the pool of the data source could not hand out a connection (Jakarta Connectors)
      if (cause.getClass().getName().equals("jakarta.resource.spi.ResourceAllocationException")) {
        return true;
      }
    }
    return false;
  }

  /** SQL state class 08 (connection exception) and PostgreSQL's 57P01-57P03 (shutdown, cannot connect now). */
  static boolean connectionState(String state) {
    return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
  }
}
