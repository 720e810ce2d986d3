package org.aipo.platform.rest;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.camunda.bpm.engine.rest.dto.AbstractQueryDto;
import org.camunda.bpm.engine.rest.dto.SortingDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The {@code sorting} of a query body ({@code POST /task}, {@code POST /execution}, ...), checked as Camunda checks
 * the {@code sortBy}/{@code sortOrder} query parameters: Camunda applies a body's sortings without checking them, so
 * an unknown sort order ({@code "sideways"}) was ignored and an unknown sort key left the query unsorted (200); now
 * 400 naming the value (issue 29, found by BadRequestCorpusIT).
 */
public class QueryBodyCheck implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object body = context.proceed();
    if (body instanceof AbstractQueryDto<?> query && query.getSorting() != null) {
      for (SortingDto sorting : query.getSorting()) {
        if (sorting == null) {
          throw new InvalidRequestException(Response.Status.BAD_REQUEST, "sorting: an entry is null");
        }
        if (sorting.getSortBy() == null || !validSortBy(query, sorting.getSortBy())) {
          throw new InvalidRequestException(Response.Status.BAD_REQUEST, "sorting: sortBy " + quoted(sorting.getSortBy())
              + " is not one of the sort keys of this query");
        }
        if (!AbstractQueryDto.VALID_SORT_ORDER_VALUES.contains(sorting.getSortOrder())) {
          throw new InvalidRequestException(Response.Status.BAD_REQUEST, "sorting: sortOrder " + quoted(sorting.getSortOrder())
              + " must be one of " + AbstractQueryDto.VALID_SORT_ORDER_VALUES);
        }
      }
    }
    return body;
  }

  private static String quoted(String value) {
    return value == null ? "(missing)" : "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
  }

  /** The query's own check of a sort key (protected in Camunda's DTOs). */
  static boolean validSortBy(AbstractQueryDto<?> query, String sortBy) {
    for (Class<?> type = query.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Method check = type.getDeclaredMethod("isValidSortByValue", String.class);
        check.setAccessible(true);
        return (Boolean) check.invoke(query, sortBy);
      } catch (NoSuchMethodException notHere) {
        // look further up
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot check the sort key of " + query.getClass().getName(), e);
      }
    }
    return true;
  }
}
