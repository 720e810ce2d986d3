package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Demonstration-project selection end to end over HTTP against the started server: applicants register
 * and submit through our API; officials, experts and leadership work their tasks through the Camunda
 * REST API with their own credentials; the administrator fires the call's timers early through the same
 * API; the applicants read their award or rejection with scores and comments, never the experts' names.
 */
class SelectionIT extends ServerItBase {

  private static final String FIELD = "smart-transport"; // no other test draws from this field's pool
  private static final List<String> EXPERTS = List.of("st-zhao", "st-qian", "st-sun", "st-li", "st-zhou");
  private static final List<String> EXPERT_NAMES = List.of("赵交通", "钱交通", "孙交通", "李交通", "周交通");

  private static JsonObject object(HttpResponse<String> response) {
    return Officials.object(response);
  }

  private static String string(String name, String value) {
    return Officials.string(name, value);
  }

  private JsonArray tasks(String businessKey, String key) throws Exception {
    return officials.tasks(businessKey, key);
  }

  private JsonArray awaitTasks(String businessKey, String key, int count) throws Exception {
    return officials.awaitTasks(businessKey, key, count);
  }

  private void complete(String user, JsonObject task, String variables) throws Exception {
    officials.complete(user, task, variables);
  }

  private void fireTimer(String businessKey, String definitionKey, String activityId) throws Exception {
    officials.fireTimer(businessKey, definitionKey, activityId);
  }

  private void review(String businessKey, java.util.Map<String, int[]> points) throws Exception {
    officials.review(businessKey, points, "车路协同信号优化");
  }

  @Test
  void anApplicantRegistersSubmitsIsCorrectedReviewedNoticedAwardedAndAcceptedWhileAnotherReadsItsRejection() throws Exception {
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    String callJson = "{\"title\":\"2026 智能交通示范项目\",\"fields\":[\"" + FIELD + "\"],\"opensAt\":\"" + now.minusHours(1)
        + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":2000000,\"maxAward\":1000000,\"awardCount\":2,\"panelSize\":3}";
    HttpResponse<String> evenPanel = as("office", "POST", "/api/calls", callJson.replace("\"panelSize\":3", "\"panelSize\":4"));
    assertThat(evenPanel.statusCode()).isEqualTo(400);
    assertThat(object(evenPanel).getString("field")).isEqualTo("panelSize");
    HttpResponse<String> opened = as("office", "POST", "/api/calls", callJson);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String call = object(opened).getString("id");
    assertThat(object(opened).getJsonArray("criteria")).hasSize(4);

    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration("甲智能交通有限公司",
        Applicants.creditCode("91310000MJ1JJJJJ5"), "st-org-a", "Password2026a", "a@jia.example")).statusCode()).isEqualTo(201);
    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration("乙交通研究院",
        Applicants.creditCode("12310000MY1YYYYY6"), "st-org-b", "Password2026b", "b@yi.example")).statusCode()).isEqualTo(201);
    String full = "\"field\":\"" + FIELD + "\",\"summary\":\"车路协同信号优化\",\"technicalApproach\":\"交通大模型\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"通行效率提升10%\",\"team\":\"十二人\",\"budget\":1200000,\"coFunding\":400000";
    String longApproach = "交通大模型与强化学习信号配时。".repeat(400);
    // issue 27: a excludes one expert by name and organisation (with a reason); b names the organisation of another as co-applicant
    String excludes = "\"exclusions\":[{\"expertName\":\"" + EXPERT_NAMES.get(0) + "\",\"organisation\":\"" + FIELD + " 大学 0\","
        + "\"reason\":\"竞争项目负责人\"}],";
    String coApplies = "\"coApplicants\":[{\"creditCode\":\"" + Applicants.creditCode("12310000MB1BBBBB8") + "\",\"name\":\"" + FIELD + " 大学 1\"}],";
    String a = object(asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"路口信号大模型\"," + excludes + full.replace("\"交通大模型\"", "\"" + longApproach + "\"") + "}"))
        .getString("id");
    String b = object(asUser("st-org-b", "Password2026b", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"公交调度助手 <script>alert(1)</script>\"," + coApplies + full + "}")).getString("id");
    String late = object(asUser("st-org-b", "Password2026b", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"迟交的申报\"," + full + "}")).getString("id");
    for (String[] submit : new String[][] {{"st-org-a", "Password2026a", a}, {"st-org-b", "Password2026b", b}}) {
      Pdfs.attachRequired(client, submit[0], submit[1], submit[2]);
      HttpResponse<String> submitted = asUser(submit[0], submit[1], "POST", "/api/applicant/proposals/" + submit[2] + "/submit", null);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    // formal check: the office reads the proposal in the task (a long one cut to fit, the rest over the API)
    JsonObject check = tasks(a, "userTask_formalCheck").getJsonObject(0);
    String details = object(as("office", "GET", "/engine-rest/task/" + check.getString("id") + "/variables/proposalDetailsMarkdown", null))
        .getString("value");
    assertThat(details).contains("甲智能交通有限公司", "车路协同信号优化", "GET /api/proposals/" + a).hasSizeLessThan(4000);
    assertThat(details).as("the office reads the exclusion and its reason, and the indicator").contains(EXPERT_NAMES.get(0), "竞争项目负责人", "考核指标");
    assertThat(object(as("office", "GET", "/api/proposals/" + b, null)).getJsonArray("coApplicants").getJsonObject(0).getString("name"))
        .isEqualTo(FIELD + " 大学 1");
    HttpResponse<String> inFull = as("office", "GET", "/api/proposals/" + a, null);
    assertThat(object(inFull).getString("technicalApproach")).hasSize(longApproach.length());
    assertThat(asUser("st-org-b", "Password2026b", "GET", "/api/proposals/" + a, null).statusCode()).isEqualTo(403);
    // a is returned for correction and corrected, b is eligible
    complete("office", tasks(a, "userTask_formalCheck").getJsonObject(0), string("decision", "correction") + ","
        + string("reasons", "请补充数据来源 Data sources missing"));
    assertThat(object(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a, null)).getString("status")).isEqualTo("RETURNED");
    HttpResponse<String> corrected = asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals/" + a + "/correction",
        "{\"title\":\"路口信号大模型\",\"dataSources\":\"卡口与信号机数据\"," + full.replace("\"交通大模型\"", "\"" + longApproach + "\"") + "}");
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    complete("office", tasks(a, "userTask_formalCheck").getJsonObject(0), string("decision", "eligible"));
    complete("office", tasks(b, "userTask_formalCheck").getJsonObject(0), string("decision", "eligible"));
    JsonObject before = object(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/outcome", null));
    assertThat(before.getBoolean("published")).isFalse();

    // the call closes (its timer, fired early by the administrator): late submissions are refused
    fireTimer(call, "demonstrationCall", "timerEvent_callCloses");
    HttpResponse<String> afterClose = asUser("st-org-b", "Password2026b", "POST", "/api/applicant/proposals/" + late + "/submit", null);
    assertThat(afterClose.statusCode()).isEqualTo(409);
    assertThat(object(afterClose).getString("message")).contains("closed");
    assertThat(object(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a, null)).getString("status"))
        .isEqualTo("UNDER_REVIEW");

    // the draw: neither a's excluded expert nor the expert of b's co-applicant is on the panel (3 of the 5 remain)
    assertThat(awaitTasks(call, "userTask_answerInvitation", 3).stream().map(t -> t.asJsonObject().getString("assignee")))
        .containsExactlyInAnyOrder("st-sun", "st-li", "st-zhou");
    // one review for the field: a scores 85, b scores 58 (below 70)
    review(call, java.util.Map.of("路口信号大模型", new int[] {26, 21, 21, 17}, "公交调度助手 <script>alert(1)</script>", new int[] {20, 15, 15, 8}));

    JsonArray approval = awaitTasks(call, "userTask_approveAwards", 1);
    JsonArray ofCall = (JsonArray) WebClient.json(as("leader", "GET", "/api/calls/" + call + "/proposals", null));
    assertThat(ofCall).hasSize(3);
    assertThat(ofCall.stream().map(v -> v.asJsonObject().getString("status"))).containsExactlyInAnyOrder("REVIEWED", "REVIEWED", "DRAFT");
    String ranking = ((JsonObject) WebClient.json(as("leader", "GET", "/engine-rest/task/" + approval.getJsonObject(0).getString("id")
        + "/variables/rankingSummaryMarkdown", null))).getString("value");
    assertThat(ranking).contains("路口信号大模型", "甲智能交通有限公司").doesNotContain("<script>");
    HttpResponse<String> bareReturn = as("leader", "POST", "/engine-rest/task/" + approval.getJsonObject(0).getString("id") + "/complete",
        "{\"variables\":{" + string("decision", "return") + "}}");
    assertThat(bareReturn.statusCode()).isEqualTo(400);
    assertThat(bareReturn.body()).contains("comments");
    complete("leader", approval.getJsonObject(0), string("decision", "approve") + "," + string("comments", "同意公示"));

    // the public notice: anyone reads it; a real-name objection becomes the office's task
    HttpResponse<String> noticeResponse = anonymous("GET", "/api/notices/" + call, null);
    assertThat(noticeResponse.statusCode()).as(noticeResponse.body()).isEqualTo(200);
    JsonObject notice = object(noticeResponse);
    assertThat(notice.getBoolean("open")).isTrue();
    assertThat(notice.getJsonArray("proposedAwardees")).extracting(v -> v.asJsonObject().getString("proposalId")).containsExactly(a);
    HttpResponse<String> nameless = anonymous("POST", "/api/notices/" + call + "/objections",
        "{\"proposalId\":\"" + a + "\",\"contact\":\"13800000000\",\"grounds\":\"评分过高\"}");
    assertThat(nameless.statusCode()).isEqualTo(400);
    assertThat(object(nameless).getString("field")).isEqualTo("name");
    HttpResponse<String> notProposed = anonymous("POST", "/api/notices/" + call + "/objections",
        "{\"proposalId\":\"" + b + "\",\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"x\"}");
    assertThat(object(notProposed).getString("field")).isEqualTo("proposalId");
    HttpResponse<String> malformed = anonymous("POST", "/api/notices/" + call + "/objections", "{\"proposalId\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
    HttpResponse<String> noSuchCall = anonymous("POST", "/api/notices/no-such-call/objections",
        "{\"proposalId\":\"" + a + "\",\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"x\"}");
    assertThat(noSuchCall.statusCode()).as(noSuchCall.body()).isEqualTo(404);
    assertThat(object(noSuchCall).getString("field")).isEqualTo("callId");
    HttpResponse<String> noSuchNotice = anonymous("GET", "/api/notices/no-such-call", null);
    assertThat(noSuchNotice.statusCode()).as(noSuchNotice.body()).isEqualTo(404);
    assertThat(object(noSuchNotice).getString("code")).isEqualTo("call.not-found");
    HttpResponse<String> objection = anonymous("POST", "/api/notices/" + call + "/objections",
        "{\"proposalId\":\"" + a + "\",\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"评分过高，不服专家打分\"}");
    assertThat(objection.statusCode()).as(objection.body()).isEqualTo(201);
    JsonObject answer = tasks(call, "userTask_answerObjection").getJsonObject(0);
    complete("office", answer, string("decision", "not-grounds") + "," + string("answer", "仅对专家学术判断有异议，不予受理"));

    JsonObject proposed = object(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/outcome", null));
    assertThat(proposed.getString("status")).isEqualTo("PROPOSED");

    fireTimer(call, "demonstrationCall", "timerEvent_noticeEnds");
    HttpResponse<String> tooLate = anonymous("POST", "/api/notices/" + call + "/objections",
        "{\"proposalId\":\"" + a + "\",\"name\":\"王五\",\"contact\":\"13800000000\",\"grounds\":\"又一件\"}");
    assertThat(tooLate.statusCode()).isEqualTo(409);

    // the outcomes: award for a, rejection for b, scores and comments, never an expert's name
    HttpResponse<String> awardedResponse = asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/outcome", null);
    JsonObject awarded = object(awardedResponse);
    assertThat(awarded.getString("status")).isEqualTo("AWARDED");
    assertThat(awarded.getJsonNumber("award").bigDecimalValue()).isEqualByComparingTo("800000");
    assertThat(awarded.getJsonObject("review").getJsonArray("experts")).hasSize(3);
    assertThat(awarded.getJsonObject("review").getJsonArray("experts").getJsonObject(0).getJsonArray("scores").getJsonObject(0)
        .getString("comment")).contains("第1项评语");
    HttpResponse<String> rejectedResponse = asUser("st-org-b", "Password2026b", "GET", "/api/applicant/proposals/" + b + "/outcome", null);
    JsonObject rejected = object(rejectedResponse);
    assertThat(rejected.getString("status")).isEqualTo("NOT_SELECTED");
    assertThat(rejected.getString("reason")).contains("below 70");
    assertThat(rejected.getJsonObject("review").getJsonNumber("score").doubleValue()).isLessThan(70);
    for (String body : List.of(awardedResponse.body(), rejectedResponse.body())) {
      EXPERTS.forEach(id -> assertThat(body).doesNotContain(id));
      EXPERT_NAMES.forEach(name -> assertThat(body).doesNotContain(name));
    }
    assertThat(asUser("st-org-b", "Password2026b", "GET", "/api/applicant/proposals/" + a + "/outcome", null).statusCode())
        .as("another organisation's outcome").isEqualTo(404);
    assertThat(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/timeline", null).body())
        .contains("proposal.under-review", "proposal.proposed-for-award", "proposal.awarded");

    // the awarded project: mid-term check and acceptance, each reviewed; then a benchmark
    HttpResponse<String> early = asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals/" + a + "/reports",
        "{\"milestone\":\"acceptance\",\"summary\":\"总结\"}");
    assertThat(early.statusCode()).as("acceptance before the mid-term check").isEqualTo(409);
    HttpResponse<String> unknownMilestone = asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals/" + a + "/reports",
        "{\"milestone\":\"final\",\"summary\":\"总结\"}");
    assertThat(object(unknownMilestone).getString("field")).isEqualTo("milestone");
    assertThat(asUser("st-org-b", "Password2026b", "POST", "/api/applicant/proposals/" + a + "/reports",
        "{\"milestone\":\"mid-term\",\"summary\":\"冒名\"}").statusCode()).as("another organisation's project").isEqualTo(404);
    assertThat(asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals/" + a + "/reports",
        "{\"milestone\":\"mid-term\",\"summary\":\"中期进展顺利\"}").statusCode()).isEqualTo(200);
    review(a, java.util.Map.of("路口信号大模型", new int[] {32, 28, 20}));
    assertThat(asUser("st-org-a", "Password2026a", "POST", "/api/applicant/proposals/" + a + "/reports",
        "{\"milestone\":\"acceptance\",\"summary\":\"指标全部完成\"}").statusCode()).isEqualTo(200);
    review(a, java.util.Map.of("路口信号大模型", new int[] {36, 30, 22}));
    complete("leader", awaitTasks(a, "userTask_designateBenchmark", 1).getJsonObject(0), string("decision", "benchmark") + ","
        + string("reasons", "成效显著，可规模化推广"));
    JsonObject accepted = object(asUser("st-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/outcome", null));
    assertThat(accepted.getString("status")).isEqualTo("ACCEPTED");
    assertThat(accepted.getString("midTermResult")).isEqualTo("PASSED");
    assertThat(accepted.getBoolean("benchmark")).isTrue();
  }

  private static final String RACE_FIELD = "education"; // no other test draws from this field's pool
  private static boolean raceExperts;

  /** The race tests' three experts, created once per server. */
  private void raceExperts() throws Exception {
    if (!raceExperts) {
      officials.expertsOfTheField(RACE_FIELD, List.of("ed-wang", "ed-feng", "ed-chen"), List.of("王教育", "冯教育", "陈教育"));
      raceExperts = true;
    }
  }

  /**
   * A call of one award of 1,000,000 yuan (drawing on {@code pool} unless null) whose one proposal, from a
   * newly registered organisation, is reviewed and ranked first: leadership's approval task is open.
   * Returns the call id and the proposal id.
   */
  private String[] awaitingApproval(String title, String pool, String userId, String password, String organisation, String creditCode16)
      throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"" + title + "\",\"fields\":[\"" + RACE_FIELD
        + "\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":1000000,"
        + "\"awardCount\":1,\"panelSize\":3" + (pool == null ? "" : ",\"fundingPool\":\"" + pool + "\"") + "}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(object(opened).isNull("fundingPool") ? null : object(opened).getString("fundingPool")).isEqualTo(pool);
    String call = object(opened).getString("id");
    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration(organisation, Applicants.creditCode(creditCode16 + "0"),
        userId, password, userId + "@edu.example")).statusCode()).isEqualTo(201);
    String proposal = object(asUser(userId, password, "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\","
        + "\"title\":\"教学助手大模型\",\"field\":\"" + RACE_FIELD + "\",\"summary\":\"个性化辅导\",\"technicalApproach\":\"教育大模型\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"覆盖百所学校\",\"team\":\"十人\",\"budget\":1000000,\"coFunding\":0}")).getString("id");
    Pdfs.attachRequired(client, userId, password, proposal);
    HttpResponse<String> submitted = asUser(userId, password, "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    complete("office", officials.awaitTasks(proposal, "userTask_formalCheck", 1).getJsonObject(0), string("decision", "eligible"));
    fireTimer(call, "demonstrationCall", "timerEvent_callCloses");
    officials.review(call, java.util.Map.of("教学助手大模型", new int[] {27, 22, 22, 18}), "个性化辅导");
    awaitTasks(call, "userTask_approveAwards", 1);
    return new String[] {call, proposal};
  }

  /** Sends the requests at the same moment (released together by a barrier); their answers in order. */
  private List<HttpResponse<String>> together(List<java.util.concurrent.Callable<HttpResponse<String>>> requests) throws Exception {
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(requests.size());
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(requests.size());
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> futures = new java.util.ArrayList<>();
      for (var request : requests) {
        futures.add(threads.submit(() -> {
          barrier.await();
          return request.call();
        }));
      }
      List<HttpResponse<String>> answers = new java.util.ArrayList<>();
      for (var future : futures) {
        answers.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdown();
    }
  }

  /** A request on a connection of its own. */
  private java.util.concurrent.Callable<HttpResponse<String>> request(String method, String path, String json, String... headers) {
    WebClient own = newClient();
    return () -> own.send(method, path, json == null ? null : "application/json", json, headers);
  }

  /**
   * Two calls draw on one funding pool that can pay only one of their award lists; leadership approves
   * both at the same moment: exactly one approval is stored and committed, the other gets a clear 409 and
   * its task stays open, and the pool is not overdrawn (issue 9). The pool's row lock serialises them.
   */
  @Test
  void twoApprovalsDrawingOnTheSamePoolAtOnceOneWinsTheOtherGetsA409() throws Exception {
    raceExperts();
    String pool = "edu-" + Long.toString(System.nanoTime(), 36);
    assertThat(as("office", "POST", "/api/funding-pools", "{\"code\":\"" + pool + "\",\"name\":\"教育大模型专项 Education fund\","
        + "\"total\":1500000}").statusCode()).isEqualTo(201);
    HttpResponse<String> again = as("office", "POST", "/api/funding-pools", "{\"code\":\"" + pool + "\",\"name\":\"重复\",\"total\":1}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(object(again).getString("field")).isEqualTo("code");
    HttpResponse<String> noTotal = as("office", "POST", "/api/funding-pools", "{\"code\":\"edu-x\",\"name\":\"无金额\"}");
    assertThat(noTotal.statusCode()).isEqualTo(400);
    assertThat(object(noTotal).getString("field")).isEqualTo("total");
    assertThat(as("ed-wang", "GET", "/api/funding-pools/" + pool, null).statusCode()).as("an expert").isEqualTo(403);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    String callJson = "{\"title\":\"未知资金池\",\"fields\":[\"" + RACE_FIELD + "\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\""
        + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":1000000,\"awardCount\":1,\"panelSize\":3,\"fundingPool\":\"" + pool + "\"}";
    HttpResponse<String> unknownPool = as("office", "POST", "/api/calls", callJson.replace(pool, "no-such-pool"));
    assertThat(unknownPool.statusCode()).isEqualTo(400);
    assertThat(object(unknownPool).getString("field")).isEqualTo("fundingPool");
    HttpResponse<String> aboveThePool = as("office", "POST", "/api/calls", callJson.replace("\"budget\":1000000", "\"budget\":2000000"));
    assertThat(aboveThePool.statusCode()).isEqualTo(400);
    assertThat(object(aboveThePool).getString("field")).isEqualTo("budget");

    // two award lists await approval: 1,000,000 yuan each, the pool holds 1,500,000
    List<String> approvals = new java.util.ArrayList<>();
    for (String[] applicant : new String[][] {{"ed-org-a", "Password2026e", "甲教育科技有限公司", "91310000MA1EDUCA"},
        {"ed-org-b", "Password2026f", "乙教育研究院", "12310000MB1EDUCB"}}) {
      String call = awaitingApproval("2026 教育大模型示范 " + applicant[2], pool, applicant[0], applicant[1], applicant[2], applicant[3])[0];
      String approval = awaitTasks(call, "userTask_approveAwards", 1).getJsonObject(0).getString("id");
      assertThat(object(as("leader", "GET", "/engine-rest/task/" + approval + "/variables/rankingSummaryMarkdown", null)).getString("value"))
          .as("the leader sees the pool in the ranking").contains("教育大模型专项", "可用 available 1500000");
      approvals.add(approval);
    }
    assertThat(asUser("ed-org-a", "Password2026e", "GET", "/api/funding-pools", null).statusCode()).as("an applicant").isEqualTo(403);

    String approve = "{\"variables\":{" + string("decision", "approve") + "," + string("comments", "同意") + "}}";
    List<HttpResponse<String>> answers = together(approvals.stream()
        .map(task -> request("POST", "/engine-rest/task/" + task + "/complete", approve, "Authorization", WebClient.basic("leader", "demo")))
        .toList());
    List<String> bodies = answers.stream().map(a -> a.statusCode() + " " + a.body()).toList();
    assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).as("one approval stored, the other refused: " + bodies)
        .containsExactly(204, 409);
    int lost = answers.get(0).statusCode() == 409 ? 0 : 1;
    assertThat(object(answers.get(lost)).getString("message")).contains("funding pool " + pool, "500000", "1000000");
    JsonObject drawn = object(as("leader", "GET", "/api/funding-pools/" + pool, null));
    assertThat(drawn.getJsonNumber("committed").bigDecimalValue()).isEqualByComparingTo("1000000");
    assertThat(drawn.getJsonNumber("remaining").bigDecimalValue()).isEqualByComparingTo("500000");
    assertThat(drawn.getJsonArray("commitments")).hasSize(1);
    // the refused approval left its task open: leadership can return the ranking instead
    HttpResponse<String> stillOpen = as("leader", "GET", "/engine-rest/task/" + approvals.get(lost), null);
    assertThat(stillOpen.statusCode()).as(stillOpen.body()).isEqualTo(200);
    complete("leader", object(stillOpen), string("decision", "return") + "," + string("comments", "资金池不足，请压减拟资助额度"));
    assertThat(object(as("leader", "GET", "/api/funding-pools/" + pool, null)).getJsonArray("commitments")).hasSize(1);
  }

  /**
   * An objection lodged at the moment the notice's end timer fires (three rounds): either the objection is
   * taken whole (stored, its task open, and the notice waits for the answer) or it is refused with 409 and
   * nothing of it is stored (the notice has ended); never a 5xx, never an objection without its task.
   */
  @Test
  void anObjectionRacingTheEndOfItsNoticeIsTakenWholeOrRefusedWhole() throws Exception {
    raceExperts();
    List<String> outcomes = new java.util.ArrayList<>();
    for (int round = 0; round < 3; round++) {
      String[] ids = awaitingApproval("2026 教育公示竞争 " + round, null, "ed-notice-" + round, "Password2026n", "丙教育公司" + round,
          "9131000" + round + "MA1NXTEC");
      String call = ids[0];
      complete("leader", awaitTasks(call, "userTask_approveAwards", 1).getJsonObject(0), string("decision", "approve") + "," + string("comments", "同意公示"));
      String instance = ((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/process-instance?businessKey=" + call
          + "&processDefinitionKey=demonstrationCall", null))).getJsonObject(0).getString("id");
      JsonArray timer = (JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/job?processInstanceId=" + instance
          + "&activityId=timerEvent_noticeEnds", null));
      assertThat(timer).as("the notice's end timer").hasSize(1);
      List<HttpResponse<String>> answers = together(List.of(
          request("POST", "/engine-rest/job/" + timer.getJsonObject(0).getString("id") + "/execute", null, "Authorization",
              WebClient.basic("admin", "demo")),
          request("POST", "/api/notices/" + call + "/objections", "{\"proposalId\":\"" + ids[1] + "\",\"name\":\"赵六\","
              + "\"contact\":\"13900000000\",\"grounds\":\"申报材料与实际不符\"}")));
      HttpResponse<String> end = answers.get(0);
      HttpResponse<String> objection = answers.get(1);
      String seen = "timer " + end.statusCode() + " " + end.body() + ", objection " + objection.statusCode() + " " + objection.body();
      outcomes.add(end.statusCode() + "/" + objection.statusCode());
      assertThat(end.statusCode()).as(seen).isIn(204, 409);
      assertThat(objection.statusCode()).as(seen).isIn(201, 409);
      JsonArray answerTasks = tasks(call, "userTask_answerObjection");
      if (objection.statusCode() == 201) {
        assertThat(answerTasks).as("the objection taken has its task: " + seen).hasSize(1);
        assertThat(object(anonymous("GET", "/api/notices/" + call, null)).getBoolean("open")).as("the notice waits: " + seen).isTrue();
        complete("office", answerTasks.getJsonObject(0), string("decision", "dismissed") + "," + string("answer", "经核实，材料属实"));
        if (end.statusCode() == 409) {
          fireTimer(call, "demonstrationCall", "timerEvent_noticeEnds");
        }
      } else {
        assertThat(end.statusCode()).as("one of the two went through: " + seen).isEqualTo(204);
        assertThat(object(objection).getString("message")).as(seen).isNotBlank();
        assertThat(answerTasks).as("nothing of the refused objection: " + seen).isEmpty();
      }
      String applicant = "ed-notice-" + round;
      await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
          assertThat(object(asUser(applicant, "Password2026n", "GET", "/api/applicant/proposals/" + ids[1] + "/outcome", null)).getString("status"))
              .as("the notice ended and the award stands: " + seen).isEqualTo("AWARDED"));
    }
    System.out.println("[race] notice end vs objection, timer/objection: " + outcomes);
  }
}
