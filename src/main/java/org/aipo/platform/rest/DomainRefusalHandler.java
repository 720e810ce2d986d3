package org.aipo.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.aipo.common.DomainException;

/**
 * One of our rules refusing inside a delegate of a service task that runs in the request (a voucher approval that
 * the pool cannot cover): the engine lets the unchecked exception through unwrapped, so it reaches JAX-RS as
 * itself, not as a {@code ProcessEngineException} for {@link DomainRuleExceptionHandler}, and Camunda's own
 * handler would answer 500. Answered with the rule's status (400/403/404/409/413) and message, like the wrapped case.
 */
@Provider
public class DomainRefusalHandler implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException refusal) {
    return DomainRuleExceptionHandler.response(Response.Status.fromStatusCode(refusal.kind().status()), refusal.getMessage());
  }
}
