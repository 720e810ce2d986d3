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

  static String readiness(int keywords) {
    return "{\"corpusSampled\":4200,\"corpusAcceptablePct\":97.5,\"contentBank\":2400,\"contentSampled\":1200,\"contentAcceptablePct\":93.5,"
        + "\"refuseBank\":600,\"refuseSampled\":320,\"refusalPct\":96.2,\"answerBank\":600,\"answerSampled\":320,\"wrongRefusalPct\":3.1,"
        + "\"keywords\":" + keywords + ",\"note\":\"按 TC260-003 附录构建\"}";
  }

  @Test
  void guidanceRunsFromSelfAssessmentThroughCorrectionToTheGrantedNumber() throws Exception {
    String run = VoucherIT.run();
    String firm = firm(run);
    HttpResponse<String> registered = asFirm(firm, "POST", "/api/applicant/ai-services", service("自研对话服务 " + run, true, true, null, 50_000, ""));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String id = Officials.object(registered).getString("id");
    assertThat(Officials.object(registered).getString("route")).isEqualTo("ALGORITHM_THEN_LARGE_MODEL");
    assertThat(Officials.object(registered).getString("status")).isEqualTo("IN_GUIDANCE");

    HttpResponse<String> report = client.upload("/api/applicant/ai-services/" + id + "/reports?name=" + java.net.URLEncoder.encode("安全评估报告.pdf",
        java.nio.charset.StandardCharsets.UTF_8), "application/pdf", Pdfs.of("Security assessment report"), "Authorization",
        WebClient.basic(firm, "secret12345"));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    HttpResponse<String> noCorpus = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/readiness", readiness(9000).replace("\"corpusSampled\":4200,", ""));
    assertThat(noCorpus.statusCode()).as("an own model's corpus figures are required").isEqualTo(400);
    assertThat(Officials.object(noCorpus).getString("field")).isEqualTo("corpusSampled");

    HttpResponse<String> assessed = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/readiness", readiness(9000));
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
    assertThat(Officials.object(assessed).getInt("unmet")).isEqualTo(1);
    assertThat(asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/readiness", readiness(12000)).statusCode())
        .as("not while the office pre-reviews").isEqualTo(409);

    JsonObject task = officials.awaitTasks(id, "userTask_preReviewFiling", 1).getJsonObject(0);
    assertThat(task.getString("due")).isNotBlank();
    JsonObject shown = Officials.object(as("office", "GET", "/engine-rest/task/" + task.getString("id") + "/form-variables", null));
    assertThat(shown.getJsonObject("readinessMarkdown").getString("value")).contains("关键词库条数").contains("9000").contains("❌").contains("安全评估报告");
    officials.complete("office", task, Officials.string("forwarded", "false") + "," + Officials.string("preReviewNote", "关键词库不足一万条"));

    HttpResponse<String> corrected = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/readiness", readiness(12000));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
    assertThat(Officials.object(corrected).getInt("unmet")).isZero();
    assertThat(asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/filing-result", "{\"granted\":true,\"number\":\"Beijing-Own-20270415S0001\"}")
        .statusCode()).as("not before the file went forward").isEqualTo(409);
    officials.completeOne("office", id, "userTask_preReviewFiling", Officials.string("forwarded", "true") + "," + Officials.string("preReviewNote", "已补正"));

    HttpResponse<String> badForm = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/filing-result", "{\"granted\":true,\"number\":\"备案123\"}");
    assertThat(badForm.statusCode()).as(badForm.body()).isEqualTo(400);
    assertThat(Officials.object(badForm).getString("field")).isEqualTo("number");
    HttpResponse<String> wrongKind = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/filing-result",
        "{\"granted\":true,\"number\":\"网信算备110108823483901230031号\"}");
    assertThat(wrongKind.statusCode()).as("a large-model route needs a large-model number").isEqualTo(400);
    String number = "Hubei-Own" + run.replaceAll("[^A-Za-z0-9]", "") + "-20270415S0001";
    HttpResponse<String> filed = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/filing-result", "{\"granted\":true,\"number\":\"" + number + "\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
    assertThat(Officials.object(filed).getString("status")).isEqualTo("FILED");
    assertThat(Officials.object(filed).getString("filingNumber")).isEqualTo(number);
    assertThat((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/process-instance?businessKey=" + id + "&processDefinitionKey=serviceFiling", null)))
        .as("the outcome ends guidance and deadline tracking").isEmpty();

    JsonObject seen = Officials.object(as("auditor", "GET", "/api/ai-services/" + id + "/readiness", null));
    assertThat(seen.getInt("unmet")).isZero();
    JsonArray reports = (JsonArray) WebClient.json(as("office", "GET", "/api/ai-services/" + id + "/reports", null));
    assertThat(reports).hasSize(1);
    HttpResponse<byte[]> pdf = client.bytes("/api/ai-services/" + id + "/reports/" + reports.getJsonObject(0).getString("id"), "Authorization",
        WebClient.basic("office", "demo"));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(Pdfs.text(pdf.body())).contains("Security assessment report");
    // streamed into the attachment store and back (ADR 0021): the bytes are the ones whose SHA-256 was recorded
    assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf.body())))
        .isEqualTo(reports.getJsonObject(0).getString("sha256"));
  }

  @Test
  void aLateAlgorithmFilingIsRemindedThenFollowedUpByTheOffice() throws Exception {
    String run = VoucherIT.run();
    String firm = firm(run);
    // a third party's model without a number, public-opinion attributes: algorithm filing, due 10 working days after 2027-03-01
    HttpResponse<String> registered = asFirm(firm, "POST", "/api/applicant/ai-services", service("资讯摘要 " + run, true, false, null, 1_000, ""));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String id = Officials.object(registered).getString("id");
    assertThat(Officials.object(registered).getString("route")).isEqualTo("ALGORITHM_FILING");

    officials.fireTimer(id, "serviceFiling", "timer_filingReminder");
    JsonArray audit = (JsonArray) WebClient.json(as("auditor", "GET", "/api/ai-services/" + id + "/history", null));
    assertThat(audit.toString()).contains("ai-service.filing-reminder");
    officials.fireTimer(id, "serviceFiling", "timer_filingDeadline");
    officials.completeOne("office", id, "userTask_handleLateFiling", Officials.string("lateFilingNote", "已电话督促企业办理"));
    assertThat(((JsonArray) WebClient.json(as("auditor", "GET", "/api/ai-services/" + id + "/history", null))).toString())
        .contains("ai-service.filing-late").contains("已电话督促企业办理");
  }

  /** A firm's REGISTRATION service taken through guidance to a granted number; the number. */
  String filedService(String firm, String run) throws Exception {
    HttpResponse<String> registered = asFirm(firm, "POST", "/api/applicant/ai-services", service("已备案服务 " + run, false, false, FILED_MODEL, 10, ""));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String id = Officials.object(registered).getString("id");
    assertThat(Officials.object(registered).getString("route")).isEqualTo("REGISTRATION");
    HttpResponse<String> assessed = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/readiness", readiness(12000));
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
    officials.completeOne("office", id, "userTask_preReviewFiling", Officials.string("forwarded", "true") + "," + Officials.string("preReviewNote", "通过"));
    String number = "Hubei-Reg" + run.replaceAll("[^A-Za-z0-9]", "") + "-20270415S0002";
    HttpResponse<String> filed = asFirm(firm, "POST", "/api/applicant/ai-services/" + id + "/filing-result", "{\"granted\":true,\"number\":\"" + number + "\"}");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
    return number;
  }

  @Test
  void aCallThatRequiresFiledModelsRefusesASubmissionNamingAnUnfiledModel() throws Exception {
    String run = VoucherIT.run();
    String firm = firm(run);
    String number = filedService(firm, run);
    assertThat((JsonArray) WebClient.json(asFirm(firm, "GET", "/api/applicant/ai-services/filed-models", null)))
        .extracting(v -> ((JsonObject) v).getString("filingNumber")).contains(number);

    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"备案模型专项 " + run + "\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":3000000,\"maxAward\":1000000,"
        + "\"awardCount\":3,\"requiresFiledModels\":true}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(Officials.object(opened).getBoolean("requiresFiledModels")).isTrue();
    String call = Officials.object(opened).getString("id");

    String content = "\"title\":\"协作机器人\",\"field\":\"robotics\",\"summary\":\"摘要\",\"technicalApproach\":\"路线\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"指标\",\"team\":\"团队\",\"budget\":500000";
    HttpResponse<String> malformed = asFirm(firm, "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\"," + content
        + ",\"modelFilingNumbers\":[\"随便写的\"]}");
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    assertThat(Officials.object(malformed).getString("field")).isEqualTo("modelFilingNumbers[0]");

    HttpResponse<String> drafted = asFirm(firm, "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\"," + content
        + ",\"modelFilingNumbers\":[\"" + number + "\",\"Beijing-NotInRegister-20240101S0009\"]}");
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = Officials.object(drafted).getString("id");
    Pdfs.attachRequired(client, firm, "secret12345", proposal);

    HttpResponse<String> refused = asFirm(firm, "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(Officials.object(refused).getString("code")).isEqualTo("proposal.model-not-filed");
    assertThat(Officials.object(refused).getString("field")).isEqualTo("modelFilingNumbers[1]");
    assertThat(refused.body()).contains("Beijing-NotInRegister-20240101S0009");

    HttpResponse<String> saved = asFirm(firm, "PUT", "/api/applicant/proposals/" + proposal, "{" + content + ",\"modelFilingNumbers\":[\"" + number + "\"]}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    HttpResponse<String> submitted = asFirm(firm, "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(Officials.object(submitted).getString("status")).isEqualTo("SUBMITTED");

    // a voucher round that requires a filed model refuses an application naming none or an unfiled one
    HttpResponse<String> round = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"备案模型算力券 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1000000,\"validUntil\":\"" + now.plusDays(60).withNano(0) + "\",\"requiresFiledModel\":true}");
    assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
    assertThat(Officials.object(round).getBoolean("requiresFiledModel")).isTrue();
    HttpResponse<String> supplier = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"备案算力 " + run + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"钱七\",\"shareholders\":[\"钱七\"],\"contactEmail\":\"f@compute.example\"}");
    assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(201);
    String supplierId = Officials.object(supplier).getString("id");
    assertThat(as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true}").statusCode()).isEqualTo(200);
    String application = "{\"roundId\":\"" + Officials.object(round).getString("id") + "\",\"supplierId\":\"" + supplierId + "\",\"use\":\"INFERENCE\","
        + "\"model\":\"备案模型\",\"gpuHours\":100,\"clusterScale\":\"small\",\"achievementLevel\":\"filed\",\"expectedValue\":10000,"
        + "\"legalRepresentative\":\"王明\",\"shareholders\":[],\"relatedCreditCodes\":[]";
    HttpResponse<String> noNumber = asFirm(firm, "POST", "/api/applicant/vouchers", application + "}");
    assertThat(noNumber.statusCode()).as(noNumber.body()).isEqualTo(400);
    assertThat(Officials.object(noNumber).getString("code")).isEqualTo("voucher.model-filing-required");
    HttpResponse<String> unfiled = asFirm(firm, "POST", "/api/applicant/vouchers", application
        + ",\"modelFilingNumber\":\"Beijing-NotInRegister-20240101S0009\"}");
    assertThat(unfiled.statusCode()).as(unfiled.body()).isEqualTo(400);
    assertThat(Officials.object(unfiled).getString("field")).isEqualTo("modelFilingNumber");
    HttpResponse<String> applied = asFirm(firm, "POST", "/api/applicant/vouchers", application + ",\"modelFilingNumber\":\"" + number + "\"}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
  }
}
