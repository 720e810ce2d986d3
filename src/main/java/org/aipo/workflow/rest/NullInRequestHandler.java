package org.aipo.workflow.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * A NullPointerException that reaches /engine-rest unwrapped: 400 or 404 when a missing value or an
 * unknown id of the request caused it inside Camunda ({@link BadInput#nullInRequest}), otherwise Camunda's
 * own answer, 500 (a NullPointerException in our code is a fault and stays one).
 */
@Priority(Priorities.USER - 100)
public class NullInRequestHandler implements ExceptionMapper<NullPointerException> {

  private final ExceptionHandler camunda = new ExceptionHandler();

  @Override
  public Response toResponse(NullPointerException exception) {
    Response badInput = BadInput.nullInRequest(exception);
    return badInput != null ? badInput : camunda.toResponse(exception);
  }
}
