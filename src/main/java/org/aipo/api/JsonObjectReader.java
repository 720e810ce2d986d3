package org.aipo.api;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

/**
 * Request bodies of our API, read as a JSON object. The server's own JSON-P reader hands a JSON array to a
 * resource method that takes a {@link JsonObject}, and the call then fails as a 500 ("bad arguments passed");
 * here any JSON that is not an object is refused with 400. Malformed JSON still fails as
 * {@code JsonParsingException}, which {@link ApiErrors} answers with 400. Registered on our API only.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, String> headers, InputStream body) {
    try (JsonReader reader = Json.createReader(body)) {
      JsonValue value;
      try {
        value = reader.readValue();
      } catch (java.util.NoSuchElementException empty) {
        throw new BadRequestException("the request body is empty; a JSON object is expected");
      }
      if (value instanceof JsonObject object) {
        return object;
      }
      throw new BadRequestException("the request body must be a JSON object, not " + describe(value.getValueType()));
    }
  }

  private static String describe(JsonValue.ValueType type) {
    return switch (type) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "true or false";
      default -> "null";
    };
  }
}
