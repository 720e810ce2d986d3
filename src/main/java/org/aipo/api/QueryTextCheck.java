package org.aipo.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * A query parameter holding the NUL character ({@code %00}) is refused with 400 naming it, before any resource reads
 * it: no value of ours may hold one, and PostgreSQL refuses it in any text it is asked to compare ("invalid byte
 * sequence"), which reached the caller as a 500 (issue 29, found by BadRequestCorpusIT's PostgreSQL pass).
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class QueryTextCheck implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\u0000') >= 0) {
          request.abortWith(ApiErrors.problem(400, "field.nul", parameter.getKey(), "查询参数 " + parameter.getKey() + " 含有空字符（%00）",
              "query parameter " + parameter.getKey() + " holds the NUL character (%00)").build());
          return;
        }
      }
    }
  }
}
