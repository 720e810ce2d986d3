package org.aipo.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's task resources catch engine exceptions and re-throw them as a RestException with status
 * 500 ("Cannot complete task ..."); when one of our rules is the cause, the answer is its 4xx instead
 * (see {@link DomainRuleExceptionHandler}); when the input is bad (an unknown id, a missing value), its 4xx
 * (see {@link BadInput}).
 */
@Priority(Priorities.USER - 100)
public class DomainRuleRestExceptionHandler implements ExceptionMapper<RestException> {

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.UriInfo uriInfo;

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.Request request;

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    Response ours = DomainRuleExceptionHandler.ourAnswer(exception, uriInfo, request);
    return ours != null ? ours : camunda.toResponse(exception);
  }
}
