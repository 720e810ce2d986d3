package org.aipo.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Bean Validation violations of a request ({@code @Valid} on a resource method) as problem+json naming the field.
 * A mapper of its own: the JAX-RS runtime answers a ConstraintViolationException with its own plain-text report
 * unless a mapper for exactly that type exists; an {@code ExceptionMapper<Throwable>} is not asked.
 */
public class ApiViolations implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException violations) {
    if (violations.getConstraintViolations() == null || violations.getConstraintViolations().isEmpty()) {
      return ApiErrors.problem(400, "validation", null, "请求内容无效。", String.valueOf(violations.getMessage())).build();
    }
    // the first violation in a stable order (by field), so that the same request always names the same field
    return ApiErrors.violation(violations.getConstraintViolations().stream()
        .min(java.util.Comparator.comparing(v -> String.valueOf(v.getPropertyPath()))).orElseThrow()).build();
  }
}
