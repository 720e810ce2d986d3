package org.aipo.platform.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.aipo.common.NulText;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A JSON body holding the NUL character ({@code \u0000}) in any key or text is refused with 400 naming where, before
 * Camunda binds it: PostgreSQL refuses NUL in any text it stores or compares, which reached the caller as a 500
 * (issue 29). As {@link QueryParameterCheck} for query parameters.
 */
public class JsonTextCheck implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getMediaType() == null || !NulText.isJson(context.getMediaType().getSubtype())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    String at = NulText.find(body).orElse(null);
    if (at != null) {
      throw new InvalidRequestException(Response.Status.BAD_REQUEST, at + ": holds the NUL character (\\u0000), which no value may hold");
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }
}
