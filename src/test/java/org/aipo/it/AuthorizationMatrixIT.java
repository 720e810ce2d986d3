package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Who may do what, as a matrix: anonymous, applicant A, applicant B, an official, expert X, expert Y, an
 * administrator, an auditor (reads everything, changes nothing) and two compute suppliers' staff (A returned for correction, B listed) against every sensitive operation. Every cell outside an operation's allowed set must
 * be denied: 401, 403 or 404, or, for a list, an answer without the protected data. One assertion lists
 * every cell that was not denied.
 */
class AuthorizationMatrixIT extends ServerItBase {

  private static final String FIELD = "autonomous-driving"; // no other test draws from this field's pool
  private static final List<String> EXPERTS = List.of("am-x", "am-y", "am-z");
  private static final List<String> EXPERT_NAMES = List.of("甲矩阵", "乙矩阵", "丙矩阵");

  /** One request of an operation, sent as one actor (null: anonymous). */
  @FunctionalInterface
  interface Request {
    HttpResponse<String> send(WebClient client, String authorization) throws Exception;
  }

  /** An operation, the actors allowed to do it, and what an answer must not contain when it is denied. */
  record Operation(String name, Set<String> allowed, String secret, Request request) {
  }

  private static String[] auth(String authorization) {
    return authorization == null ? new String[0] : new String[] {"Authorization", authorization};
  }

  private static Request get(String path) {
    return (client, authorization) -> client.send("GET", path, null, null, auth(authorization));
  }

  private static Request json(String method, String path, String body) {
    return (client, authorization) -> client.send(method, path, "application/json", body, auth(authorization));
  }

  private static Request multipart(String path, String fileField, String fileName, String content) {
    String boundary = "matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return (client, authorization) -> client.upload(path, "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8),
        auth(authorization));
  }

  /** Denied: refused outright, or a list (or page) that holds none of the protected data. */
  private static boolean denied(HttpResponse<String> answer, String secret) {
    int status = answer.statusCode();
    if (status == 401 || status == 403 || status == 404) {
      return true;
    }
    if (status == 200 && secret != null && !answer.body().contains(secret)) {
      try {
        JsonStructure body = WebClient.json(answer);
        return body instanceof JsonArray || (body instanceof JsonObject o && o.containsKey("count") && o.getInt("count") == 0);
      } catch (RuntimeException notJson) {
        return false;
      }
    }
    return false;
  }

  @Test
  void everyForbiddenCellIsDenied() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);

    // applicant A's draft to a call of the test's own
    String call = officials.openCall("矩阵征集 " + run, "robotics");
    String title = "矩阵申报 " + run;
    HttpResponse<String> drafted = client.send("POST", "/api/applicant/proposals", "application/json", "{\"callId\":\"" + call + "\",\"title\":\""
        + title + "\",\"field\":\"robotics\",\"summary\":\"机密摘要 " + run + "\"}", "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    String proposal = Officials.object(drafted).getString("id");
    HttpResponse<String> uploaded = Pdfs.upload(client, "applicant1", "demo", proposal, "application", "矩阵申报书 " + run + ".pdf",
        Pdfs.of("matrix " + run));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String document = Officials.object(uploaded).getString("id");

    // a review in which expert X has scored and expert Y has a scoring task of its own
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    HttpResponse<String> review = officials.as("secretary", "POST", "/api/reviews", "{\"title\":\"矩阵评审 " + run + "\",\"field\":\"" + FIELD
        + "\",\"panelSize\":3,\"reserves\":0,\"criteria\":[{\"code\":\"value\",\"name\":\"应用价值\",\"weight\":60},"
        + "{\"code\":\"feasibility\",\"name\":\"可行性\",\"weight\":40}],\"items\":[{\"reference\":\"M-" + run + "\",\"title\":\"矩阵事项 " + run
        + "\",\"applicantOrganisation\":\"某公司\"}]}");
    assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
    String reviewId = Officials.object(review).getString("id");
    for (JsonValue task : officials.awaitTasks(reviewId, "userTask_answerInvitation", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    for (JsonValue task : officials.awaitTasks(reviewId, "userTask_declareConflict", 3)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    JsonArray scoring = officials.awaitTasks(reviewId, "userTask_scoreItem", 3);
    JsonObject scoredByX = scoring.getJsonObject(0);
    JsonObject taskOfY = scoring.getJsonObject(1);
    String expertX = scoredByX.getString("assignee");
    String expertY = taskOfY.getString("assignee");
    String comment = "X的保密评语 " + run;
    officials.complete(expertX, scoredByX, "\"c1Points\":{\"value\":51,\"type\":\"Long\"}," + Officials.string("c1Comment", comment)
        + ",\"c2Points\":{\"value\":31,\"type\":\"Long\"}," + Officials.string("c2Comment", comment));
    String instance = scoredByX.getString("processInstanceId");

    // a running platform check, so that a migration request is about something real (authorization, not validation)
    HttpResponse<String> check = officials.as("admin", "POST", "/engine-rest/process-definition/key/platformCheck/start", "{}");
    assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
    String checkInstance = Officials.object(check).getString("id");
    String checkDefinition = Officials.object(check).getString("definitionId");

    // applicant A's compute voucher application, a round and a supplier waiting for listing
    HttpResponse<String> round = officials.as("office", "POST", "/api/voucher-rounds", "{\"name\":\"矩阵算力券 " + run + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1000000,\"validUntil\":\"" + java.time.OffsetDateTime.now().plusDays(30) + "\"}");
    assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
    String roundId = Officials.object(round).getString("id");
    String supplierName = "矩阵算力 " + run;
    // each supplier applies with a staff account (group compute-supplier): supplier A's is pending, supplier B's is listed
    String staffA = "ms-a" + run;
    String staffB = "ms-b" + run;
    HttpResponse<String> supplier = client.send("POST", "/api/compute-suppliers", "application/json", "{\"name\":\"" + supplierName + "\",\"creditCode\":\""
        + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"矩阵法人\",\"shareholders\":[],\"contactEmail\":\"m@compute.example\","
        + "\"user\":{\"userId\":\"" + staffB + "\",\"password\":\"secret12345\",\"name\":\"矩阵乙\"}}");
    assertThat(supplier.statusCode()).as(supplier.body()).isEqualTo(201);
    String supplierId = Officials.object(supplier).getString("id");
    String pendingName = "矩阵待审算力 " + run;
    HttpResponse<String> pendingSupplier = client.send("POST", "/api/compute-suppliers", "application/json", "{\"name\":\"" + pendingName
        + "\",\"creditCode\":\"" + VoucherIT.randomCreditCode() + "\",\"legalRepresentative\":\"矩阵法人二\",\"shareholders\":[],"
        + "\"contactEmail\":\"p@compute.example\",\"user\":{\"userId\":\"" + staffA + "\",\"password\":\"secret12345\",\"name\":\"矩阵甲\"}}");
    assertThat(pendingSupplier.statusCode()).as(pendingSupplier.body()).isEqualTo(201);
    String pendingId = Officials.object(pendingSupplier).getString("id");
    assertThat(officials.as("office", "POST", "/api/compute-suppliers/" + supplierId + "/decision", "{\"listed\":true}").statusCode()).isEqualTo(200);
    // supplier A's application is returned for correction: only A's staff may correct it
    HttpResponse<String> returnedA = officials.as("office", "POST", "/api/compute-suppliers/" + pendingId + "/decision",
        "{\"decision\":\"RETURNED\",\"note\":\"矩阵补正\"}");
    assertThat(returnedA.statusCode()).as(returnedA.body()).isEqualTo(200);
    String hijack = "{\"name\":\"越权更正 " + run + "\",\"legalRepresentative\":\"越权\",\"shareholders\":[],\"contactEmail\":\"x@hijack.example\"}";
    String voucherModel = "矩阵机密模型 " + run;
    HttpResponse<String> voucherApplied = client.send("POST", "/api/applicant/vouchers", "application/json", "{\"roundId\":\"" + roundId
        + "\",\"supplierId\":\"" + supplierId + "\",\"use\":\"INFERENCE\",\"model\":\"" + voucherModel + "\",\"gpuHours\":100,"
        + "\"clusterScale\":\"small\",\"achievementLevel\":\"none\",\"expectedValue\":10000}", "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(voucherApplied.statusCode()).as(voucherApplied.body()).isEqualTo(201);
    String voucherId = Officials.object(voucherApplied).getString("id");
    JsonObject voucherReview = officials.awaitTasks(voucherId, "userTask_reviewVoucher", 1).getJsonObject(0);
    // a second voucher of applicant A, issued, with a contract file
    HttpResponse<String> issuedApplied = client.send("POST", "/api/applicant/vouchers", "application/json", "{\"roundId\":\"" + roundId
        + "\",\"supplierId\":\"" + supplierId + "\",\"use\":\"INFERENCE\",\"model\":\"" + voucherModel + " 2\",\"gpuHours\":100,"
        + "\"clusterScale\":\"small\",\"achievementLevel\":\"none\",\"expectedValue\":10000}", "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(issuedApplied.statusCode()).as(issuedApplied.body()).isEqualTo(201);
    String issuedVoucher = Officials.object(issuedApplied).getString("id");
    officials.completeOne("office", issuedVoucher, "userTask_reviewVoucher", Officials.string("approved", "true"));
    HttpResponse<String> voucherFile = client.upload("/api/applicant/vouchers/" + issuedVoucher + "/files?kind=contract&name=matrix-contract.pdf",
        "application/pdf", Pdfs.of("matrix contract " + run), "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(voucherFile.statusCode()).as(voucherFile.body()).isEqualTo(201);
    String voucherFileId = Officials.object(voucherFile).getString("id");
    assertThat(client.bytes("/api/voucher-files/" + voucherFileId, "Authorization", WebClient.basic("applicant1", "demo")).statusCode()).isEqualTo(200);

    // applicant A's AI service in filing guidance (issue 24): a firm sees only its own services
    String serviceName = "矩阵AI服务 " + run;
    HttpResponse<String> aiService = client.send("POST", "/api/applicant/ai-services", "application/json", FilingIT.service(serviceName, true, false,
        FilingIT.FILED_MODEL, 100, ""), "Authorization", WebClient.basic("applicant1", "demo"));
    assertThat(aiService.statusCode()).as(aiService.body()).isEqualTo(201);
    String aiServiceId = Officials.object(aiService).getString("id");
    String aiServiceTier = Officials.object(aiService).getString("tier");

    // a spot-check campaign (issue 24): applicant A's high-tier service drawn, with its drawn and not-drawn inspectors, and a public incident
    HttpResponse<String> campaign = officials.as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"矩阵抽查 " + run + "\",\"shareHigh\":100,"
        + "\"shareMedium\":0,\"shareLow\":0,\"inspectorsPerInspection\":2}");
    assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
    String campaignId = Officials.object(campaign).getString("id");
    JsonObject inspection = Officials.object(campaign).getJsonArray("inspections").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getString("organisationName").startsWith("示例智造有限公司")).findFirst().orElseThrow();
    String inspectionId = inspection.getString("id");
    String serviceOfA = inspection.getString("serviceId");
    List<String> drawnInspectors = inspection.getJsonArray("inspectors").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList();
    String notDrawnInspector = List.of("inspector2", "inspector3", "inspector4").stream().filter(u -> !drawnInspectors.contains(u)).findFirst()
        .orElseThrow();
    String otherInspector = List.of("inspector1", "inspector2", "inspector3", "inspector4").stream()
        .filter(u -> !u.equals(notDrawnInspector) && !u.equals(drawnInspectors.get(0))).findFirst().orElseThrow();
    HttpResponse<String> incident = client.send("POST", "/api/incidents", "application/json", "{\"serviceName\":\"矩阵服务 " + run
        + "\",\"description\":\"矩阵事件 " + run + "\",\"reporterName\":\"矩阵报告人\",\"contact\":\"matrix-" + run + "@example.com\"}");
    assertThat(incident.statusCode()).as(incident.body()).isEqualTo(201);
    String incidentId = Officials.object(incident).getString("id");

    Map<String, String> actors = new LinkedHashMap<>();
    actors.put("anonymous", null);
    actors.put("applicant A", WebClient.basic("applicant1", "demo"));
    actors.put("applicant B", WebClient.basic("applicant2", "demo"));
    actors.put("official", WebClient.basic("office", "demo"));
    actors.put("expert X", WebClient.basic(expertX, "demo"));
    actors.put("expert Y", WebClient.basic(expertY, "demo"));
    actors.put("administrator", WebClient.basic("admin", "demo"));
    actors.put("supplier A", WebClient.basic(staffA, "secret12345"));
    actors.put("supplier B", WebClient.basic(staffB, "secret12345"));
    actors.put("inspector (drawn)", WebClient.basic(drawnInspectors.get(0), "demo"));
    actors.put("inspector (not drawn)", WebClient.basic(notDrawnInspector, "demo"));
    actors.put("auditor", WebClient.basic("auditor", "demo"));
    Set<String> everyoneButTheAuditor = new java.util.HashSet<>(actors.keySet());
    everyoneButTheAuditor.remove("auditor");

    String bpmn = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
        + "<process id=\"matrixProbe\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
    List<Operation> operations = new ArrayList<>(List.of(
        new Operation("read another organisation's proposal", Set.of("applicant A"), title, get("/api/applicant/proposals/" + proposal)),
        new Operation("list another organisation's proposals", Set.of("applicant A"), title, get("/api/applicant/proposals")),
        new Operation("change another organisation's proposal", Set.of("applicant A"), null, json("PUT", "/api/applicant/proposals/" + proposal,
            "{\"title\":\"篡改\",\"field\":\"robotics\"}")),
        new Operation("submit another organisation's proposal", Set.of("applicant A"), null,
            json("POST", "/api/applicant/proposals/" + proposal + "/submit", null)),
        new Operation("read a proposal in full (office API)", Set.of("official", "administrator", "auditor"), title, get("/api/proposals/" + proposal)),
        new Operation("read expert X's scores (history)", Set.of("official", "administrator", "auditor"), comment,
            get("/engine-rest/history/variable-instance?processInstanceId=" + instance + "&variableName=c1Comment")),
        new Operation("read expert X's scores (runtime variables)", Set.of("official", "administrator", "auditor"), comment,
            get("/engine-rest/variable-instance?processInstanceIdIn=" + instance)),
        new Operation("read expert Y's scoring task", Set.of("expert Y", "administrator", "auditor"), null,
            get("/engine-rest/task/" + taskOfY.getString("id") + "/variables")),
        new Operation("read the review with the draw and expert names", Set.of("administrator", "auditor"), EXPERT_NAMES.get(0),
            get("/api/reviews/" + reviewId)),
        new Operation("deploy through Camunda's REST API (Modeler)", Set.of("administrator"), null,
            multipart("/engine-rest/deployment/create", "data", "probe.bpmn", bpmn)),
        new Operation("deploy through the administrators' API", Set.of("administrator"), null,
            multipart("/api/admin/models", "file", "probe.bpmn", bpmn)),
        new Operation("dry-run a migration", Set.of("administrator"), null, json("POST", "/api/admin/migrations/dry-run",
            "{\"key\":\"platformCheck\",\"fromVersion\":1}")),
        new Operation("execute a migration (Camunda API)", Set.of("administrator"), null, json("POST", "/engine-rest/migration/execute",
            "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + checkDefinition + "\",\"targetProcessDefinitionId\":\"" + checkDefinition
            + "\",\"instructions\":[{\"sourceActivityIds\":[\"userTask_confirmPlatformCheck\"],\"targetActivityIds\":"
            + "[\"userTask_confirmPlatformCheck\"]}]},\"processInstanceIds\":[\"" + checkInstance + "\"]}")),
        // every user reads their own profile; nobody but administrators reads another's (leader is none of the actors)
        new Operation("read the list of users", Set.of("administrator"), "\"leader\"", get("/engine-rest/user")),
        new Operation("read the members of a group", Set.of("administrator"), "\"leader\"", get("/engine-rest/user?memberOfGroup=leadership")),
        new Operation("start a process", Set.of("official", "administrator"), null,
            json("POST", "/engine-rest/process-definition/key/platformCheck/start", "{}")),
        new Operation("read the audit of model deployments", Set.of("administrator"), null, get("/api/admin/models/audit")),
        // /metrics (ADR 0025): only the monitoring account (MetricsIT), none of our users, the administrator neither
        new Operation("read /metrics over https", Set.of(), "aipo_", (client, authorization) ->
            WebClient.overTls(Integer.getInteger("it.https.port", 9543)).send("GET", "/metrics", null, null, auth(authorization))),
        // a proposal's documents (issue 22): its applicant and the office; experts only when seated on its review (X and Y are not)
        new Operation("open a proposal's document", Set.of("applicant A", "official", "auditor"), null, get("/api/documents/" + document)),
        new Operation("open a proposal's document for a task", Set.of("applicant A", "official", "auditor"), null,
            get("/api/documents/" + document + "?task=" + taskOfY.getString("id"))),
        new Operation("list a proposal's documents", Set.of("applicant A", "official", "auditor"), document, get("/api/documents?proposalId=" + proposal)),
        new Operation("list who read a proposal's documents", Set.of("official", "administrator", "auditor"), "applicant1",
            get("/api/documents/reads?proposalId=" + proposal)),
        // records for auditors (issue 26): officials, administrators and auditors; the applicant's copy only for its own organisation
        new Operation("read a proposal's evaluation summary, experts named", Set.of("official", "administrator", "auditor"), null,
            get("/api/transparency/proposals/" + proposal + "/report?format=html")),
        new Operation("read a call's award dossier", Set.of("official", "administrator", "auditor"), null, get("/api/transparency/calls/" + call + "/dossier?format=json")),
        new Operation("export a call's archive", Set.of("official", "administrator", "auditor"), null, get("/api/transparency/calls/" + call + "/archive")),
        new Operation("read the applicant's evaluation summary", Set.of("applicant A"), null, get("/api/applicant/proposals/" + proposal + "/report")),
        new Operation("upload a document to another organisation's proposal", Set.of("applicant A"), null,
            (c, authorization) -> c.upload("/api/applicant/proposals/" + proposal + "/attachments?kind=other&name=x.pdf", "application/pdf",
                Pdfs.of("intruder"), auth(authorization))),
        new Operation("remove a document of another organisation's proposal", Set.of("applicant A"), null,
            json("DELETE", "/api/applicant/proposals/" + proposal + "/attachments/" + document, null)),
        new Operation("read another firm's voucher", Set.of("applicant A"), voucherModel, get("/api/applicant/vouchers/" + voucherId)),
        new Operation("list another firm's vouchers", Set.of("applicant A"), voucherModel, get("/api/applicant/vouchers")),
        new Operation("redeem another firm's voucher", Set.of("applicant A"), null, json("POST", "/api/applicant/vouchers/" + voucherId + "/redemption",
            "{\"contractNumber\":\"HT-M-" + run + "\",\"contractValue\":1000,\"invoices\":[{\"number\":\"INV-M-" + run + "\",\"amount\":1000}],"
            + "\"usage\":[{\"gpuHours\":1,\"value\":1000}]}")),
        // a voucher's redemption files (issue 23): the firm's users and officials read them; only the firm uploads
        new Operation("open a voucher's redemption file", Set.of("applicant A", "official", "administrator", "auditor"), null,
            get("/api/voucher-files/" + voucherFileId)),
        new Operation("list a voucher's redemption files", Set.of("applicant A"), voucherFileId, get("/api/applicant/vouchers/" + issuedVoucher + "/files")),
        new Operation("upload a file to another firm's voucher", Set.of("applicant A"), null,
            (c, authorization) -> c.upload("/api/applicant/vouchers/" + issuedVoucher + "/files?kind=invoice&name=x.pdf", "application/pdf",
                Pdfs.of("intruder"), auth(authorization))),
        new Operation("list a voucher's files (officials)", Set.of("official", "administrator", "auditor"), voucherFileId,
            get("/api/voucher-files?voucherId=" + issuedVoucher)),
        new Operation("list who downloaded a voucher's files", Set.of("official", "administrator", "auditor"), "applicant1",
            get("/api/voucher-files/reads?voucherId=" + issuedVoucher)),
        new Operation("approve a voucher (Tasklist API)", Set.of("official", "administrator"), null, json("POST", "/engine-rest/task/"
            + voucherReview.getString("id") + "/complete", "{\"variables\":{\"approved\":{\"value\":\"true\",\"type\":\"String\"}}}")),
        new Operation("read a round's pool and ledger", Set.of("official", "administrator", "auditor"), roundId, get("/api/voucher-rounds/" + roundId)),
        new Operation("open a voucher round", Set.of("official", "administrator"), null, json("POST", "/api/voucher-rounds",
            "{\"name\":\"越权批次\",\"programme\":\"VOUCHER\",\"poolTotal\":1,\"validUntil\":\"2099-01-01T00:00:00Z\"}")),
        new Operation("close a voucher round", Set.of("official", "administrator"), null, json("POST", "/api/voucher-rounds/" + roundId + "/close", null)),
        new Operation("read suppliers' listing applications", Set.of("official", "administrator", "auditor"), pendingName, get("/api/compute-suppliers/applications")),
        new Operation("list a supplier", Set.of("official", "administrator"), null, json("POST", "/api/compute-suppliers/" + pendingId + "/decision",
            "{\"listed\":true}")),
        new Operation("read another firm's AI service", Set.of("applicant A"), serviceName, get("/api/applicant/ai-services/" + aiServiceId)),
        new Operation("list another firm's AI services", Set.of("applicant A"), serviceName, get("/api/applicant/ai-services")),
        new Operation("change another firm's AI service", Set.of("applicant A"), null, json("PUT", "/api/applicant/ai-services/" + aiServiceId,
            FilingIT.service("篡改 " + run, false, true, null, 1, ""))),
        new Operation("withdraw another firm's AI service", Set.of("applicant A"), null, json("POST", "/api/applicant/ai-services/" + aiServiceId
            + "/withdrawal", "{\"reason\":\"越权\"}")),
        new Operation("self-assess another firm's AI service", Set.of("applicant A"), null, json("POST", "/api/applicant/ai-services/" + aiServiceId
            + "/readiness", FilingIT.readiness(12000))),
        new Operation("read another firm's self-assessment", Set.of("applicant A"), null, get("/api/applicant/ai-services/" + aiServiceId + "/readiness")),
        new Operation("upload a report to another firm's AI service", Set.of("applicant A"), null,
            (c, authorization) -> c.upload("/api/applicant/ai-services/" + aiServiceId + "/reports?name=x.pdf", "application/pdf", Pdfs.of("intruder"),
                auth(authorization))),
        new Operation("record another firm's filing result", Set.of("applicant A"), null, json("POST", "/api/applicant/ai-services/" + aiServiceId
            + "/filing-result", "{\"granted\":true,\"number\":\"Beijing-Intruder-20240101S0001\"}")),
        new Operation("read the AI-service register", Set.of("official", "administrator", "auditor"), serviceName, get("/api/ai-services")),
        new Operation("read an AI service (officials)", Set.of("official", "administrator", "auditor"), serviceName, get("/api/ai-services/" + aiServiceId)),
        new Operation("read an AI service's history", Set.of("official", "administrator", "auditor"), aiServiceId, get("/api/ai-services/" + aiServiceId + "/history")),
        new Operation("change an AI service's tier", Set.of("official", "administrator"), null, json("POST", "/api/ai-services/" + aiServiceId + "/tier",
            "{\"tier\":\"" + ("LOW".equals(aiServiceTier) ? "HIGH" : "LOW") + "\",\"reason\":\"越权\"}")),
        // a supplier's staff read their own listing only: the caller's account names the supplier (B's answer is checked below)
        new Operation("read a supplier's own listing application", Set.of("supplier A", "supplier B"), pendingName, get("/api/supplier/listing")),
        // a supplier's staff correct their own returned listing only (B's attempt is checked below: it reaches B's own, not A's)
        new Operation("correct a supplier's returned listing", Set.of("supplier A", "supplier B"), pendingName, json("PUT", "/api/supplier/listing", hijack)),
        // the outbox holds every recipient's messages: administrators only
        new Operation("read the e-mail outbox", Set.of("administrator"), null, get("/api/outbox?limit=1")),
        new Operation("read one's own messaging profile", Set.of("applicant A", "applicant B", "official", "expert X", "expert Y", "administrator",
            "supplier A", "supplier B", "inspector (drawn)", "inspector (not drawn)", "auditor"), null, get("/api/profile"))));
    // supervision (issue 24): the office runs campaigns; an inspector only the inspections drawn for them; a firm only its own
    operations.addAll(List.of(
        new Operation("start a spot-check campaign", Set.of("official", "administrator"), null, json("POST", "/api/spot-check-campaigns",
            "{\"name\":\"越权抽查\",\"shareHigh\":0,\"shareMedium\":0,\"shareLow\":0}")),
        // the auditor (issue 26): reads the chain and replays draws; never works on a task
        new Operation("verify the audit records' hash chain", Set.of("auditor", "administrator"), null,
            get("/api/audit/verify?stream=review-request:" + reviewId)),
        new Operation("read a subject's sealed audit records", Set.of("auditor", "administrator"), reviewId,
            get("/api/audit/records?subjectType=review-request&subjectId=" + reviewId)),
        new Operation("list every recorded draw", Set.of("auditor", "administrator"), reviewId, get("/api/audit/draws")),
        // issue 29: failed logins (source address, user id typed) are for the administrator and the auditor only
        new Operation("read the failed logins", Set.of("auditor", "administrator"), null, get("/api/audit/failed-logins")),
        // grouped review (issue 27): the office (and auditors) read a call's review groups; only the office moves a proposal
        new Operation("read a call's review groups", Set.of("official", "administrator", "auditor"), null, get("/api/calls/" + call + "/review-groups")),
        new Operation("move a proposal between review groups", Set.of("official", "administrator"), null, json("POST", "/api/calls/" + call
            + "/review-groups/moves", "{\"proposalId\":\"none\",\"toGroup\":1,\"reason\":\"越权\"}")),
        new Operation("replay a review panel's draw (auditors)", Set.of("auditor", "administrator"), null,
            json("POST", "/api/audit/draws/review/" + reviewId + "/replay", null)),
        new Operation("replay a campaign's draw (auditors)", Set.of("auditor", "administrator"), null,
            json("POST", "/api/audit/draws/spot-check/" + campaignId + "/replay", null)),
        new Operation("claim an expert's scoring task", everyoneButTheAuditor, null,
            json("POST", "/engine-rest/task/" + taskOfY.getString("id") + "/claim", "{\"userId\":\"auditor\"}")),
        new Operation("read spot-check campaigns and their draws", Set.of("official", "administrator", "auditor"), campaignId, get("/api/spot-check-campaigns")),
        new Operation("replay a campaign's draw", Set.of("official", "administrator", "auditor"), null,
            json("POST", "/api/spot-check-campaigns/" + campaignId + "/draw/replay", null)),
        new Operation("read an inspection drawn for another inspector", Set.of("official", "administrator", "inspector (drawn)", "auditor"), inspectionId,
            get("/api/supervision/inspections/" + inspectionId)),
        new Operation("list inspections", Set.of("official", "administrator", "inspector (drawn)", "auditor"), inspectionId, get("/api/supervision/inspections")),
        new Operation("read an inspection's task (Tasklist API)", Set.of("official", "administrator", "inspector (drawn)", "auditor"), "userTask_inspectService",
            get("/engine-rest/task?processInstanceBusinessKey=" + inspectionId)),
        new Operation("record the result of an inspection drawn for another", Set.of("inspector (drawn)"), null,
            json("POST", "/api/supervision/inspections/" + inspectionId + "/result", "{\"findingsFound\":false}")),
        new Operation("record the follow-up of an inspection drawn for another", Set.of("inspector (drawn)"), null,
            json("POST", "/api/supervision/inspections/" + inspectionId + "/follow-up", "{\"rectified\":true}")),
        new Operation("declare another inspector's avoidance", Set.of("official", "administrator"), null, json("POST",
            "/api/supervision/inspector-avoidances", "{\"inspectorId\":\"" + otherInspector + "\",\"creditCode\":\"91310000MA1D3M0A13\","
            + "\"kind\":\"RELATIONSHIP\",\"reason\":\"越权\"}")),
        new Operation("read the supervision overview", Set.of("official", "administrator", "auditor"), serviceOfA, get("/api/supervision/services")),
        new Operation("list another firm's spot checks", Set.of("applicant A"), inspectionId, get("/api/applicant/supervision/inspections")),
        new Operation("rectify another firm's inspection", Set.of("applicant A"), null, json("POST", "/api/applicant/supervision/inspections/"
            + inspectionId + "/rectification", "{\"rectification\":\"越权整改\"}")),
        new Operation("read another firm's supervision plan", Set.of("applicant A"), serviceOfA,
            get("/api/applicant/supervision/services/" + serviceOfA + "/plan")),
        new Operation("report a self-inspection of another firm's service", Set.of("applicant A"), null, json("POST",
            "/api/applicant/supervision/services/" + serviceOfA + "/self-inspections", "{\"summary\":\"越权自查\"}")),
        new Operation("report an incident as another firm", Set.of("applicant A"), null, json("POST", "/api/applicant/supervision/incidents",
            "{\"serviceId\":\"" + serviceOfA + "\",\"description\":\"越权\",\"reporterName\":\"某\",\"contact\":\"1\"}")),
        new Operation("read incident reports", Set.of("official", "administrator", "auditor"), incidentId, get("/api/incidents")),
        new Operation("record an incident's outcome", Set.of("official", "administrator"), null,
            json("POST", "/api/incidents/" + incidentId + "/outcome", "{\"outcome\":\"越权处理\"}"))));

    // the programme dashboard (issue 26): officials' figures and the targets for the office, leadership, auditors and administrators
    // (leadership is no actor here; DashboardIT tries it); targets set by the office and administrators only
    String dashboardTargets = "{\"targets\":[{\"measure\":\"callsOpened\",\"value\":7}]}";
    operations.addAll(List.of(
        new Operation("read the programme dashboard", Set.of("official", "administrator", "auditor"), null, get("/api/dashboard")),
        new Operation("read a year's dashboard targets", Set.of("official", "administrator", "auditor"), null, get("/api/dashboard/targets/2099")),
        new Operation("set a year's dashboard targets", Set.of("official", "administrator"), null,
            json("PUT", "/api/dashboard/targets/2098", dashboardTargets))));

    // the officials' console (issue 28): overviews and exports for officials, administrators and auditors; bulk actions for
    // officials only (the auditor reads, never acts; which tasks an official may act on is ConsoleBulkIT's), reassignment
    // for the administrator (the office head), the expert pool's spreadsheet import for the secretariat and administrators
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    operations.addAll(List.of(
        new Operation("read a call's overview (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/calls/" + call + "/proposals")),
        new Operation("export a call's proposals (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/calls/" + call + "/proposals/export?format=csv")),
        new Operation("export a call's ranking (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/calls/" + call + "/ranking/export?format=xlsx")),
        new Operation("export the experts' workload (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/expert-workload/export?format=csv")),
        new Operation("export a voucher round's ledger (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/voucher-rounds/" + roundId + "/ledger/export?format=csv")),
        new Operation("list the rounds and campaigns (console)", Set.of("official", "administrator", "auditor"), null, get("/api/console/rounds")),
        new Operation("read a scenario round's overview (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/scenario-rounds/matrix-no-round/items")),
        new Operation("read a voucher round's overview (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/voucher-rounds/" + roundId + "/applications")),
        new Operation("read a campaign's overview (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/spot-check-campaigns/" + campaignId + "/inspections")),
        new Operation("export a campaign's results (console)", Set.of("official", "administrator", "auditor"), null,
            get("/api/console/spot-check-campaigns/" + campaignId + "/results/export?format=csv")),
        new Operation("act on tasks in bulk (console)", Set.of("official", "administrator"), null,
            json("POST", "/api/console/bulk", "{\"kind\":\"claim\",\"taskIds\":[\"matrix-no-task\"]}")),
        new Operation("reassign tasks in bulk (console)", Set.of("administrator"), null,
            json("POST", "/api/console/bulk", "{\"kind\":\"assign\",\"taskIds\":[\"matrix-no-task\"],\"assignee\":\"office\"}")),
        new Operation("import experts from a spreadsheet", Set.of("administrator"), null,
            (c, a) -> c.upload("/api/experts/import/xlsx?dryRun=true", xlsx, new byte[] {'P', 'K', 3, 4}, auth(a)))));

    List<String> notDenied = new ArrayList<>();
    int cells = 0;
    for (Operation operation : operations) {
      for (Map.Entry<String, String> actor : actors.entrySet()) {
        if (operation.allowed().contains(actor.getKey())) {
          continue;
        }
        cells++;
        HttpResponse<String> answer = operation.request().send(client, actor.getValue());
        if (!denied(answer, operation.secret())) {
          notDenied.add(operation.name() + " × " + actor.getKey() + ": " + answer.statusCode() + " "
              + answer.body().substring(0, Math.min(160, answer.body().length())));
        }
      }
    }
    assertThat(cells).as("forbidden cells tried").isGreaterThan(80);
    assertThat(notDenied).as("forbidden cells that were not denied").isEmpty();

    // the allowed cells the test can try without side effects answer with the data
    assertThat(client.send("GET", "/api/applicant/proposals/" + proposal, null, null, "Authorization", actors.get("applicant A")).body())
        .contains(title);
    assertThat(client.send("GET", "/api/proposals/" + proposal, null, null, "Authorization", actors.get("official")).body()).contains(title);
    assertThat(client.send("GET", "/engine-rest/history/variable-instance?processInstanceId=" + instance + "&variableName=c1Comment", null, null,
        "Authorization", actors.get("official")).body()).contains(comment);
    assertThat(client.send("GET", "/engine-rest/user", null, null, "Authorization", actors.get("administrator")).body()).contains("\"leader\"");
    assertThat(client.bytes("/api/documents/" + document, "Authorization", actors.get("official")).statusCode()).isEqualTo(200);
    assertThat(client.bytes("/api/documents/" + document, "Authorization", actors.get("applicant A")).statusCode()).isEqualTo(200);
    assertThat((JsonArray) WebClient.json(client.send("GET", "/api/applicant/proposals/" + proposal + "/attachments", null, null,
        "Authorization", actors.get("applicant A")))).as("refused uploads and removals changed no document").hasSize(1);
    assertThat(client.bytes("/api/voucher-files/" + voucherFileId, "Authorization", actors.get("applicant A")).statusCode()).isEqualTo(200);
    assertThat(client.bytes("/api/voucher-files/" + voucherFileId, "Authorization", actors.get("official")).statusCode()).isEqualTo(200);
    assertThat((JsonArray) WebClient.json(client.send("GET", "/api/applicant/vouchers/" + issuedVoucher + "/files", null, null,
        "Authorization", actors.get("applicant A")))).as("refused uploads stored no file").hasSize(1);
    // the voucher is untouched by every refused approval, and the public sees the round only in aggregate
    assertThat(Officials.object(client.send("GET", "/api/applicant/vouchers/" + voucherId, null, null, "Authorization", actors.get("applicant A")))
        .getString("status")).isEqualTo("APPLIED");
    assertThat(client.send("GET", "/api/public/voucher-rounds", null, null).body()).contains(roundId).doesNotContain(voucherModel);
    // supplier B's staff cannot correct A's returned listing: theirs is listed, nothing waits (409), and A's is untouched
    HttpResponse<String> byB = client.send("PUT", "/api/supplier/listing", "application/json", hijack, "Authorization", actors.get("supplier B"));
    assertThat(byB.statusCode()).as(byB.body()).isEqualTo(409);
    assertThat(client.send("GET", "/api/supplier/listing", null, null, "Authorization", actors.get("supplier B")).body()).contains(supplierName)
        .doesNotContain("越权更正");
    assertThat(client.send("GET", "/api/supplier/listing", null, null, "Authorization", actors.get("supplier A")).body()).contains(pendingName)
        .contains("RETURNED").doesNotContain("越权更正");
    // A's own staff correct it (the one allowed cell with a side effect, tried last)
    HttpResponse<String> byA = client.send("PUT", "/api/supplier/listing", "application/json", "{\"name\":\"" + pendingName
        + "\",\"legalRepresentative\":\"矩阵法人二\",\"shareholders\":[],\"contactEmail\":\"p@compute.example\"}", "Authorization", actors.get("supplier A"));
    assertThat(byA.statusCode()).as(byA.body()).isEqualTo(200);
    // supplier A sees its application pending again, supplier B its own and never A's
    assertThat(client.send("GET", "/api/supplier/listing", null, null, "Authorization", actors.get("supplier A")).body()).contains(pendingName)
        .contains("PENDING");
    assertThat(client.send("GET", "/api/supplier/listing", null, null, "Authorization", actors.get("supplier B")).body()).contains(supplierName)
        .doesNotContain(pendingName).doesNotContain(pendingId);
    // the AI service is untouched by every refused change, and its firm sees it
    JsonObject ownService = Officials.object(client.send("GET", "/api/applicant/ai-services/" + aiServiceId, null, null, "Authorization",
        actors.get("applicant A")));
    assertThat(ownService.getString("name")).isEqualTo(serviceName);
    assertThat(ownService.getString("status")).isEqualTo("IN_GUIDANCE");
    assertThat(ownService.getString("tier")).isEqualTo(aiServiceTier);
    assertThat(client.send("GET", "/api/applicant/ai-services/" + aiServiceId + "/reports", null, null, "Authorization", actors.get("applicant A"))
        .body()).isEqualTo("[]");
    // the inspection is untouched by every refused result, and the public sees published results only, never a draw's inspectors
    assertThat(Officials.object(client.send("GET", "/api/supervision/inspections/" + inspectionId, null, null, "Authorization",
        actors.get("inspector (drawn)"))).getString("status")).isEqualTo("DRAWN");
    assertThat(client.send("GET", "/api/public/spot-check-results", null, null).body()).doesNotContain(inspectionId).doesNotContain("inspector");
    assertThat(client.send("GET", "/api/incidents", null, null, "Authorization", actors.get("official")).body()).contains(incidentId);
    // the auditor reads the engine's history and the review with its experts, and replays the draw: it matches
    assertThat(client.send("GET", "/engine-rest/history/process-instance?processInstanceId=" + instance, null, null, "Authorization",
        actors.get("auditor")).body()).contains(instance);
    assertThat(client.send("GET", "/api/reviews/" + reviewId, null, null, "Authorization", actors.get("auditor")).body()).contains(expertX);
    HttpResponse<String> replayed = client.send("POST", "/api/audit/draws/review/" + reviewId + "/replay", null, null, "Authorization",
        actors.get("auditor"));
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(Officials.object(replayed).getBoolean("matches")).as(replayed.body()).isTrue();
    // no refused actor set the dashboard's targets; the public figures are open to all and hold nothing unpublished
    assertThat(Officials.object(client.send("GET", "/api/dashboard/targets/2098", null, null, "Authorization", actors.get("official")))
        .getJsonArray("targets")).isEmpty();
    HttpResponse<String> publicFigures = client.send("GET", "/api/public/dashboard", null, null);
    assertThat(publicFigures.statusCode()).isEqualTo(200);
    assertThat(publicFigures.body()).contains("awardsAnnounced").doesNotContain("proposalsSubmitted").doesNotContain("vouchersIssued")
        .doesNotContain(title);
    // what the draft holds is unchanged by every refused change
    assertThat(Officials.object(client.send("GET", "/api/applicant/proposals/" + proposal, null, null, "Authorization", actors.get("applicant A")))
        .getString("status")).isEqualTo("DRAFT");
  }
}
