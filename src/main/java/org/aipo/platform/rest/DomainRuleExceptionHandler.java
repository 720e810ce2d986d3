package org.aipo.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Camunda wraps whatever a task listener or delegate throws into a plain ProcessEngineException, which
 * its REST API answers with 500. When the cause is one of our rules refusing bad input
 * ({@link IllegalArgumentException}: a score above its weight, a conflict without reason) the answer is
 * 400 with that rule's message; when it is a step that does not fit the state of the work
 * ({@link IllegalStateException} from our code) it is 409. Bad input that Camunda would answer with 500
 * gets its 4xx ({@link BadInput}). Everything else goes to Camunda's own handler.
 * Registered in front of Camunda's handler for /engine-rest and for the webapps' engine API.
 */
@Priority(Priorities.USER - 100)
public class DomainRuleExceptionHandler implements ExceptionMapper<ProcessEngineException> {

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.UriInfo uriInfo;

  @jakarta.ws.rs.core.Context
  jakarta.ws.rs.core.Request request;

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response ours = ourAnswer(exception, uriInfo, request);
    return ours != null ? ours : camunda.toResponse(exception);
  }

  /**
   * Our answer to a failed request, in this order, or null to leave it to Camunda's handler: the moment
   * (database down 503, a concurrent change 409), the task completed meanwhile (409), a job run by hand
   * that clashed with a concurrent change (409), one of our rules
   * (400/409), bad input that Camunda would answer with 500 (a null argument, an unknown id: 400/404).
   * Shared by this mapper and {@link DomainRuleRestExceptionHandler}.
   */
  static Response ourAnswer(Throwable exception, jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.Request request) {
    Response state = stateResponse(exception);
    if (state != null) {
      return state;
    }
    Response done = UnknownIdCheck.completedMeanwhile(uri, request == null ? null : request.getMethod());
    if (done != null) {
      return done;
    }
    Response clashed = UnknownIdCheck.jobRunClashed(uri, request == null ? null : request.getMethod());
    if (clashed != null) {
      return clashed;
    }
    Response rule = ruleResponse(exception);
    if (rule != null) {
      return rule;
    }
    return wouldBe500(exception) ? BadInput.response(exception) : null;
  }

  static boolean wouldBe500(Throwable exception) {
    return ExceptionHandlerHelper.getInstance().getStatus(exception) == Response.Status.INTERNAL_SERVER_ERROR;
  }

  /** The 4xx for a rule of ours somewhere in the causes, or null. */
  static Response ruleResponse(Throwable exception) {
    for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof org.aipo.common.DomainException refusal) {
        return response(Response.Status.fromStatusCode(refusal.kind().status()), refusal.getMessage());
      }
      if (cause instanceof IllegalArgumentException) {
        return response(Response.Status.BAD_REQUEST, cause.getMessage());
      }
      if (cause instanceof IllegalStateException && thrownByUs(cause)) {
        return response(Response.Status.CONFLICT, cause.getMessage());
      }
    }
    return null;
  }

  private static boolean thrownByUs(Throwable cause) {
    StackTraceElement[] trace = cause.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("org.aipo.");
  }

  /**
   * Answers that depend on the moment, not on the request: 503 while the database cannot be reached or when it
   * stopped a statement that ran past the statement timeout, 409
   * when another request changed the same task or instance at the same moment (optimistic locking: this
   * one was rolled back, as two officials completing one task at once). Null otherwise.
   */
  static Response stateResponse(Throwable exception) {
    if (org.aipo.platform.DatabaseUnavailable.in(exception)) {
      return unavailable();
    }
    if (org.aipo.platform.StatementTimedOut.in(exception)) {
      return timedOut();
    }
    if (concurrentChange(exception)) {
      return response(Response.Status.CONFLICT, "another change was made to the same work at the same moment; this one was not"
          + " stored: reload and check (同一事项刚被他人修改，本次未保存，请刷新后核对)");
    }
    return null;
  }

  /** Whether another transaction changed the same rows at the same moment (this one was rolled back). */
  static boolean concurrentChange(Throwable exception) {
    if (org.aipo.platform.ConcurrentChange.in(exception)) {
      return true;
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (concurrentUpdateWithoutItsCause(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Some of Camunda's resources re-throw an engine failure as a RestException with the message only (the job
   * resource's execute answers 404 for anything, an optimistic-locking conflict too: a timer fired by hand
   * while an objection changed the same scope). Camunda's code for a concurrent update tells it apart.
   */
  static boolean concurrentUpdateWithoutItsCause(Throwable failure) {
    return failure instanceof org.camunda.bpm.engine.rest.exception.RestException && failure.getCause() == null
        && failure.getMessage() != null && failure.getMessage().startsWith(CONCURRENT_UPDATE);
  }

  /** The code of Camunda's OptimisticLockingException message ("Entity was updated by another transaction concurrently"). */
  static final String CONCURRENT_UPDATE = "ENGINE-03005 ";

  /** 503 with Retry-After: the database cannot be reached; the request may be repeated. */
  static Response unavailable() {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("ServiceUnavailableException");
    dto.setMessage(org.aipo.platform.DatabaseUnavailable.MESSAGE);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", org.aipo.platform.DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }

  /** 503: the database stopped a statement of this request that ran past the server's statement timeout. */
  static Response timedOut() {
    return BadInput.error(Response.Status.SERVICE_UNAVAILABLE, "StatementTimeoutException", org.aipo.platform.StatementTimedOut.MESSAGE);
  }

  static Response response(Response.Status status, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(status == Response.Status.BAD_REQUEST ? "InvalidRequestException" : "ConflictException");
    dto.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }
}
