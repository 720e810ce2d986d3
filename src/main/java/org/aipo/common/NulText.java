package org.aipo.common;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * Finds the NUL character ({@code \u0000}) in a JSON body, naming where it is ({@code members[2].name}). No text of
 * ours may hold one, and PostgreSQL refuses it in any text it stores or compares ("invalid byte sequence"), which
 * reached the caller as a 500 (issue 29). Used by the request filters of both REST APIs to answer 400 naming the field.
 */
public final class NulText {

  private static final byte[] ESCAPED = "\\u0000".getBytes(StandardCharsets.US_ASCII);

  private NulText() {
  }

  /** Whether a body of this media subtype ({@code json}, {@code problem+json}, ...) is JSON to look into. */
  public static boolean isJson(String subtype) {
    return subtype != null && (subtype.equalsIgnoreCase("json") || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /**
   * A reader interceptor that refuses a JSON body holding NUL before it is bound, with the API's own error for the
   * place named ({@link #refused}); other bodies pass untouched.
   */
  public abstract static class BodyCheck implements jakarta.ws.rs.ext.ReaderInterceptor {

    /** The API's 400 for a body holding NUL at {@code at}. */
    protected abstract RuntimeException refused(String at);

    @Override
    public Object aroundReadFrom(jakarta.ws.rs.ext.ReaderInterceptorContext context) throws java.io.IOException {
      if (context.getMediaType() == null || !isJson(context.getMediaType().getSubtype())) {
        return context.proceed();
      }
      byte[] body = context.getInputStream().readAllBytes();
      String at = find(body).orElse(null);
      if (at != null) {
        throw refused(at);
      }
      context.setInputStream(new ByteArrayInputStream(body));
      return context.proceed();
    }
  }

  /**
   * Where the first key or string value holding NUL is ({@code $} for a bare string), or empty: none, or a body that
   * is not well-formed JSON (the body's reader answers that one).
   */
  public static Optional<String> find(byte[] json) {
    if (!contains(json, ESCAPED)) {
      return Optional.empty();
    }
    Deque<Object> path = new ArrayDeque<>(); // a String key, or an int[] index, per level
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(json))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT -> {
            advance(path);
            path.push("");
          }
          case START_ARRAY -> {
            advance(path);
            path.push(new int[] {-1});
          }
          case END_OBJECT, END_ARRAY -> path.pop();
          case KEY_NAME -> {
            path.pop();
            path.push(parser.getString());
            if (parser.getString().indexOf('\u0000') >= 0) {
              return Optional.of(render(path));
            }
          }
          case VALUE_STRING -> {
            advance(path);
            if (parser.getString().indexOf('\u0000') >= 0) {
              return Optional.of(render(path));
            }
          }
          default -> advance(path);
        }
      }
    } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A value in an array moves its index on; in an object the key already named it. */
  private static void advance(Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof int[] index) {
      index[0]++;
    }
  }

  private static String render(Deque<Object> path) {
    StringBuilder out = new StringBuilder();
    java.util.Iterator<Object> levels = path.descendingIterator();
    while (levels.hasNext()) {
      Object level = levels.next();
      if (level instanceof int[] index) {
        out.append('[').append(index[0]).append(']');
      } else if (!((String) level).isEmpty()) {
        out.append(out.length() == 0 ? "" : ".").append(level);
      }
    }
    return out.length() == 0 ? "$" : out.toString();
  }

  private static boolean contains(byte[] body, byte[] part) {
    outer:
    for (int i = 0; i <= body.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (body[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
