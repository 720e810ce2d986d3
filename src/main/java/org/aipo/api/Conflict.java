package org.aipo.api;

import org.aipo.common.DomainException;

/**
 * A request that clashes with what is stored (409), naming the field: a {@link DomainException} of kind CONFLICT
 * whose code is {@code <what>.exists} unless given.
 */
public class Conflict extends DomainException {

  public Conflict(String code, String field, String zh, String en) {
    super(Kind.CONFLICT, code, field, zh, en);
  }

  /** A duplicate: code {@code duplicate}, message in English only. Prefer the constructor with a code and Chinese. */
  public Conflict(String field, String message) {
    super(Kind.CONFLICT, "duplicate", field, null, message);
  }
}
