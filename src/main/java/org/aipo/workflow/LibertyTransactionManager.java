package org.aipo.workflow;

import jakarta.transaction.TransactionManager;

/**
 * Open Liberty does not bind its JTA TransactionManager in JNDI; its factory class is reachable
 * by reflection (the same route Hibernate's Liberty JTA platform takes). Kept in one place so that
 * a move to another server changes one class.
 */
public final class LibertyTransactionManager {

  static final String FACTORY = "com.ibm.tx.jta.TransactionManagerFactory";

  private LibertyTransactionManager() {
  }

  public static TransactionManager lookup() {
    try {
      Class<?> factory = Class.forName(FACTORY);
      return (TransactionManager) factory.getMethod("getTransactionManager").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("Open Liberty's JTA transaction manager (" + FACTORY
          + ") is not reachable; the engine cannot join container transactions", e);
    }
  }
}
