package org.aipo.storage;

/** Work done once the current transaction has ended (a file deleted after a commit, or after a rollback). */
public interface AfterTransaction {

  /** Runs {@code work} after the current transaction commits; with no transaction, now. */
  void afterCommit(Runnable work);

  /** Runs {@code work} if the current transaction rolls back; with no transaction, never. */
  void afterRollback(Runnable work);

  /** No transactions: commit work runs at once, rollback work never (unit tests, tools). */
  AfterTransaction NONE = new AfterTransaction() {
    @Override
    public void afterCommit(Runnable work) {
      work.run();
    }

    @Override
    public void afterRollback(Runnable work) {
      // never rolled back
    }
  };
}
