package org.aipo.common;

import java.util.Objects;

/**
 * A refusal by a domain rule: the one exception type our services and resources throw for a request that must
 * not go through. It carries a stable {@link #code()} that clients switch on (the portal translates by it, never
 * by the wording), the {@link #field()} it concerns (the JSON path of the request body, or null), the
 * {@link #kind()} (which HTTP status answers it) and the message in Chinese and English. {@code /api} answers it as
 * RFC 9457 {@code application/problem+json} (org.aipo.api.ApiErrors); {@code /engine-rest} and Tasklist show
 * {@link #getMessage()} (Chinese, then English).
 */
public class DomainException extends RuntimeException {

  /** What the refusal means for the caller, and so the HTTP status that answers it. */
  public enum Kind {
    /** The request itself is wrong: a value missing, malformed or out of range (400). */
    BAD_INPUT(400),
    /** The caller may not do this, or may not see that (403). */
    FORBIDDEN(403),
    /** What the request names does not exist, or is not the caller's to see (404). */
    NOT_FOUND(404),
    /** The request is well formed but clashes with what is stored now: a state, a deadline, a duplicate (409). */
    CONFLICT(409),
    /** The request body is larger than allowed (413). */
    TOO_LARGE(413),
    /** Too many requests of this kind run now (uploads at a deadline); the answer carries Retry-After (429). */
    TOO_MANY(429),
    /** The server lacks something it needs for this request, e.g. a font for PDF reports (503). */
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String code;
  private final String field;
  private final String zh;
  private final String en;

  public DomainException(Kind kind, String code, String field, String zh, String en) {
    super(message(zh, en));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
    this.zh = zh;
    this.en = Objects.requireNonNull(en, "en");
  }

  /** 400: the request is wrong. {@code field} names the request's field (JSON path), or is null. */
  public static DomainException badInput(String code, String field, String zh, String en) {
    return new DomainException(Kind.BAD_INPUT, code, field, zh, en);
  }

  /** 409: the request clashes with what is stored now. */
  public static DomainException conflict(String code, String field, String zh, String en) {
    return new DomainException(Kind.CONFLICT, code, field, zh, en);
  }

  /** 404: what the request names does not exist, or is not the caller's to see. */
  public static DomainException notFound(String code, String field, String zh, String en) {
    return new DomainException(Kind.NOT_FOUND, code, field, zh, en);
  }

  /** 403: the caller may not do this. */
  public static DomainException forbidden(String code, String zh, String en) {
    return new DomainException(Kind.FORBIDDEN, code, null, zh, en);
  }

  /** 413: the request body is too large. */
  public static DomainException tooLarge(String code, String field, String zh, String en) {
    return new DomainException(Kind.TOO_LARGE, code, field, zh, en);
  }

  /** 429: too many such requests run now; try again after a few seconds (the answer carries Retry-After). */
  public static DomainException tooMany(String code, String field, String zh, String en) {
    return new DomainException(Kind.TOO_MANY, code, field, zh, en);
  }

  /** 503: the server cannot answer this request as configured (a missing font, say); {@code field} names the setting. */
  public static DomainException unavailable(String code, String field, String zh, String en) {
    return new DomainException(Kind.UNAVAILABLE, code, field, zh, en);
  }

  private static String message(String zh, String en) {
    return zh == null || zh.isBlank() ? en : zh + " " + en;
  }

  public Kind kind() {
    return kind;
  }

  /** Stable, dotted, lower case: {@code proposal.not-draft}, {@code text.required}. Never changes with the wording. */
  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public String zh() {
    return zh == null ? en : zh;
  }

  public String en() {
    return en;
  }
}
