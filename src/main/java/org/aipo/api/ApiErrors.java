package org.aipo.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Errors of our API as JSON {@code {"status":..,"field":..,"message":..}}: bad input 400 naming the field,
 * clashes 409, JAX-RS errors with their own status, an unreachable database 503 with Retry-After, a statement
 * the database stopped after the statement timeout 503; anything
 * else 500 without internals (logged).
 */

public class ApiErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  public static Response.ResponseBuilder response(Response.Status status, String field, String message) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("status", status.getStatusCode());
    if (field != null) {
      body.add("field", field);
    }
    body.add("message", message == null ? status.getReasonPhrase() : message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body.build().toString());
  }

  @Override
  public Response toResponse(Throwable error) {
    if (org.aipo.platform.DatabaseUnavailable.in(error)) {
      LOG.warning(() -> "Database unavailable: " + error);
      return response(Response.Status.SERVICE_UNAVAILABLE, null, org.aipo.platform.DatabaseUnavailable.MESSAGE)
          .header("Retry-After", org.aipo.platform.DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }
    if (org.aipo.platform.StatementTimedOut.in(error)) {
      LOG.warning(() -> "Statement stopped by the database (statement timeout or cancel): " + error);
      return response(Response.Status.SERVICE_UNAVAILABLE, null, org.aipo.platform.StatementTimedOut.MESSAGE).build();
    }
    Throwable cause = unwrap(error);
    if (cause instanceof org.camunda.bpm.engine.AuthorizationException) {
      return response(Response.Status.FORBIDDEN, null, "not allowed: " + cause.getMessage()).build();
    }
    if (cause instanceof org.camunda.bpm.engine.OptimisticLockingException) {
      // two changes to the same process at once (e.g. two objections in the same second): this one rolled back
      return response(Response.Status.CONFLICT, null, "another change was made at the same moment; nothing was stored, please try again")
          .build();
    }
    if (cause instanceof Conflict conflict) {
      return response(Response.Status.CONFLICT, conflict.field(), conflict.getMessage()).build();
    }
    if (cause instanceof JsonParsingException || cause instanceof jakarta.json.JsonException) {
      return response(Response.Status.BAD_REQUEST, null, "malformed JSON: " + cause.getMessage()).build();
    }
    if (cause instanceof IllegalArgumentException) {
      String message = cause.getMessage();
      String field = message == null ? null : message.split("[ :]", 2)[0];
      return response(Response.Status.BAD_REQUEST, field, message).build();
    }
    if (cause instanceof IllegalStateException) {
      return response(Response.Status.CONFLICT, null, cause.getMessage()).build();
    }
    if (cause instanceof ClassCastException) {
      return response(Response.Status.BAD_REQUEST, null, "a value has the wrong JSON type").build();
    }
    if (error instanceof WebApplicationException web) {
      Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
      return response(status == null ? Response.Status.BAD_REQUEST : status, null, web.getMessage()).build();
    }
    LOG.log(Level.SEVERE, "Unexpected error in the API", error);
    return response(Response.Status.INTERNAL_SERVER_ERROR, null, "internal error; it has been logged").build();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof jakarta.transaction.RollbackException || current instanceof jakarta.transaction.TransactionalException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
