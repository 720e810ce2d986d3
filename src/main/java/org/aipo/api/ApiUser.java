package org.aipo.api;


import java.util.List;

/** The authenticated caller of our API. */
public record ApiUser(String userId, List<String> groups) {

  public static final String PROPERTY = ApiUser.class.getName();

  /** The caller that {@link ApiAuthenticationFilter} authenticated (JAX-RS request properties are request attributes). */
  public static ApiUser of(jakarta.servlet.http.HttpServletRequest request) {
    ApiUser user = (ApiUser) request.getAttribute(PROPERTY);
    if (user == null) {
      throw new IllegalStateException("no authenticated caller: the resource is @PermitAll or has no @RolesAllowed");
    }
    return user;
  }
}
