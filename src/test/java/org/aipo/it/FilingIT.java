package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The register of AI services in Liberty over HTTP (issue 24, programme 5): a firm registers a service and the
 * deployed decisions give its route and tier; another firm cannot see it (404); the firm corrects the facts (route
 * and tier evaluated again) and withdraws; officials read the register and the office changes a tier with a reason.
 */
class FilingIT extends ServerItBase {

  static final String FILED_MODEL = "Beijing-ExampleChat-20240315S0001";

  static String service(String name, boolean publicOpinion, boolean ownModel, String filingNumber, long users, String personalData) {
    return "{\"name\":\"" + name + "\",\"purpose\":\"为市民解答办事指南问题\",\"usersReached\":" + users + ",\"publicFacing\":true,"
        + "\"publicOpinion\":" + publicOpinion + ",\"mobilisation\":false,\"fields\":[\"digital-government\"],\"personalData\":[" + personalData + "],"
        + "\"startedOn\":\"2027-03-01\",\"models\":[{\"modelName\":\"示例模型\",\"provider\":\"" + (ownModel ? "本单位" : "示例模型公司") + "\",\"ownModel\":"
        + ownModel + (filingNumber == null ? "" : ",\"filingNumber\":\"" + filingNumber + "\"") + "}]}";
  }

  HttpResponse<String> asFirm(String user, String method, String path, String json) throws Exception {
    return asUser(user, "secret12345", method, path, json);
  }

  /** A firm registers with its first user; the user id. */
  String firm(String run) throws Exception {
    String user = "af" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("人工智能服务企业 " + run,
        VoucherIT.randomCreditCode(), user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return user;
  }

  @Test
  void aFirmRegistersCorrectsAndWithdrawsItsServiceAndOfficialsChangeTheTier() throws Exception {
    String run = VoucherIT.run();
    String firm = firm(run);
    String other = firm(run + "b");

    HttpResponse<String> registered = asFirm(firm, "POST", "/api/applicant/ai-services", service("政务问答助手 " + run, true, false, FILED_MODEL, 200_000, ""));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonObject service = Officials.object(registered);
    String id = service.getString("id");
    assertThat(service.getString("route")).isEqualTo("REGISTRATION");
    assertThat(service.getString("routeReason")).contains("登记");
    assertThat(service.getString("tier")).as("public-opinion attributes, a sensitive field, no personal data").isEqualTo("MEDIUM");

    JsonArray own = (JsonArray) WebClient.json(asFirm(firm, "GET", "/api/applicant/ai-services", null));
    assertThat(own).extracting(v -> ((JsonObject) v).getString("id")).containsExactly(id);
    assertThat((JsonArray) WebClient.json(asFirm(other, "GET", "/api/applicant/ai-services", null))).isEmpty();
    assertThat(asFirm(other, "GET", "/api/applicant/ai-services/" + id, null).statusCode()).as("another firm's service is not found").isEqualTo(404);
    assertThat(asFirm(other, "PUT", "/api/applicant/ai-services/" + id, service("x", true, true, null, 1, "")).statusCode()).isEqualTo(404);

    // corrected: its own model and personal data in a sensitive field → algorithm then large-model filing, high tier
    HttpResponse<String> updated = asFirm(firm, "PUT", "/api/applicant/ai-services/" + id, service("政务问答助手 " + run, true, true, null, 200_000,
        "\"手机号\""));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(Officials.object(updated).getString("route")).isEqualTo("ALGORITHM_THEN_LARGE_MODEL");
    assertThat(Officials.object(updated).getString("tier")).isEqualTo("HIGH");

    HttpResponse<String> bad = asFirm(firm, "POST", "/api/applicant/ai-services", service("坏备案号 " + run, true, false, "ICP备12345678号", 1, ""));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(Officials.object(bad).getString("field")).isEqualTo("models[0].filingNumber");

    JsonArray register = (JsonArray) WebClient.json(as("leader", "GET", "/api/ai-services", null));
    assertThat(register).extracting(v -> ((JsonObject) v).getString("id")).contains(id);
    assertThat(as("auditor", "GET", "/api/ai-services/" + id, null).statusCode()).isEqualTo(200);
    assertThat(as("leader", "POST", "/api/ai-services/" + id + "/tier", "{\"tier\":\"LOW\",\"reason\":\"试一下\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> tiered = as("office", "POST", "/api/ai-services/" + id + "/tier", "{\"tier\":\"LOW\",\"reason\":\"仅限内部试点，实际用户很少\"}");
    assertThat(tiered.statusCode()).as(tiered.body()).isEqualTo(200);
    assertThat(Officials.object(tiered).getString("tier")).isEqualTo("LOW");
    assertThat(Officials.object(tiered).getString("tierReason")).isEqualTo("仅限内部试点，实际用户很少");
    assertThat(as("office", "POST", "/api/ai-services/" + id + "/tier", "{\"tier\":\"LOW\",\"reason\":\"再次\"}").statusCode()).isEqualTo(409);

    HttpResponse<String> withdrawn = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/withdrawal", "{\"reason\":\"该服务已停止运营\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(Officials.object(withdrawn).getString("status")).isEqualTo("WITHDRAWN");
    assertThat(asFirm(firm, "PUT", "/api/applicant/ai-services/" + id, service("x", true, true, null, 1, "")).statusCode()).isEqualTo(409);
  }
}
