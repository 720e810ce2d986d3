package org.aipo.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** A concurrent change (answered 409) is recognised however Camunda's REST layer wrapped it. */
class DomainRuleExceptionHandlerTest {

  private static final String CONCURRENT = "ENGINE-03005 Execution of 'DELETE ExecutionEntity[869]' failed. Entity was updated by another"
      + " transaction concurrently.";

  @Test
  void anOptimisticLockingConflictAmongTheCausesIs409() {
    assertThat(DomainRuleExceptionHandler.concurrentChange(new ProcessEngineException("wrapped", new OptimisticLockingException(CONCURRENT))))
        .isTrue();
  }

  @Test
  void theJobResourcesMessageOnly404ForAConcurrentUpdateIs409() {
    assertThat(DomainRuleExceptionHandler.concurrentChange(new InvalidRequestException(Response.Status.NOT_FOUND, CONCURRENT))).isTrue();
  }

  @Test
  void otherRefusalsAreNotAnswersOfTheMoment() {
    assertThat(DomainRuleExceptionHandler.concurrentChange(new InvalidRequestException(Response.Status.NOT_FOUND,
        "No job found with id 'x'"))).isFalse();
    assertThat(DomainRuleExceptionHandler.concurrentChange(new ProcessEngineException(CONCURRENT))).as("not a REST wrapper").isFalse();
  }
}
