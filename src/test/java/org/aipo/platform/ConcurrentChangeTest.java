package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

  @Test
  void anOptimisticLockingFailureAnywhereInTheChainIsAConcurrentChange() {
    assertThat(ConcurrentChange.in(new RuntimeException(new OptimisticLockingException("ENGINE-03005 rev changed")))).isTrue();
  }

  @Test
  void aDeadlockOrSerializationFailureIsAConcurrentChange() {
    assertThat(ConcurrentChange.in(new jakarta.persistence.PersistenceException(new SQLException("deadlock detected", "40P01")))).isTrue();
    assertThat(ConcurrentChange.in(new SQLException("could not serialize access", "40001"))).isTrue();
    assertThat(ConcurrentChange.in(new SQLException("Concurrent update in table", "90131"))).isTrue();
  }

  @Test
  void aForeignKeyViolationCountsOnlyWhenTheEngineFlushedIt() {
    SQLException parentMissing = new SQLIntegrityConstraintViolationException("Referential integrity constraint violation", "23506");
    assertThat(ConcurrentChange.in(new ProcessEngineException("An exception occurred in the persistence layer", parentMissing)))
        .as("the engine inserted under an execution a concurrent command deleted").isTrue();
    assertThat(ConcurrentChange.in(new jakarta.persistence.PersistenceException(parentMissing)))
        .as("our own entities' foreign key is a fault, not a race").isFalse();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(ConcurrentChange.in(new ProcessEngineException("no such task"))).isFalse();
    assertThat(ConcurrentChange.in(new SQLException("unique violation", "23505"))).isFalse();
    assertThat(ConcurrentChange.in(new IllegalStateException())).isFalse();
  }
}
