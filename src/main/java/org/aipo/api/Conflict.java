package org.aipo.api;

/** A request that clashes with what is stored (409), naming the field. */
public class Conflict extends RuntimeException {

  private final String field;

  public Conflict(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
