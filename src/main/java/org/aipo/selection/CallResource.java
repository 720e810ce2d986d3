package org.aipo.selection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.web.AllowedGroups;
import org.aipo.web.ApiUser;

/** The programme office opens calls for demonstration projects. */
@RequestScoped
@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@AllowedGroups({"programme-office", "camunda-admin"})
public class CallResource {

  @Inject
  Calls calls;

  @Context
  HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(JsonObject body) {
    if (body == null) {
      throw new IllegalArgumentException("body: a JSON object is required");
    }
    Set<String> fields = new LinkedHashSet<>();
    JsonValue list = body.get("fields");
    if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new IllegalArgumentException("fields: a list of field codes is required");
    }
    list.asJsonArray().forEach(v -> fields.add(((JsonString) v).getString()));
    Call call = new Call(Json.string(body, "title"), fields, Json.instant(body, "opensAt"), Json.instant(body, "closesAt"),
        Json.amount(body, "budget"), Json.amount(body, "maxAward"), Json.integer(body, "awardCount"),
        ((ApiUser) http.getAttribute(ApiUser.PROPERTY)).userId());
    calls.open(call, ((ApiUser) http.getAttribute(ApiUser.PROPERTY)).userId());
    return Response.status(Response.Status.CREATED).entity(SelectionJson.call(call).toString()).build();
  }

  /** Reading typed values out of a JSON body, with messages naming the field. */
  static final class Json {

    private Json() {
    }

    static String string(JsonObject body, String name) {
      JsonValue value = body.get(name);
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        throw new IllegalArgumentException(name + " must be a string");
      }
      return ((JsonString) value).getString();
    }

    static Instant instant(JsonObject body, String name) {
      String value = string(body, name);
      if (value == null) {
        throw new IllegalArgumentException(name + " is required (ISO date-time, e.g. 2026-12-01T09:00:00+08:00)");
      }
      try {
        return java.time.OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " is not an ISO date-time with offset, e.g. 2026-12-01T09:00:00+08:00", e);
      }
    }

    static BigDecimal amount(JsonObject body, String name) {
      JsonValue value = body.get(name);
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (value.getValueType() != JsonValue.ValueType.NUMBER) {
        throw new IllegalArgumentException(name + " must be a number (yuan)");
      }
      return ((JsonNumber) value).bigDecimalValue();
    }

    static int integer(JsonObject body, String name) {
      JsonValue value = body.get(name);
      if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
        throw new IllegalArgumentException(name + " must be a whole number");
      }
      return ((JsonNumber) value).intValueExact();
    }
  }
}
