package org.aipo.platform.rest;

import jakarta.ws.rs.core.Response;

import org.aipo.common.NulText;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A JSON body holding the NUL character ({@code \u0000}) in any key or text is refused with 400 naming where, before
 * Camunda binds it: PostgreSQL refuses NUL in any text it stores or compares, which reached the caller as a 500
 * (issue 29). As {@link QueryParameterCheck} for query parameters.
 */
public class JsonTextCheck extends NulText.BodyCheck {

  @Override
  protected RuntimeException refused(String at) {
    return new InvalidRequestException(Response.Status.BAD_REQUEST, at + ": holds the NUL character (\\u0000), which no value may hold");
  }
}
