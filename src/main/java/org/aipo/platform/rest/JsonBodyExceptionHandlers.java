package org.aipo.platform.rest;

import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A request body that is not JSON, or JSON of the wrong shape: Camunda answers 400 with an empty message
 * (its JsonParseExceptionHandler and JsonMappingExceptionHandler), which leaves the caller guessing. These
 * answer 400 saying where the JSON is broken or which field has the wrong type. The messages never echo
 * the value sent (Tasklist shows error messages as HTML). Registered in front of Camunda's handlers of the
 * same exception types.
 */
public final class JsonBodyExceptionHandlers {

  private JsonBodyExceptionHandlers() {
  }

  /** Not JSON at all: where the parser gave up. */
  @Priority(Priorities.USER - 100)
  public static class Parse implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      JsonLocation at = exception.getLocation();
      return BadInput.error(Response.Status.BAD_REQUEST, "InvalidRequestException", "the request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
  }

  /** JSON, but a value of the wrong type somewhere: which field, and the type expected there. */
  @Priority(Priorities.USER - 100)
  public static class Mapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      String field = exception.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String expected = exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
          ? " (expected " + describe(mismatch.getTargetType()) + ")" : "";
      return BadInput.error(Response.Status.BAD_REQUEST, "InvalidRequestException", field.isEmpty()
          ? "the request body does not have the expected JSON form" + expected
          : "the value of " + field + " in the request body has the wrong JSON type" + expected);
    }

    private static String describe(Class<?> type) {
      if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
        return "a number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "true or false";
      }
      if (type == String.class) {
        return "a string";
      }
      if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
        return "an array";
      }
      if (type == java.util.Date.class) {
        return "a date such as 2026-01-31T17:00:00.000+0800";
      }
      return "an object";
    }
  }
}
