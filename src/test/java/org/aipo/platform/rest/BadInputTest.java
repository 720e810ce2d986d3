package org.aipo.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which failures are the request's fault (4xx) and which stay server faults (no answer here: 500). */
class BadInputTest {

  @Test
  void aMissingArgumentIs400AndAnUnknownIdIs404() {
    assertThat(BadInput.classify(new NullValueException("workerId is null")).status().getStatusCode()).isEqualTo(400);
    assertThat(BadInput.classify(new NullValueException("Cannot find task with id x: task is null")).status().getStatusCode()).isEqualTo(404);
    assertThat(BadInput.classify(new NotFoundException("no such thing")).status().getStatusCode()).isEqualTo(404);
  }

  @Test
  void aResourceWrapping500TakesItsCausesStatusAndKeepsItsOwnMessage() {
    RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new NullValueException("task x doesn't exist: task is null"), "Cannot complete task x: task x doesn't exist: task is null");
    BadInput.Refusal response = BadInput.classify(wrapped);
    assertThat(response.status().getStatusCode()).isEqualTo(404);
    assertThat(response.message()).startsWith("Cannot complete task x");
  }

  @Test
  void aNullReadByCamundasRestLayerNamesTheMissingValue() {
    NullPointerException npe = thrownBy("org.camunda.bpm.engine.rest.sub.runtime.impl.ExternalTaskResourceImpl",
        "Cannot invoke \"java.lang.Long.longValue()\" because the return value of "
            + "\"org.camunda.bpm.engine.rest.dto.runtime.PriorityDto.getPriority()\" is null");
    BadInput.Refusal response = BadInput.classify(npe);
    assertThat(response.status().getStatusCode()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("priority is required but missing or null");
  }

  @Test
  void anEntityTheEngineDidNotFindIs404() {
    NullPointerException npe = thrownBy("org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker",
        "Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.getId()\" because \"task\" is null");
    assertThat(BadInput.classify(npe).status().getStatusCode()).isEqualTo(404);
  }

  @Test
  void aNullPointerExceptionInOurCodeOrTheEnginesOwnStateStaysAFault() {
    assertThat(BadInput.classify(thrownBy("org.aipo.review.ReviewService", "Cannot invoke \"String.length()\" because \"title\" is null")))
        .isNull();
    assertThat(BadInput.classify(new ProcessEngineException("wrapped", thrownBy("org.aipo.selection.CallStages",
        "Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.getId()\" because \"task\" is null")))).isNull();
    assertThat(BadInput.classify(thrownBy("org.camunda.bpm.engine.impl.db.DbSqlSession", "Cannot invoke \"Object.hashCode()\" because \"key\" is null")))
        .isNull();
    assertThat(BadInput.classify(new NullPointerException())).isNull();
  }

  @Test
  void otherEngineExceptionsStayFaults() {
    assertThat(BadInput.classify(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation"))).isNull();
    assertThat(BadInput.classify(new ProcessEngineException("ENGINE-13043 No subscriptions were found")).status().getStatusCode()).isEqualTo(400);
  }

  private static NullPointerException thrownBy(String className, String message) {
    NullPointerException npe = new NullPointerException(message);
    npe.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "run", className + ".java", 1)});
    return npe;
  }
}
