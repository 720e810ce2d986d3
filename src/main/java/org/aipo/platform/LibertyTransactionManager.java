package org.aipo.platform;

import java.util.ArrayDeque;
import java.util.Deque;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;

/**
 * The JTA TransactionManager Camunda needs, on Open Liberty. Liberty does not bind its
 * TransactionManager in JNDI; its factory class is reachable by reflection (the route Hibernate's
 * Liberty JTA platform takes). A transaction begun on that raw manager, though, does not end the
 * thread's local transaction containment, and JPA then reports "no active transaction". So a
 * transaction the engine opens itself is begun, committed and rolled back through the container's
 * {@link UserTransaction}; questions about the current transaction (status, rollback-only,
 * suspend/resume) go to the raw manager, because inside a {@code @Transactional} method, where the
 * engine only joins, Liberty forbids any use of UserTransaction.
 * Kept in one class so that a move to another server changes one class.
 */
public final class LibertyTransactionManager implements TransactionManager {

  static final String FACTORY = "com.ibm.tx.jta.TransactionManagerFactory";

  private final UserTransaction userTransaction;
  private final TransactionManager transactionManager;
  /** Per thread: how each open transaction was begun (true: UserTransaction), innermost first. */
  private final ThreadLocal<Deque<Boolean>> begunByUserTransaction = ThreadLocal.withInitial(ArrayDeque::new);
  /** Per thread: transactions suspended for a nested "requires new" transaction. */
  private final ThreadLocal<Deque<Transaction>> suspended = ThreadLocal.withInitial(ArrayDeque::new);

  LibertyTransactionManager(UserTransaction userTransaction, TransactionManager transactionManager) {
    this.userTransaction = userTransaction;
    this.transactionManager = transactionManager;
  }

  public static TransactionManager lookup() {
    try {
      UserTransaction userTransaction = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
      Class<?> factory = Class.forName(FACTORY);
      TransactionManager raw = (TransactionManager) factory.getMethod("getTransactionManager").invoke(null);
      return new LibertyTransactionManager(userTransaction, raw);
    } catch (NamingException | ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("Open Liberty's JTA transaction manager (" + FACTORY
          + ", java:comp/UserTransaction) is not reachable; the engine cannot join container transactions", e);
    }
  }

  /**
   * A top-level transaction begins through UserTransaction (so that JPA sees it). A nested one, begun
   * while the outer transaction is suspended (Camunda's "requires new" commands: id blocks, failed-job
   * bookkeeping), begins on the raw manager: it touches only engine tables, and UserTransaction may be
   * forbidden there (inside {@code @Transactional}).
   */
  @Override
  public void begin() throws NotSupportedException, SystemException {
    boolean nested = !suspended.get().isEmpty();
    if (nested) {
      transactionManager.begin();
    } else {
      userTransaction.begin();
    }
    begunByUserTransaction.get().push(!nested);
  }

  @Override
  public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException, SystemException {
    if (endedTransactionWasBegunByUserTransaction()) {
      userTransaction.commit();
    } else {
      transactionManager.commit();
    }
  }

  @Override
  public void rollback() throws SystemException {
    if (endedTransactionWasBegunByUserTransaction()) {
      userTransaction.rollback();
    } else {
      transactionManager.rollback();
    }
  }

  private boolean endedTransactionWasBegunByUserTransaction() {
    Boolean byUserTransaction = begunByUserTransaction.get().poll();
    return byUserTransaction == null || byUserTransaction;
  }

  @Override
  public void setRollbackOnly() throws SystemException {
    transactionManager.setRollbackOnly();
  }

  @Override
  public int getStatus() throws SystemException {
    return transactionManager.getStatus();
  }

  @Override
  public void setTransactionTimeout(int seconds) throws SystemException {
    userTransaction.setTransactionTimeout(seconds);
  }

  @Override
  public Transaction getTransaction() throws SystemException {
    return transactionManager.getTransaction();
  }

  @Override
  public Transaction suspend() throws SystemException {
    Transaction transaction = transactionManager.suspend();
    if (transaction != null) {
      suspended.get().push(transaction);
    }
    return transaction;
  }

  @Override
  public void resume(Transaction transaction) throws InvalidTransactionException, SystemException {
    suspended.get().remove(transaction);
    transactionManager.resume(transaction);
  }
}
