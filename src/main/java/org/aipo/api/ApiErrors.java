package org.aipo.api;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.aipo.common.DomainException;
import org.aipo.platform.ConcurrentChange;
import org.aipo.platform.DatabaseUnavailable;
import org.aipo.platform.StatementTimedOut;

/**
 * Errors of our API as RFC 9457 {@code application/problem+json}:
 * <pre>{"type":"urn:aipo:problem:text.required","title":"Bad Request","status":400,"code":"text.required",
 *  "field":"title","detail":"title is required","message":"title 为必填项 title is required",
 *  "messages":{"zh":"title 为必填项","en":"title is required"}}</pre>
 * {@code code} is stable and what clients switch on; {@code field} is the request body's JSON path (or null);
 * {@code detail} is English, {@code messages} has both languages, {@code message} (both, Chinese first) is kept for
 * clients of the earlier {@code {"status","field","message"}} shape. A domain refusal ({@link DomainException}),
 * a Bean Validation violation, an unreadable body, the engine's authorization refusal and a concurrent change are
 * 4xx; an unreachable database and a statement the database stopped are 503; anything else is 500 with a
 * correlation id in the body and in the log, and nothing of the internals.
 */
public class ApiErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json", "UTF-8");

  /** JSON-B's (Yasson's) message when a property cannot be read, e.g. "Unable to deserialize property 'budget' …". */
  private static final Pattern JSONB_PROPERTY = Pattern.compile("property '([^']+)'");

  /** A problem answer. {@code zh} may be null (the English text then stands for both). */
  public static Response.ResponseBuilder problem(int status, String code, String field, String zh, String en) {
    return Response.status(status).type(PROBLEM_JSON).entity(body(status, code, field, zh, en).build().toString());
  }

  private static JsonObjectBuilder body(int status, String code, String field, String zh, String en) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String chinese = zh == null ? en : zh;
    JsonObjectBuilder body = Json.createObjectBuilder().add("type", "urn:aipo:problem:" + code)
        .add("title", type == null ? "Error" : type.getReasonPhrase()).add("status", status).add("code", code);
    if (field != null) {
      body.add("field", field);
    } else {
      body.addNull("field");
    }
    return body.add("detail", en).add("message", chinese.equals(en) ? en : chinese + " " + en)
        .add("messages", Json.createObjectBuilder().add("zh", chinese).add("en", en));
  }

  /** 429: too many failed logins from this source (platform.auth.LoginThrottle); try again after the given seconds. */
  public static Response.ResponseBuilder throttled(long retryAfterSeconds) {
    return problem(429, "auth.throttled", null, "来自此地址的登录失败次数过多，请 " + retryAfterSeconds + " 秒后再试",
        "too many failed logins from this address; try again in " + retryAfterSeconds + " s").header("Retry-After", retryAfterSeconds);
  }

  /** Seconds a client waits before it repeats a request refused with 429 (too many uploads at once). */
  public static final int RETRY_AFTER_BUSY_SECONDS = 5;

  public static Response.ResponseBuilder problem(DomainException refusal) {
    Response.ResponseBuilder answer = problem(refusal.kind().status(), refusal.code(), refusal.field(), refusal.zh(), refusal.en());
    return refusal.kind() == DomainException.Kind.TOO_MANY ? answer.header("Retry-After", RETRY_AFTER_BUSY_SECONDS) : answer;
  }

  @Override
  public Response toResponse(Throwable error) {
    if (DatabaseUnavailable.in(error)) {
      LOG.warning(() -> "Database unavailable: " + error);
      return problem(503, "database.unavailable", null, "数据库暂时无法访问，请稍后再试。", DatabaseUnavailable.MESSAGE)
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }
    if (StatementTimedOut.in(error)) {
      LOG.warning(() -> "Statement stopped by the database (statement timeout or cancel): " + error);
      return problem(503, "database.statement-timeout", null, "查询超时，已被数据库中止。", StatementTimedOut.MESSAGE).build();
    }
    Throwable cause = unwrap(error);
    if (cause instanceof DomainException refusal) {
      return problem(refusal).build();
    }
    if (cause instanceof ConstraintViolationException violations && !violations.getConstraintViolations().isEmpty()) {
      return violation(violations.getConstraintViolations().iterator().next()).build();
    }
    if (cause instanceof org.camunda.bpm.engine.AuthorizationException) {
      return problem(403, "engine.not-authorized", null, "无权执行此操作。", "not allowed: " + cause.getMessage()).build();
    }
    if (ConcurrentChange.in(error)) {
      // two changes to the same process at once (e.g. an objection as the notice's end timer fires): this one rolled back
      return problem(409, "concurrent-change", null, "同一时刻有另一项修改，本次未保存，请重试。",
          "another change was made at the same moment; nothing was stored, please try again").build();
    }
    if (cause instanceof JsonParsingException || cause instanceof jakarta.json.JsonException) {
      return problem(400, "json.malformed", null, "请求内容不是有效的 JSON。", "malformed JSON: " + cause.getMessage()).build();
    }
    JsonbException binding = find(error, JsonbException.class);
    if (binding != null) {
      return unreadable(binding).build();
    }
    if (error instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status >= 500) {
        return internal(error).build();
      }
      return problem(status, "http." + status, null, null, web.getMessage()).build();
    }
    return internal(error).build();
  }

  /**
   * A Bean Validation violation on a request body: 400 naming the body's field, e.g. {@code contact.email}, with the
   * constraint's message in Chinese and English. A missing value is {@code field.required}; any other constraint
   * {@code validation.<constraint>} (e.g. {@code validation.size}).
   */
  static Response.ResponseBuilder violation(ConstraintViolation<?> violation) {
    String field = field(violation.getPropertyPath());
    String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    String code = switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "field.required";
      default -> "validation." + Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
    };
    String prefix = field == null ? "" : field + ": ";
    return problem(400, code, field, prefix + interpolate(violation, java.util.Locale.SIMPLIFIED_CHINESE),
        prefix + interpolate(violation, java.util.Locale.ENGLISH));
  }

  private static final jakarta.validation.MessageInterpolator INTERPOLATOR = jakarta.validation.Validation.byDefaultProvider().configure()
      .getDefaultMessageInterpolator();

  /** The violation's message in a language (the validator ships Chinese messages for its constraints). */
  static String interpolate(ConstraintViolation<?> violation, java.util.Locale locale) {
    try {
      return INTERPOLATOR.interpolate(violation.getMessageTemplate(), new jakarta.validation.MessageInterpolator.Context() {
        @Override
        public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
          return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
          return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
          throw new jakarta.validation.ValidationException("not supported: " + type);
        }
      }, locale);
    } catch (RuntimeException e) {
      return violation.getMessage();
    }
  }

  /** The body's JSON path of a violation: the nodes after the method and its parameter. */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    boolean parameter = false;
    for (Path.Node node : path) {
      parameter |= node.getKind() == ElementKind.PARAMETER;
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
          || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.getName() == null) {
        continue;
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
    }
    // the body as a whole (e.g. no body at all) is "body"
    return field.length() == 0 ? (parameter ? "body" : null) : field.toString();
  }

  /** A body JSON-B could not bind: 400, naming the property where the binder says which. */
  static Response.ResponseBuilder unreadable(JsonbException binding) {
    String field = null;
    for (Throwable t = binding; t != null && field == null; t = t.getCause()) {
      Matcher property = t.getMessage() == null ? null : JSONB_PROPERTY.matcher(t.getMessage());
      if (property != null && property.find()) {
        field = property.group(1);
      }
    }
    String en = field == null ? "the request body cannot be read as the expected JSON" : field + " has the wrong JSON type or format";
    return problem(400, "json.wrong-type", field, (field == null ? "请求内容" : field) + " 的 JSON 类型或格式不正确。", en);
  }

  /** 500: logged with a correlation id that the answer carries, nothing else of the internals. */
  static Response.ResponseBuilder internal(Throwable error) {
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error in the API, correlation id " + correlationId, error);
    JsonObjectBuilder body = body(500, "internal", null, "系统内部错误，已记录（编号 " + correlationId + "）。",
        "internal error; it has been logged with correlation id " + correlationId).add("correlationId", correlationId);
    return Response.status(500).type(PROBLEM_JSON).header("X-Correlation-Id", correlationId).entity(body.build().toString());
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
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
