package org.aipo.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * A NullPointerException that reaches /engine-rest unwrapped, answered by the same chain as an engine
 * exception ({@link DomainRuleExceptionHandler#ourAnswer}): 409 when the task was completed meanwhile
 * (on PostgreSQL the loser of two officials completing one task can read the task and then find its
 * process instance gone, and Camunda fails with a NullPointerException), 400 or 404 when a missing value
 * or an unknown id of the request caused it inside Camunda ({@link BadInput#classify}), otherwise
 * Camunda's own answer, 500 (a NullPointerException in our code is a fault and stays one).
 */
@Priority(Priorities.USER - 100)
public class NullInRequestHandler implements ExceptionMapper<NullPointerException> {

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.UriInfo uriInfo;

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.Request request;

  private final ExceptionHandler camunda = new ExceptionHandler();

  @Override
  public Response toResponse(NullPointerException exception) {
    Response ours = DomainRuleExceptionHandler.ourAnswer(exception, uriInfo, request);
    return ours != null ? ours : camunda.toResponse(exception);
  }
}
