package org.aipo.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reading typed values out of a JSON request body for our API. Every refusal is an
 * IllegalArgumentException whose message starts with the field's name, which {@link ApiErrors} turns
 * into a 400 naming that field.
 */
public final class JsonBody {

  private JsonBody() {
  }

  public static JsonObject require(JsonObject body) {
    if (body == null) {
      throw new IllegalArgumentException("body: a JSON object is required");
    }
    return body;
  }

  private static boolean absent(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  /** The string, or null when absent. */
  public static String string(JsonObject body, String name) {
    return string(body, name, name);
  }

  /** The string, or null when absent; {@code field} is the name errors give (for nested objects). */
  public static String string(JsonObject body, String name, String field) {
    JsonValue value = body.get(name);
    if (absent(value)) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return ((JsonString) value).getString();
  }

  public static String requiredString(JsonObject body, String name) {
    String value = string(body, name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** The whole number, or {@code defaultValue} when absent ({@code null}: required). */
  public static int integer(JsonObject body, String name, Integer defaultValue) {
    JsonValue value = body.get(name);
    if (absent(value)) {
      if (defaultValue == null) {
        throw new IllegalArgumentException(name + " is required");
      }
      return defaultValue;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    return ((JsonNumber) value).intValueExact();
  }

  public static double number(JsonObject body, String name, double defaultValue) {
    BigDecimal value = amount(body, name);
    return value == null ? defaultValue : value.doubleValue();
  }

  /** A number (for example yuan), or null when absent. */
  public static BigDecimal amount(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (absent(value)) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return ((JsonNumber) value).bigDecimalValue();
  }

  /** A required ISO date-time with offset, such as 2026-12-01T09:00:00+08:00. */
  public static Instant instant(JsonObject body, String name) {
    String value = string(body, name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required (ISO date-time, e.g. 2026-12-01T09:00:00+08:00)");
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not an ISO date-time with offset, e.g. 2026-12-01T09:00:00+08:00", e);
    }
  }

  /** A required, non-empty list. */
  public static JsonArray list(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (absent(value) || value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
      throw new IllegalArgumentException(name + ": a non-empty list is required");
    }
    return value.asJsonArray();
  }

  /** A required, non-empty list of strings, in order, without repeats. */
  public static Set<String> strings(JsonObject body, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (JsonValue value : list(body, name)) {
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        throw new IllegalArgumentException(name + ": every entry must be a string");
      }
      values.add(((JsonString) value).getString());
    }
    return values;
  }

  /** A required nested object. */
  public static JsonObject object(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (absent(value) || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException(name + " is required (an object)");
    }
    return value.asJsonObject();
  }

  public static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }
}
