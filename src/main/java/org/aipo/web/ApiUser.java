package org.aipo.web;

import java.util.List;

/** The authenticated caller of our API. */
public record ApiUser(String userId, List<String> groups) {

  public static final String PROPERTY = ApiUser.class.getName();
}
