package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;

import org.aipo.api.ApiResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * {@code /openapi} is the contract of our API, so that a client can be generated from it:
 * <ul>
 * <li>every operation of every {@link ApiResource} is in the document with a summary in Chinese and English, a request
 * schema and an example where it takes a body, a schema for its success answer, and its error answers as
 * problem+json ({@code Problem});</li>
 * <li>real answers of the operations the portal uses agree with the document: every property of an answer is declared
 * in its schema with the right type, and every required one is there.</li>
 * </ul>
 */
class ApiContractIT extends ServerItBase {

  static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  static final Pattern LATIN = Pattern.compile("[A-Za-z]{3,}");
  static final List<Class<? extends java.lang.annotation.Annotation>> NOT_THE_BODY = List.of(jakarta.ws.rs.PathParam.class,
      jakarta.ws.rs.QueryParam.class, jakarta.ws.rs.HeaderParam.class, jakarta.ws.rs.CookieParam.class, jakarta.ws.rs.FormParam.class,
      jakarta.ws.rs.MatrixParam.class, jakarta.ws.rs.BeanParam.class, jakarta.ws.rs.core.Context.class);

  JsonObject document;

  @BeforeEach
  void fetchTheDocument() throws Exception {
    HttpResponse<String> answer = client.get("/openapi?format=JSON");
    assertThat(answer.statusCode()).isEqualTo(200);
    document = (JsonObject) WebClient.json(answer);
  }

  /** One JAX-RS operation of our code. */
  record Operation(String method, String path, Method javaMethod) {

    String describe() {
      return method.toUpperCase(Locale.ROOT) + " " + path + " (" + javaMethod.getDeclaringClass().getSimpleName() + "." + javaMethod.getName() + ")";
    }

    boolean takesABody() {
      for (Parameter parameter : javaMethod.getParameters()) {
        if (NOT_THE_BODY.stream().noneMatch(parameter::isAnnotationPresent)) {
          return true;
        }
      }
      return false;
    }
  }

  static List<Operation> operations() throws ClassNotFoundException {
    List<Operation> operations = new ArrayList<>();
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.aipo")) {
      if (type.isInterface() || !type.isAssignableTo(ApiResource.class)) {
        continue;
      }
      Class<?> resource = Class.forName(type.getName());
      String root = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getMethods()) {
        String http = httpMethod(method);
        if (http == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = "/api/" + trim(root) + (sub == null || trim(sub.value()).isEmpty() ? "" : "/" + trim(sub.value()));
        operations.add(new Operation(http, path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"), method));
      }
    }
    return operations;
  }

  private static String trim(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      jakarta.ws.rs.HttpMethod http = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
      if (http != null) {
        return http.value().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  @Test
  void everyOperationIsDescribedWithSchemasExamplesAndErrorAnswers() throws Exception {
    List<Operation> operations = operations();
    assertThat(operations).as("the API's operations, found in the code").hasSizeGreaterThan(40);
    List<String> gaps = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (Operation operation : operations) {
      JsonObject item = paths.getJsonObject(operation.path());
      JsonObject described = item == null ? null : item.getJsonObject(operation.method());
      if (described == null) {
        gaps.add(operation.describe() + ": not in /openapi");
        continue;
      }
      String summary = described.getString("summary", "");
      if (!CHINESE.matcher(summary).find() || !LATIN.matcher(summary).find()) {
        gaps.add(operation.describe() + ": no summary in Chinese and English ('" + summary + "')");
      }
      if (operation.takesABody()) {
        JsonObject body = described.getJsonObject("requestBody");
        JsonObject content = body == null ? null : body.getJsonObject("content");
        if (content == null || content.isEmpty() || content.values().stream().anyMatch(m -> !m.asJsonObject().containsKey("schema"))) {
          gaps.add(operation.describe() + ": takes a body but describes no request schema");
        } else if (content.containsKey("application/json") && !content.getJsonObject("application/json").containsKey("examples")
            && !content.getJsonObject("application/json").containsKey("example")) {
          gaps.add(operation.describe() + ": no example of its request body");
        }
      }
      JsonObject responses = described.getJsonObject("responses");
      boolean success = false;
      for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
        if (!response.getKey().startsWith("2")) {
          continue;
        }
        success = true;
        JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
        boolean answersAnEntity = operation.javaMethod().getReturnType() != void.class
            && operation.javaMethod().getReturnType() != jakarta.ws.rs.core.Response.class;
        if (answersAnEntity && (content == null || content.values().stream().anyMatch(m -> !m.asJsonObject().containsKey("schema")))) {
          gaps.add(operation.describe() + ": its " + response.getKey() + " answer has no schema");
        }
      }
      if (!success) {
        gaps.add(operation.describe() + ": no success answer described");
      }
      List<String> errors = new ArrayList<>(List.of("401", "500"));
      if (operation.path().contains("{")) {
        errors.add("404");
      }
      if (operation.takesABody()) {
        errors.add("400");
      }
      for (String status : errors) {
        JsonObject error = responses.getJsonObject(status);
        JsonObject problem = error == null || error.getJsonObject("content") == null ? null
            : error.getJsonObject("content").getJsonObject("application/problem+json");
        JsonObject problemSchema = problem == null ? null : resolve(problem.getJsonObject("schema"));
        if (problemSchema == null || problemSchema.getJsonObject("properties") == null
            || !problemSchema.getJsonObject("properties").keySet().containsAll(List.of("type", "status", "code", "field", "messages"))) {
          gaps.add(operation.describe() + ": no " + status + " error answer as problem+json");
        }
      }
    }
    assertThat(gaps).as("what /openapi lacks").isEmpty();
    assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").keySet()).contains("basic", "portalSession");
  }

  @Test
  void realAnswersOfThePortalsOperationsAgreeWithTheDocument() throws Exception {
    List<String> mismatches = new ArrayList<>();
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
    String code = Applicants.creditCode("91310000MA" + String.format("%07d", System.nanoTime() % 10_000_000L));
    String userId = "contract-" + suffix.toLowerCase(Locale.ROOT);
    String password = "Contract2026x";

    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations",
        Applicants.registration("契约测试有限公司", code, userId, password, "contract@example.org"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    check(mismatches, "post", "/api/applicant/organisations", 201, registered);
    check(mismatches, "get", "/api/applicant/organisation", 200, asUser(userId, password, "GET", "/api/applicant/organisation", null));
    HttpResponse<String> calls = asUser(userId, password, "GET", "/api/applicant/calls", null);
    check(mismatches, "get", "/api/applicant/calls", 200, calls);
    assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
    // an open call that does not ask for filed models (FilingIT opens one that does)
    JsonObject call = ((JsonArray) WebClient.json(calls)).getValuesAs(JsonObject.class).stream()
        .filter(c -> !c.getBoolean("requiresFiledModels", false)).findFirst().orElseThrow();
    String field = call.getJsonArray("fields").getString(0);
    String draft = "{\"callId\":\"" + call.getString("id") + "\",\"title\":\"契约测试项目\",\"field\":\"" + field + "\",\"summary\":\"摘要\","
        + "\"technicalApproach\":\"技术路线\",\"models\":\"模型\",\"dataSources\":\"数据\",\"budget\":500000,\"coFunding\":100000,"
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"预期成果\",\"team\":\"团队\"}";
    HttpResponse<String> created = asUser(userId, password, "POST", "/api/applicant/proposals", draft);
    check(mismatches, "post", "/api/applicant/proposals", 201, created);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = ((JsonObject) WebClient.json(created)).getString("id");
    check(mismatches, "put", "/api/applicant/proposals/{id}", 200, asUser(userId, password, "PUT", "/api/applicant/proposals/" + id, draft));
    check(mismatches, "get", "/api/applicant/proposals", 200, asUser(userId, password, "GET", "/api/applicant/proposals", null));
    check(mismatches, "get", "/api/applicant/proposals/{id}", 200, asUser(userId, password, "GET", "/api/applicant/proposals/" + id, null));
    check(mismatches, "get", "/api/applicant/proposals/{id}/attachments", 200,
        asUser(userId, password, "GET", "/api/applicant/proposals/" + id + "/attachments", null));
    HttpResponse<String> uploaded = Pdfs.upload(client, userId, password, id, "application", "plan.pdf", Pdfs.of("plan"));
    check(mismatches, "post", "/api/applicant/proposals/{id}/attachments", 201, uploaded);
    assertThat(Pdfs.upload(client, userId, password, id, "budget", "budget.pdf", Pdfs.of("budget")).statusCode()).isEqualTo(201);
    check(mismatches, "get", "/api/documents", 200, client.send("GET", "/api/documents?proposalId=" + id, null, null,
        "Authorization", WebClient.basic(userId, password)));
    check(mismatches, "get", "/api/applicant/proposals/{id}/outcome", 200,
        asUser(userId, password, "GET", "/api/applicant/proposals/" + id + "/outcome", null));
    check(mismatches, "post", "/api/applicant/proposals/{id}/submit", 200,
        asUser(userId, password, "POST", "/api/applicant/proposals/" + id + "/submit", null));
    check(mismatches, "get", "/api/applicant/proposals/{id}/timeline", 200,
        asUser(userId, password, "GET", "/api/applicant/proposals/" + id + "/timeline", null));
    checkRefusal(mismatches, "post", "/api/applicant/proposals/{id}/correction", asUser(userId, password, "POST",
        "/api/applicant/proposals/" + id + "/correction", draft));
    checkRefusal(mismatches, "post", "/api/applicant/proposals/{id}/reports", asUser(userId, password, "POST",
        "/api/applicant/proposals/" + id + "/reports", "{\"milestone\":\"mid-term\",\"summary\":\"进展\"}"));
    // a compute voucher of the firm (issue 23): its redemption files
    HttpResponse<String> round = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"契约算力券 " + suffix + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1000000,\"validUntil\":\"" + java.time.OffsetDateTime.now().plusDays(30).withNano(0) + "\"}");
    assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
    HttpResponse<String> supplier = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"契约智算 " + suffix + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"契约法人\",\"shareholders\":[],\"contactEmail\":\"c@compute.example\"}");
    String supplierId = ((JsonObject) WebClient.json(supplier)).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true}").statusCode()).isEqualTo(200);
    HttpResponse<String> applied = asUser(userId, password, "POST", "/api/applicant/vouchers",
        VoucherIT.application(((JsonObject) WebClient.json(round)).getString("id"), supplierId, 100_000, "none"));
    check(mismatches, "post", "/api/applicant/vouchers", 201, applied);
    String voucher = ((JsonObject) WebClient.json(applied)).getString("id");
    officials.completeOne("office", voucher, "userTask_reviewVoucher", Officials.string("approved", "true"));
    check(mismatches, "get", "/api/applicant/vouchers/{id}", 200, asUser(userId, password, "GET", "/api/applicant/vouchers/" + voucher, null));
    check(mismatches, "get", "/api/console/rounds", 200, as("office", "GET", "/api/console/rounds", null));
    check(mismatches, "get", "/api/console/voucher-rounds/{id}/applications", 200, as("office", "GET", "/api/console/voucher-rounds/"
        + ((JsonObject) WebClient.json(round)).getString("id") + "/applications", null));
    checkRefusal(mismatches, "get", "/api/console/spot-check-campaigns/{id}/inspections", as("office", "GET",
        "/api/console/spot-check-campaigns/no-such-campaign/inspections", null));
    check(mismatches, "post", "/api/applicant/vouchers/{id}/files", 201, client.upload("/api/applicant/vouchers/" + voucher
        + "/files?kind=contract&name=contract.pdf", "application/pdf", Pdfs.of("contract"), "Authorization", WebClient.basic(userId, password)));
    checkRefusal(mismatches, "post", "/api/applicant/vouchers/{id}/files", client.upload("/api/applicant/vouchers/" + voucher
        + "/files?kind=invoice&name=invoice.txt", "application/pdf", "not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "Authorization", WebClient.basic(userId, password)));
    check(mismatches, "get", "/api/applicant/vouchers/{id}/files", 200, asUser(userId, password, "GET", "/api/applicant/vouchers/" + voucher + "/files", null));
    checkRefusal(mismatches, "post", "/api/applicant/vouchers/{id}/redemption", asUser(userId, password, "POST", "/api/applicant/vouchers/" + voucher
        + "/redemption", VoucherIT.redemption("HT-C-" + suffix, 100_000, "INV-C-" + suffix, 10_000, 10_000)));
    check(mismatches, "get", "/api/voucher-files", 200, as("office", "GET", "/api/voucher-files?voucherId=" + voucher, null));
    check(mismatches, "get", "/api/voucher-files/reads", 200, as("office", "GET", "/api/voucher-files/reads?voucherId=" + voucher, null));
    check(mismatches, "get", "/api/notices", 200, anonymous("GET", "/api/notices", null));
    checkRefusal(mismatches, "get", "/api/notices/{callId}", anonymous("GET", "/api/notices/no-such-call", null));
    checkRefusal(mismatches, "post", "/api/notices/{callId}/objections", anonymous("POST", "/api/notices/no-such-call/objections",
        "{\"proposalId\":\"p\",\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"理由充分的异议\"}"));
    checkRefusal(mismatches, "post", "/api/scenario-notices/{roundId}/objections", anonymous("POST",
        "/api/scenario-notices/no-such-round/objections", "{\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"理由\"}"));
    HttpResponse<String> lists = anonymous("GET", "/api/scenario-lists", null);
    check(mismatches, "get", "/api/scenario-lists", 200, lists);
    JsonArray published = (JsonArray) WebClient.json(lists);
    if (!published.isEmpty()) {
      check(mismatches, "get", "/api/scenario-lists/{version}", 200, anonymous("GET", "/api/scenario-lists/"
          + published.getJsonObject(0).get("version"), null));
    }
    check(mismatches, "get", "/api/scenario-notices", 200, anonymous("GET", "/api/scenario-notices", null));
    check(mismatches, "post", "/api/applicant/proposals", 400, asUser(userId, password, "POST", "/api/applicant/proposals", "{}"));
    check(mismatches, "get", "/api/applicant/proposals/{id}", 404,
        asUser(userId, password, "GET", "/api/applicant/proposals/no-such-proposal", null));
    WebClient portal = newClient();
    check(mismatches, "post", "/api/session", 200, portal.send("POST", "/api/session", "application/json",
        "{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\"}"));

    check(mismatches, "delete", "/api/session", 204, portal.send("DELETE", "/api/session", null, null, "X-AIPO-Portal", "1"));

    assertThat(mismatches).as("where real answers differ from /openapi").isEmpty();
  }

  /** A refusal (any 4xx) checked against the error answer /openapi gives for its status. */
  void checkRefusal(List<String> mismatches, String method, String path, HttpResponse<String> answer) {
    if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
      mismatches.add(method.toUpperCase(Locale.ROOT) + " " + path + ": expected a refusal, answered " + answer.statusCode() + " " + answer.body());
      return;
    }
    check(mismatches, method, path, answer.statusCode(), answer);
  }

  /** Checks an answer against the schema /openapi gives for that operation and status. */
  void check(List<String> mismatches, String method, String path, int status, HttpResponse<String> answer) {
    String at = method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
    if (answer.statusCode() != status) {
      mismatches.add(at + ": answered " + answer.statusCode() + " " + answer.body());
      return;
    }
    JsonObject operation = document.getJsonObject("paths").getJsonObject(path) == null ? null
        : document.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
    JsonObject response = operation == null ? null : operation.getJsonObject("responses").getJsonObject(Integer.toString(status));
    if (response == null) {
      mismatches.add(at + ": /openapi describes no such answer");
      return;
    }
    JsonObject content = response.getJsonObject("content");
    if (answer.body() == null || answer.body().isBlank()) {
      if (content != null && !content.isEmpty()) {
        mismatches.add(at + ": answered no body, /openapi describes one");
      }
      return;
    }
    if (content == null || content.isEmpty()) {
      mismatches.add(at + ": answered a body, /openapi describes none");
      return;
    }
    String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    JsonObject media = content.getJsonObject(type);
    if (media == null) {
      mismatches.add(at + ": answered " + type + ", /openapi describes " + content.keySet());
      return;
    }
    validate(WebClient.json(answer), media.getJsonObject("schema"), at + " $", mismatches);
  }

  JsonObject resolve(JsonObject schema) {
    JsonObject current = schema;
    while (current != null && current.containsKey("$ref")) {
      String name = current.getString("$ref").substring("#/components/schemas/".length());
      current = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return current;
  }

  /** A small validator for the subset of OpenAPI 3.0 schemas that our document uses. */
  void validate(JsonValue value, JsonObject declared, String at, List<String> mismatches) {
    JsonObject schema = resolve(declared);
    if (schema == null) {
      mismatches.add(at + ": schema not found");
      return;
    }
    if (schema.containsKey("allOf")) {
      schema.getJsonArray("allOf").forEach(part -> validate(value, part.asJsonObject(), at, mismatches));
      return;
    }
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return; // required properties are checked by the object that holds them
    }
    for (String alternatives : List.of("oneOf", "anyOf")) {
      if (schema.containsKey(alternatives)) {
        List<String> closest = null;
        for (JsonValue alternative : schema.getJsonArray(alternatives)) {
          List<String> found = new ArrayList<>();
          validate(value, alternative.asJsonObject(), at, found);
          if (closest == null || found.size() < closest.size()) {
            closest = found;
          }
        }
        if (closest != null && !closest.isEmpty()) {
          mismatches.add(at + ": matches none of its " + alternatives + " schemas, the closest: " + closest);
        }
        return;
      }
    }
    String type = schema.getString("type", null);
    if (type == null) {
      return;
    }
    switch (type) {
      case "object" -> {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
          mismatches.add(at + ": expected an object, got " + value.getValueType());
          return;
        }
        JsonObject object = value.asJsonObject();
        JsonObject properties = schema.getJsonObject("properties");
        JsonValue additional = schema.get("additionalProperties");
        if (properties == null && additional == null) {
          mismatches.add(at + ": the schema declares no properties, the answer has " + object.keySet());
          return;
        }
        for (Map.Entry<String, JsonValue> property : object.entrySet()) {
          JsonObject propertySchema = properties == null ? null : properties.getJsonObject(property.getKey());
          if (propertySchema == null && additional instanceof JsonObject additionalSchema) {
            propertySchema = additionalSchema;
          }
          if (propertySchema == null) {
            mismatches.add(at + "." + property.getKey() + ": not declared in the schema");
          } else {
            validate(property.getValue(), propertySchema, at + "." + property.getKey(), mismatches);
          }
        }
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
          for (JsonString name : required.getValuesAs(JsonString.class)) {
            JsonValue present = object.get(name.getString());
            if (present == null || present.getValueType() == JsonValue.ValueType.NULL) {
              mismatches.add(at + "." + name.getString() + ": required, but missing or null");
            }
          }
        }
      }
      case "array" -> {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
          mismatches.add(at + ": expected an array, got " + value.getValueType());
          return;
        }
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          validate(array.get(i), schema.getJsonObject("items"), at + "[" + i + "]", mismatches);
        }
      }
      case "string" -> {
        if (!(value instanceof JsonString string)) {
          mismatches.add(at + ": expected a string, got " + value.getValueType());
          return;
        }
        String format = schema.getString("format", "");
        try {
          if (format.equals("date-time")) {
            OffsetDateTime.parse(string.getString());
          } else if (format.equals("date")) {
            LocalDate.parse(string.getString());
          }
        } catch (java.time.format.DateTimeParseException e) {
          mismatches.add(at + ": '" + string.getString() + "' is not a " + format);
        }
        if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(string)) {
          mismatches.add(at + ": '" + string.getString() + "' is not one of " + schema.getJsonArray("enum"));
        }
      }
      case "number" -> {
        if (!(value instanceof JsonNumber)) {
          mismatches.add(at + ": expected a number, got " + value.getValueType());
        }
      }
      case "integer" -> {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
          mismatches.add(at + ": expected an integer, got " + value);
        }
      }
      case "boolean" -> {
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
          mismatches.add(at + ": expected a boolean, got " + value.getValueType());
        }
      }
      default -> mismatches.add(at + ": unknown schema type " + type);
    }
  }
}
