package org.aipo.platform.rest;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Which failures of a request to Camunda's REST API are the request's fault, although Camunda answers
 * them with 500: the engine's own checks of the arguments it was given, and null values the REST layer
 * reads from a request body without checking. Everything else stays a server fault (500).
 *
 * <ul>
 * <li>{@link NullValueException} is what the engine's {@code ensureNotNull} throws for an argument that is
 * missing ("workerId is null") or an object the request named that does not exist ("Cannot find task with
 * id ...: task is null"); Camunda's REST API, unlike for its sibling {@link BadUserRequestException},
 * answers it with 500. Here: 404 when the message says that something does not exist, 400 otherwise.</li>
 * <li>{@link NotFoundException} and other {@link BadUserRequestException}s wrapped by a resource into a
 * 500 ("Cannot complete task ...": Camunda's task, variable and start resources catch engine exceptions
 * and re-throw them as a RestException with status 500): their own status, 404 or 400.</li>
 * <li>A {@link NullPointerException} thrown by Camunda's REST layer itself ({@code org.camunda.bpm.engine.rest})
 * while it reads the request's DTO, e.g. {@code PriorityDto.getPriority()} unboxed without a check: the
 * request lacks a required value, 400 naming it. One thrown by the engine because an entity the request
 * named by id was not found ({@code Cannot invoke "...TaskEntity.getId()" because "task" is null}, where
 * Camunda forgot its own not-found check): 404. Any other NullPointerException, ours in particular, is a
 * fault and stays 500.</li>
 * <li>A plain ProcessEngineException whose engine message code says that the request matched nothing
 * ({@link #ABOUT_THE_REQUEST}); Camunda's own analogue, a message that correlates to nothing, is 400.</li>
 * </ul>
 */
final class BadInput {

  private static final Pattern NOT_FOUND = Pattern.compile(
      "(?i)doesn't exist|does not exist|cannot find|not found|\\bno\\b[\\w ]{0,60}\\bfound\\b");
  private static final Pattern GETTER_RETURNED_NULL = Pattern.compile("return value of \"[\\w.$]+\\.(?:get|is)(\\w+)\\(\\)\" is null");
  private static final Pattern FIELD_NULL = Pattern.compile("because \"(?:this\\.)?(\\w+)\" is null");
  private static final Pattern ENTITY_NULL = Pattern.compile(
      "Cannot invoke \"org\\.camunda\\.bpm\\.engine\\.impl\\.[\\w.]+\\.(\\w+)Entity\\.\\w+\\(\\)\" because \"(\\w+)\" is null");

  /**
   * Engine message codes of plain ProcessEngineExceptions that are statements about the request, not
   * faults: ENGINE-13043, "No subscriptions were found during evaluation of the conditional start events"
   * (POST /condition with variables that no conditional start event waits for); ENGINE-13054, "The number of
   * job retries must be a non-negative Integer" (PUT /job-definition/{id}/retries with -1, which Camunda's
   * resource re-throws as a 500).
   */
  static final Set<String> ABOUT_THE_REQUEST = Set.of("ENGINE-13043", "ENGINE-13054");

  /** The engine's argument checks ({@code ensurePositive}, ...): what they throw is about the arguments, i.e. the request. */
  private static final String ENSURE = "org.camunda.bpm.engine.impl.util.EnsureUtil";

  private BadInput() {
  }

  /** The status, type and message of a refusal (kept apart from Response, which needs a JAX-RS runtime). */
  record Refusal(Response.Status status, String type, String message) {
    Response response() {
      return error(status, type, message);
    }
  }

  /** The 4xx for a failure that the request caused, looking through the causes; null when it is a fault. */
  static Response response(Throwable failure) {
    Refusal refusal = classify(failure);
    return refusal == null ? null : refusal.response();
  }

  /** What {@link #response} answers, or null for a fault. */
  static Refusal classify(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof NotFoundException) {
        return refusal(Response.Status.NOT_FOUND, cause, failure.getMessage());
      }
      if (cause instanceof BadUserRequestException) {
        return refusal(Response.Status.BAD_REQUEST, cause, failure.getMessage());
      }
      if (cause instanceof NullValueException) {
        Response.Status status = NOT_FOUND.matcher(String.valueOf(cause.getMessage())).find()
            ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
        return refusal(status, cause, failure.getMessage());
      }
      if (cause instanceof NullPointerException npe) {
        return nullRefusal(npe);
      }
      boolean plain = cause.getClass() == ProcessEngineException.class || cause instanceof org.camunda.bpm.engine.rest.exception.RestException;
      if (plain && cause.getMessage() != null && ABOUT_THE_REQUEST.contains(cause.getMessage().split(" ", 2)[0])) {
        return refusal(Response.Status.BAD_REQUEST, cause, failure.getMessage());
      }
      if (cause.getClass() == ProcessEngineException.class && thrownBy(cause, ENSURE)) {
        // e.g. "version is not greater than 0" (GET /process-definition?version=-1)
        return refusal(Response.Status.BAD_REQUEST, cause, failure.getMessage());
      }
    }
    return null;
  }

  /** Whether the class named is among the first frames of the failure (the check that threw it, before its callers). */
  static boolean thrownBy(Throwable failure, String className) {
    StackTraceElement[] trace = failure.getStackTrace();
    for (int i = 0; i < Math.min(8, trace.length); i++) {
      if (trace[i].getClassName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  static Refusal nullRefusal(NullPointerException npe) {
    StackTraceElement[] trace = npe.getStackTrace();
    String message = npe.getMessage();
    if (trace.length == 0 || message == null) {
      return null;
    }
    String thrower = trace[0].getClassName();
    if (thrower.startsWith("org.camunda.bpm.engine.rest.")) {
      Matcher getter = GETTER_RETURNED_NULL.matcher(message);
      Matcher field = FIELD_NULL.matcher(message);
      String name = getter.find() ? Character.toLowerCase(getter.group(1).charAt(0)) + getter.group(1).substring(1)
          : field.find() ? field.group(1).replaceFirst("Dto$", "") : null; // a local "migrationPlanDto" is field migrationPlan
      return new Refusal(Response.Status.BAD_REQUEST, "InvalidRequestException",
          name == null ? "a required value is missing in the request" : name + " is required but missing or null");
    }
    Matcher entity = ENTITY_NULL.matcher(message);
    if (thrower.startsWith("org.camunda.bpm.engine.impl.") && entity.find()) {
      return new Refusal(Response.Status.NOT_FOUND, "NotFoundException", "no " + entity.group(2) + " found with the id given");
    }
    return null;
  }

  private static Refusal refusal(Response.Status status, Throwable cause, String message) {
    return new Refusal(status, cause.getClass().getSimpleName(), message == null ? cause.getMessage() : message);
  }

  static Response error(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }
}
