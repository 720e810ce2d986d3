package org.aipo.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Some of Camunda's refusals carry no body at all (checking a password when no password policy is enabled
 * answers a bare 404, which the OpenAPI explains as "no password policy was found"); the caller then sees a
 * status without a word. Every 4xx and 5xx without a body gets Camunda's error format with the status's
 * reason and the request it refuses.
 */
public class ErrorMessageFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400 && !response.hasEntity()) {
      String reason = response.getStatusInfo().getReasonPhrase();
      reason = reason == null || reason.isBlank() ? "HTTP " + response.getStatus() : reason;
      ExceptionDto dto = new ExceptionDto();
      dto.setType(reason.replace(" ", ""));
      dto.setMessage(reason + " (Camunda gave no reason): " + request.getMethod() + " " + request.getUriInfo().getRequestUri().getPath());
      response.setEntity(dto, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
