package org.aipo.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Query parameters that Camunda's resource methods take as {@code @QueryParam} values, checked before the
 * resource runs (Camunda's query DTOs check their own parameters already):
 * <ul>
 * <li>true/false ones ({@code deserializeValues}, {@code itemCount}): JAX-RS converts them with
 * {@code Boolean.valueOf}, which reads anything but "true" as false, so {@code ?deserializeValues=yes}
 * quietly did the opposite of what was asked; now 400.</li>
 * <li>whole numbers ({@code firstResult}, {@code maxResults}): JAX-RS answers a value that is not one with
 * 404 ("Unable to extract parameter"), as if the resource did not exist; now 400 naming the parameter.</li>
 * <li>any value holding the NUL character ({@code %00}): PostgreSQL refused it in the query ("invalid byte
 * sequence"), a 500; now 400 (issue 29).</li>
 * <li>paging ({@code firstResult}, {@code maxResults}) below 0: Camunda answered as if none had been given (200);
 * now 400 (issue 29).</li>
 * </ul>
 */
public class QueryParameterCheck implements ContainerRequestFilter {

  /** The paging parameters of Camunda's list resources, which must not be negative. */
  private static final java.util.Set<String> PAGING = java.util.Set.of("firstResult", "maxResults");

  @Context
  private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    // the NUL character: no value may hold it, and PostgreSQL refuses it in any text it compares (a 500 before)
    for (java.util.Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\u0000') >= 0) {
          request.abortWith(BadInput.error(Response.Status.BAD_REQUEST, "InvalidRequestException",
              "query parameter " + parameter.getKey() + " must not hold the NUL character (%00)"));
          return;
        }
      }
    }
    // paging, wherever it is read (typed parameters, query DTOs, or from the URI as the metrics interval does)
    for (String name : PAGING) {
      for (String value : request.getUriInfo().getQueryParameters().getOrDefault(name, List.of())) {
        if (!whole(value, int.class) || Integer.parseInt(value.trim()) < 0) {
          request.abortWith(BadInput.error(Response.Status.BAD_REQUEST, "InvalidRequestException",
              "query parameter " + name + " must be a whole number, 0 or more"));
          return;
        }
      }
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = annotations(resource.getResourceClass(), method);
    for (int i = 0; i < types.length; i++) {
      boolean bool = types[i] == boolean.class || types[i] == Boolean.class;
      boolean whole = types[i] == int.class || types[i] == Integer.class || types[i] == long.class || types[i] == Long.class;
      if (!bool && !whole) {
        continue;
      }
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof QueryParam query) {
          List<String> values = request.getUriInfo().getQueryParameters().get(query.value());
          for (String value : values == null ? List.<String>of() : values) {
            boolean fits = bool ? value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") : whole(value, types[i]);
            if (!fits) {
              request.abortWith(BadInput.error(Response.Status.BAD_REQUEST, "InvalidRequestException",
                  "query parameter " + query.value() + " must be " + (bool ? "true or false" : "a whole number")));
              return;
            }

          }
        }
      }
    }
  }

  private static boolean whole(String value, Class<?> type) {
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(value.trim());
      } else {
        Long.parseLong(value.trim());
      }
      return true;
    } catch (NumberFormatException notOne) {
      return false;
    }
  }

  /**
   * The parameter annotations of the method, from the interface or superclass that declares them: Camunda
   * puts its JAX-RS annotations on interfaces (TaskRestService), which their implementations' methods do not
   * inherit.
   */
  static Annotation[][] annotations(Class<?> resourceClass, Method method) {
    List<Class<?>> types = new java.util.ArrayList<>();
    for (Class<?> type = resourceClass != null ? resourceClass : method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      types.add(type);
      collectInterfaces(type, types);
    }
    for (Class<?> type : types) {
      try {
        Annotation[][] found = type.getMethod(method.getName(), method.getParameterTypes()).getParameterAnnotations();
        if (java.util.Arrays.stream(found).anyMatch(a -> a.length > 0)) {
          return found;
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    return method.getParameterAnnotations();
  }

  private static void collectInterfaces(Class<?> type, List<Class<?>> into) {
    for (Class<?> implemented : type.getInterfaces()) {
      into.add(implemented);
      collectInterfaces(implemented, into);
    }
  }
}
