package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Proposals at /api/applicant/proposals: drafts to open calls only and never another organisation's; a submitted
 * proposal checked, returned, corrected and found eligible; PDF attachments checked by content and size before
 * anything is stored; an organisation with a failed acceptance ineligible at submission, without an official's task.
 */
class ProposalApiIT extends ServerItBase {

  private String openCall(String title, java.time.Duration opensFromNow, java.time.Duration closesFromNow) throws Exception {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> call = as("office", "POST", "/api/calls", "{\"title\":\"" + title + "\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now.plus(opensFromNow) + "\",\"closesAt\":\"" + now.plus(closesFromNow) + "\","
        + "\"budget\":5000000,\"maxAward\":1000000,\"awardCount\":5}");
    assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
    return ((JsonObject) WebClient.json(call)).getString("id");
  }

  @Test
  void applicantsDraftProposalsToOpenCallsAndNeverSeeAnotherOrganisations() throws Exception {
    String open = openCall("2026 机器人揭榜挂帅", java.time.Duration.ofHours(-1), java.time.Duration.ofDays(30));
    String closed = openCall("2025 closed call", java.time.Duration.ofDays(-10), java.time.Duration.ofDays(-1));
    assertThat(as("office", "POST", "/api/calls", "{\"title\":\"x\",\"fields\":[\"robotics\"],\"opensAt\":\"2026-12-02T09:00:00+08:00\","
        + "\"closesAt\":\"2026-12-01T09:00:00+08:00\",\"budget\":100,\"maxAward\":10,\"awardCount\":1}").body()).contains("closesAt");
    assertThat(as("office", "POST", "/api/calls", "{\"title\":\"x\",\"fields\":[\"robotics\"],\"opensAt\":\"2026-12-01T09:00:00+08:00\","
        + "\"closesAt\":\"2026-12-02T09:00:00+08:00\",\"budget\":100,\"maxAward\":1000,\"awardCount\":1}").statusCode()).isEqualTo(400);
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("甲公司", Applicants.creditCode("91310000MA1AAAAA1"), "org-a", "Password2026a", "a@a.example"));
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("乙大学", Applicants.creditCode("12310000MB1BBBBB2"), "org-b", "Password2026b", "b@b.example"));
    assertThat(asUser("org-a", "Password2026a", "POST", "/api/calls", "{}").statusCode()).as("applicants cannot open calls").isEqualTo(403);

    String calls = asUser("org-a", "Password2026a", "GET", "/api/applicant/calls", null).body();
    assertThat(calls).contains(open).doesNotContain(closed);
    HttpResponse<String> draft = asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + open + "\",\"title\":\"柔性装配\",\"field\":\"robotics\"}");
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    String id = ((JsonObject) WebClient.json(draft)).getString("id");
    HttpResponse<String> saved = asUser("org-a", "Password2026a", "PUT", "/api/applicant/proposals/" + id,
        "{\"title\":\"柔性装配\",\"field\":\"robotics\",\"summary\":\"<script>alert(1)</script>\",\"budget\":800000}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonObject back = (JsonObject) WebClient.json(asUser("org-a", "Password2026a", "GET", "/api/applicant/proposals/" + id, null));
    assertThat(back.getString("summary")).isEqualTo("<script>alert(1)</script>");
    assertThat(back.getJsonNumber("budget").bigDecimalValue()).isEqualByComparingTo("800000");
    assertThat((JsonArray) WebClient.json(asUser("org-a", "Password2026a", "GET", "/api/applicant/proposals", null))).hasSize(1);

    assertThat(asUser("org-b", "Password2026b", "GET", "/api/applicant/proposals/" + id, null).statusCode()).isEqualTo(404);
    assertThat(asUser("org-b", "Password2026b", "PUT", "/api/applicant/proposals/" + id, "{\"title\":\"hijack\"}").statusCode()).isEqualTo(404);
    assertThat((JsonArray) WebClient.json(asUser("org-b", "Password2026b", "GET", "/api/applicant/proposals", null))).isEmpty();
    assertThat(((JsonObject) WebClient.json(asUser("org-a", "Password2026a", "GET", "/api/applicant/proposals/" + id, null))).getString("title"))
        .isEqualTo("柔性装配");

    HttpResponse<String> late = asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + closed + "\",\"title\":\"too late\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("not open");
    HttpResponse<String> noCall = asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals", "{\"callId\":\"nope\",\"title\":\"t\"}");
    assertThat(((JsonObject) WebClient.json(noCall)).getString("field")).isEqualTo("callId");
    HttpResponse<String> longTitle = asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + open + "\",\"title\":\"" + "长".repeat(301) + "\"}");
    assertThat(longTitle.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(longTitle)).getString("field")).isEqualTo("title");
    HttpResponse<String> wrongField = asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + open + "\",\"title\":\"t\",\"field\":\"finance\"}");
    assertThat(((JsonObject) WebClient.json(wrongField)).getString("field")).isEqualTo("field");
    assertThat(asUser("org-a", "Password2026a", "POST", "/api/applicant/proposals", "[1,").statusCode()).isEqualTo(400);
    assertThat((JsonArray) WebClient.json(asUser("org-a", "Password2026a", "GET", "/api/applicant/proposals", null)))
        .as("refused drafts stored nothing").hasSize(1);
  }

  @Test
  void aSubmittedProposalIsCheckedReturnedCorrectedAndFoundEligible() throws Exception {
    String call = openCall("2026 机器人第二批", java.time.Duration.ofHours(-1), java.time.Duration.ofDays(30));
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("丙研究院", Applicants.creditCode("12310000MC1CCCCC3"), "org-c", "Password2026c", "c@c.example"));
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("丁公司", Applicants.creditCode("91310000MD1DDDDD4"), "org-d", "Password2026d", "d@d.example"));
    String id = ((JsonObject) WebClient.json(asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"协作机器人\",\"field\":\"robotics\"}"))).getString("id");

    HttpResponse<String> incomplete = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/submit", null);
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(incomplete)).getString("field")).isEqualTo("summary");
    String full = "{\"title\":\"协作机器人\",\"field\":\"robotics\",\"summary\":\"摘要\",\"technicalApproach\":\"路线\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"指标\",\"team\":\"团队\",\"budget\":500000}";
    asUser("org-c", "Password2026c", "PUT", "/api/applicant/proposals/" + id, full);
    assertThat(asUser("org-d", "Password2026d", "POST", "/api/applicant/proposals/" + id + "/submit", null).statusCode()).isEqualTo(404);
    // the call asks for the application document and the budget sheet: no submission without them
    HttpResponse<String> noDocuments = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/submit", null);
    assertThat(noDocuments.statusCode()).as(noDocuments.body()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(noDocuments)).getString("code")).isEqualTo("proposal.documents-missing");
    assertThat(((JsonObject) WebClient.json(noDocuments)).getString("field")).isEqualTo("documents.application");
    assertThat(noDocuments.body()).contains("application", "budget", "申报书", "预算表");
    assertThat(Pdfs.upload(client, "org-c", "Password2026c", id, "application", "申报书.pdf", Pdfs.of("application")).statusCode()).isEqualTo(201);
    HttpResponse<String> noBudget = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/submit", null);
    assertThat(((JsonObject) WebClient.json(noBudget)).getString("field")).isEqualTo("documents.budget");
    assertThat(Pdfs.upload(client, "org-c", "Password2026c", id, "budget", "预算表.pdf", Pdfs.of("budget")).statusCode()).isEqualTo(201);
    HttpResponse<String> submitted = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/submit", null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(submitted)).getString("status")).isEqualTo("SUBMITTED");
    HttpResponse<String> retry = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/submit", null);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(((JsonObject) WebClient.json(as("admin", "GET",
        "/engine-rest/process-instance/count?businessKey=" + id, null))).getInt("count")).as("a retried submit starts no second check").isEqualTo(1);

    JsonArray check = (JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, null));
    assertThat(check).hasSize(1);
    String taskId = check.getJsonObject(0).getString("id");
    HttpResponse<String> noReason = as("office", "POST", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"correction\",\"type\":\"String\"}}}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(as("office", "POST", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"correction\",\"type\":\"String\"},\"reasons\":{\"value\":\"请补充数据来源\",\"type\":\"String\"},"
        + "\"documentsToCorrect\":{\"value\":\"[\\\"budget\\\"]\",\"type\":\"Json\"}}}")
        .statusCode()).isEqualTo(204);

    JsonObject returned = (JsonObject) WebClient.json(asUser("org-c", "Password2026c", "GET", "/api/applicant/proposals/" + id, null));
    assertThat(returned.getString("status")).isEqualTo("RETURNED");
    assertThat(returned.getString("checkReasons")).isEqualTo("请补充数据来源\n需补正的材料 Documents to correct: 预算表 Budget sheet");
    HttpResponse<String> corrected = asUser("org-c", "Password2026c", "POST", "/api/applicant/proposals/" + id + "/correction",
        full.replace("\"budget\"", "\"dataSources\":\"公开数据集\",\"budget\""));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    String again = ((JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, null)))
        .getJsonObject(0).getString("id");
    assertThat(as("office", "POST", "/engine-rest/task/" + again + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"eligible\",\"type\":\"String\"}}}").statusCode()).isEqualTo(204);

    assertThat(((JsonObject) WebClient.json(asUser("org-c", "Password2026c", "GET", "/api/applicant/proposals/" + id, null)))
        .getString("status")).isEqualTo("ELIGIBLE");
    String timeline = asUser("org-c", "Password2026c", "GET", "/api/applicant/proposals/" + id + "/timeline", null).body();
    assertThat(timeline).contains("proposal.submitted", "proposal.formal-check.correction", "proposal.corrected",
        "proposal.formal-check.eligible").doesNotContain("\"office\"");
    assertThat(asUser("org-d", "Password2026d", "GET", "/api/applicant/proposals/" + id + "/timeline", null).statusCode()).isEqualTo(404);
  }

  @Test
  void pdfAttachmentsAreCheckedByContentAndSizeBeforeAnythingIsStored() throws Exception {
    String call = openCall("2026 附件测试", java.time.Duration.ofHours(-1), java.time.Duration.ofDays(30));
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("戊公司", Applicants.creditCode("91310000ME1EEEEE5"), "org-e", "Password2026e", "e@e.example"));
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("己公司", Applicants.creditCode("91310000MF1FFFFF6"), "org-f", "Password2026f", "f@f.example"));
    String id = ((JsonObject) WebClient.json(asUser("org-e", "Password2026e", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"附件\"}"))).getString("id");
    String auth = WebClient.basic("org-e", "Password2026e");
    String path = "/api/applicant/proposals/" + id + "/attachments?name=";

    byte[] pdf = Pdfs.of("plan");
    HttpResponse<String> stored = client.upload(path + "plan.pdf&kind=application", "application/pdf", pdf, "Authorization", auth);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(((JsonObject) WebClient.json(stored)).getInt("size")).isEqualTo(pdf.length);
    assertThat(((JsonObject) WebClient.json(stored)).getString("kind")).isEqualTo("application");
    assertThat(((JsonObject) WebClient.json(stored)).getString("sha256")).hasSize(64);

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    HttpResponse<String> renamed = client.upload(path + "photo.pdf&kind=other", "application/pdf", png, "Authorization", auth);
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(((JsonObject) WebClient.json(renamed)).getString("field")).isEqualTo("file");
    assertThat(renamed.body()).contains("not a PDF", "photo.pdf");

    byte[] huge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, huge, 0, pdf.length);
    HttpResponse<String> oversized = client.upload(path + "huge.pdf&kind=other", "application/pdf", huge, "Authorization", auth);
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(((JsonObject) WebClient.json(oversized)).getString("field")).isEqualTo("file");

    assertThat(client.upload(path + "x.pdf&kind=other", "application/pdf", pdf, "Authorization", WebClient.basic("org-f", "Password2026f")).statusCode())
        .as("another organisation's proposal").isEqualTo(404);
    assertThat((JsonArray) WebClient.json(client.send("GET", "/api/applicant/proposals/" + id + "/attachments", null, null,
        "Authorization", auth))).as("only the real PDF was stored").hasSize(1);
  }

  @Test
  void anOrganisationWithAFailedAcceptanceIsIneligibleAtSubmissionWithoutAnOfficialsTask() throws Exception {
    String call = openCall("2026 资格测试", java.time.Duration.ofHours(-1), java.time.Duration.ofDays(30));
    String code = Applicants.creditCode("91310000MG1GGGGG7");
    client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("庚公司", code, "org-g", "Password2026g", "g@g.example"));
    HttpResponse<String> bad = as("office", "POST", "/api/acceptances",
        "{\"creditCode\":\"" + code + "\",\"project\":\"2024 智能质检\",\"outcome\":\"maybe\",\"decidedOn\":\"2025-06-30\"}");
    assertThat(((JsonObject) WebClient.json(bad)).getString("field")).isEqualTo("outcome");
    assertThat(asUser("org-g", "Password2026g", "POST", "/api/acceptances", "{}").statusCode()).isEqualTo(403);
    assertThat(as("office", "POST", "/api/acceptances",
        "{\"creditCode\":\"" + code + "\",\"project\":\"2024 智能质检\",\"outcome\":\"FAILED\",\"decidedOn\":\"2025-06-30\"}")
        .statusCode()).isEqualTo(201);

    String id = ((JsonObject) WebClient.json(asUser("org-g", "Password2026g", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"质检二期\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\",\"team\":\"m\",\"budget\":100000}"))).getString("id");
    Pdfs.attachRequired(client, "org-g", "Password2026g", id);
    assertThat(asUser("org-g", "Password2026g", "POST", "/api/applicant/proposals/" + id + "/submit", null).statusCode()).isEqualTo(200);

    JsonObject proposal = (JsonObject) WebClient.json(asUser("org-g", "Password2026g", "GET", "/api/applicant/proposals/" + id, null));
    assertThat(proposal.getString("status")).isEqualTo("INELIGIBLE");
    assertThat(proposal.getString("checkReasons")).contains("2024 智能质检").contains("failed");
    assertThat((JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, null)))
        .as("no formal-check task for the office").isEmpty();

    // a call whose eligibility rule is switched off (0 years) admits the same organisation to the formal check
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> lenient = as("office", "POST", "/api/calls", "{\"title\":\"不设验收限制的征集\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":5000000,\"maxAward\":1000000,"
        + "\"awardCount\":5,\"adverseAcceptanceYears\":0,\"scenarios\":[\"V1-01\"]}");
    assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(201);
    assertThat(((JsonObject) WebClient.json(lenient)).getJsonArray("scenarios").getString(0)).startsWith("V1-01 工业视觉质检");
    String lenientCall = ((JsonObject) WebClient.json(lenient)).getString("id");
    String second = ((JsonObject) WebClient.json(asUser("org-g", "Password2026g", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + lenientCall + "\",\"title\":\"质检三期\",\"field\":\"robotics\",\"summary\":\"s\",\"technicalApproach\":\"t\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"o\",\"team\":\"m\",\"budget\":100000}"))).getString("id");
    Pdfs.attachRequired(client, "org-g", "Password2026g", second);
    asUser("org-g", "Password2026g", "POST", "/api/applicant/proposals/" + second + "/submit", null);
    assertThat((JsonArray) WebClient.json(as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + second, null)))
        .as("the office checks it").hasSize(1);
    HttpResponse<String> tooLong = as("office", "POST", "/api/calls", "{\"title\":\"x\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now + "\",\"closesAt\":\"" + now.plusDays(1) + "\",\"budget\":1,\"maxAward\":1,\"awardCount\":1,"
        + "\"adverseAcceptanceYears\":11}");
    assertThat(((JsonObject) WebClient.json(tooLong)).getString("field")).isEqualTo("adverseAcceptanceYears");
  }
}
