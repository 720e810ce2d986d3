package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Grouped review (分组评审, issue 27, docs/adr/0020) in Liberty: a call of 60 proposals with at most 25 a group is split
 * into 3 groups of 20; the office moves one with a reason (a blank reason is a 400 naming the field), confirms, every
 * group gets its own panel with no expert on more than 2 groups, the experts score their group's proposals, the
 * auditor replays the call's draw as one, and the ranking merges the groups by rank within group.
 */
class GroupedReviewIT extends ServerItBase {

  private static final String FIELD = "education"; // SelectionIT's race tests draw here too and work their tasks by assignee

  private static JsonObject object(HttpResponse<String> response) {
    return Officials.object(response);
  }

  private static JsonArray array(HttpResponse<String> response) {
    return (JsonArray) WebClient.json(response);
  }

  @Test
  void sixtyProposalsInThreeGroupsAreMovedConfirmedDrawnAsOneScoredAndMergedByRankInGroup() throws Exception {
    String run = String.format("%06d", System.currentTimeMillis() % 1_000_000);
    List<String> experts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      experts.add("grp-" + run + "-" + i);
      names.add("分组专家" + i);
    }
    officials.expertsOfTheField(FIELD, experts, names);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    String base = "{\"title\":\"分组设置 " + run + "\",\"fields\":[\"" + FIELD + "\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\""
        + now.plusDays(30) + "\",\"budget\":1000000,\"maxAward\":1000000,\"awardCount\":1,";
    for (String[] bad : new String[][] {{"\"maxGroupSize\":1}", "maxGroupSize"}, {"\"maxGroupsPerExpert\":0}", "maxGroupsPerExpert"},
        {"\"mergeRule\":\"AVERAGE\"}", "mergeRule"}}) {
      HttpResponse<String> refused = as("office", "POST", "/api/calls", base + bad[0]);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(object(refused).getString("field")).isEqualTo(bad[1]);
    }
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"分组评审 " + run + "\",\"fields\":[\"" + FIELD
        + "\"],\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":10000000,\"maxAward\":1000000,"
        + "\"awardCount\":5,\"panelSize\":3,\"maxGroupSize\":25,\"maxGroupsPerExpert\":2,\"mergeRule\":\"RANK_IN_GROUP\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(object(opened).getInt("maxGroupSize")).isEqualTo(25);
    assertThat(object(opened).getString("mergeRule")).isEqualTo("RANK_IN_GROUP");
    String call = object(opened).getString("id");

    // three organisations, twenty proposals each
    List<String[]> applicants = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      String user = "grp-app-" + run + "-" + o;
      String code = Applicants.creditCode("91440300MA" + run + o);
      HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations",
          Applicants.registration("分组评审单位 " + run + " " + o, code, user, "Secret-" + run + "1", user + "@edu.example"));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      applicants.add(new String[] {user, "Secret-" + run + "1"});
    }
    Map<String, Integer> pointsOf = new HashMap<>();
    List<String> proposals = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] applicant = applicants.get(i % 3);
      String title = String.format("教育大模型 %02d", i);
      HttpResponse<String> created = asUser(applicant[0], applicant[1], "POST", "/api/applicant/proposals", "{\"callId\":\"" + call + "\","
          + "\"title\":\"" + title + "\",\"field\":\"" + FIELD + "\",\"summary\":\"分组评审\",\"technicalApproach\":\"教育大模型\","
          + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"覆盖百所学校\",\"team\":\"十人\",\"budget\":500000,\"coFunding\":0}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String proposal = object(created).getString("id");
      Pdfs.attachRequired(client, applicant[0], applicant[1], proposal);
      HttpResponse<String> submitted = asUser(applicant[0], applicant[1], "POST", "/api/applicant/proposals/" + proposal + "/submit", null);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
      proposals.add(proposal);
      pointsOf.put(title, i % 20);
    }
    for (String proposal : proposals) {
      officials.completeOne("office", proposal, "userTask_formalCheck", Officials.string("decision", "eligible"));
    }
    officials.fireTimer(call, "demonstrationCall", "timerEvent_callCloses");

    // the office sees three groups of twenty before the draw and moves one with a reason
    officials.awaitTasks(call, "userTask_confirmGroups", 1);
    JsonArray groups = array(as("office", "GET", "/api/calls/" + call + "/review-groups", null));
    assertThat(groups).hasSize(3).allSatisfy(g -> {
      assertThat(g.asJsonObject().getJsonArray("proposals")).hasSize(20);
      assertThat(g.asJsonObject().isNull("reviewRequestId")).isTrue();
    });
    String moved = groups.getJsonObject(0).getJsonArray("proposals").getJsonObject(0).getString("proposalId");
    HttpResponse<String> blank = as("office", "POST", "/api/calls/" + call + "/review-groups/moves",
        "{\"proposalId\":\"" + moved + "\",\"toGroup\":2,\"reason\":\" \"}");
    assertThat(blank.statusCode()).as(blank.body()).isEqualTo(400);
    assertThat(object(blank).getString("field")).isEqualTo("reason");
    assertThat(as("expert1", "POST", "/api/calls/" + call + "/review-groups/moves",
        "{\"proposalId\":\"" + moved + "\",\"toGroup\":2,\"reason\":\"x\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> move = as("office", "POST", "/api/calls/" + call + "/review-groups/moves",
        "{\"proposalId\":\"" + moved + "\",\"toGroup\":2,\"reason\":\"同属智能批改 Belongs with group 2: automated marking\"}");
    assertThat(move.statusCode()).as(move.body()).isEqualTo(200);
    assertThat(object(move).getJsonArray("proposals")).hasSize(21);
    officials.completeOne("office", call, "userTask_confirmGroups", "");

    // each group one review request, drawn as one; moves are refused from now on
    JsonArray drawn = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(300))
        .until(() -> array(as("office", "GET", "/api/calls/" + call + "/review-groups", null)),
            a -> a.stream().noneMatch(g -> g.asJsonObject().isNull("reviewRequestId")));
    assertThat(drawn.getJsonObject(1).getJsonArray("proposals")).extracting(p -> p.asJsonObject().getString("proposalId")).contains(moved);
    assertThat(drawn).allSatisfy(g -> assertThat(g.asJsonObject().getInt("emptySeats")).isZero());
    HttpResponse<String> late = as("office", "POST", "/api/calls/" + call + "/review-groups/moves",
        "{\"proposalId\":\"" + moved + "\",\"toGroup\":3,\"reason\":\"太晚 too late\"}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);

    // every expert step: 3 groups × 3 seats; an expert scores the proposals of their group
    JsonArray invitations = officials.awaitTasks(call, "userTask_answerInvitation", 9);
    Map<String, Set<String>> groupsOfExpert = new HashMap<>();
    for (JsonValue task : invitations) {
      String expert = task.asJsonObject().getString("assignee");
      String request = object(as("admin", "GET", "/engine-rest/process-instance/" + task.asJsonObject().getString("processInstanceId")
          + "/variables/reviewRequestId", null)).getString("value");
      groupsOfExpert.computeIfAbsent(expert, e -> new HashSet<>()).add(request);
      officials.complete(expert, task.asJsonObject(), "\"accepted\":{\"value\":true,\"type\":\"Boolean\"}");
    }
    assertThat(groupsOfExpert.values()).as("no expert on more than 2 groups").allMatch(g -> g.size() <= 2);
    for (JsonValue task : officials.awaitTasks(call, "userTask_declareConflict", 180)) {
      officials.complete(task.asJsonObject().getString("assignee"), task.asJsonObject(), "\"conflict\":{\"value\":false,\"type\":\"Boolean\"}");
    }
    JsonArray scoring = officials.awaitTasks(call, "userTask_scoreItem", 180);
    for (JsonValue value : scoring) {
      JsonObject task = value.asJsonObject();
      String expert = task.getString("assignee");
      String title = object(as(expert, "GET", "/engine-rest/task/" + task.getString("id") + "/variables/itemTitle", null)).getString("value");
      int k = pointsOf.entrySet().stream().filter(e -> title.endsWith(e.getKey())).findFirst().orElseThrow().getValue();
      int[] given = {10 + k, 5 + k, 10 + k / 2, 10 + k / 2};
      StringBuilder variables = new StringBuilder();
      for (int c = 0; c < given.length; c++) {
        variables.append(c == 0 ? "" : ",").append("\"c").append(c + 1).append("Points\":{\"value\":").append(given[c]).append(",\"type\":\"Long\"},")
            .append(Officials.string("c" + (c + 1) + "Comment", "评语 comment " + (c + 1)));
      }
      officials.complete(expert, task, variables.toString());
    }
    for (JsonValue task : officials.awaitTasks(call, "userTask_confirmOpinion", 60)) {
      officials.complete("secretary", task.asJsonObject(), "");
    }
    officials.awaitTasks(call, "userTask_approveAwards", 1);

    // the auditor replays the call's draw as one; the office may not
    assertThat(as("office", "POST", "/api/audit/draws/call-groups/" + call + "/replay", null).statusCode()).isEqualTo(403);
    HttpResponse<String> replay = as("auditor", "POST", "/api/audit/draws/call-groups/" + call + "/replay", null);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(object(replay).getBoolean("matches")).as(replay.body()).isTrue();
    assertThat(object(replay).getJsonObject("callGroups").getInt("groups")).isEqualTo(3);
    // the award dossier replays the groups as one draw too, beside each group's own replay
    HttpResponse<String> dossier = as("office", "GET", "/api/transparency/calls/" + call + "/dossier?format=json", null);
    assertThat(dossier.statusCode()).as(dossier.body()).isEqualTo(200);
    JsonArray groupDraws = object(dossier).getJsonArray("groupDraws");
    assertThat(groupDraws).as(dossier.body()).hasSize(1);
    assertThat(groupDraws.getJsonObject(0).getInt("groups")).isEqualTo(3);
    assertThat(groupDraws.getJsonObject(0).getInt("maxGroupsPerExpert")).isEqualTo(2);
    assertThat(groupDraws.getJsonObject(0).getJsonObject("replay").getBoolean("matches")).as(dossier.body()).isTrue();

    // ranked across the three groups by rank within group: the three group winners lead
    JsonArray ranked = array(as("office", "GET", "/api/calls/" + call + "/proposals", null));
    Map<String, String> groupOf = new HashMap<>();
    for (JsonValue group : drawn) {
      group.asJsonObject().getJsonArray("proposals").forEach(p -> groupOf.put(p.asJsonObject().getString("proposalId"),
          group.asJsonObject().getString("reviewRequestId")));
    }
    List<JsonObject> byRank = ranked.stream().map(JsonValue::asJsonObject).filter(p -> !p.isNull("rankInField"))
        .sorted(java.util.Comparator.comparingInt(p -> p.getInt("rankInField"))).toList();
    assertThat(byRank).hasSizeGreaterThanOrEqualTo(3);
    assertThat(byRank.subList(0, 3).stream().map(p -> groupOf.get(p.getString("id"))).distinct()).as("one winner from each group").hasSize(3);

    // the console's ranking .xlsx (issue 28): Chinese headers, and per proposal the API's rank, score and mean points per criterion
    Map<String, String> meansOf = new HashMap<>();
    for (JsonValue group : drawn) {
      JsonObject review = object(as("secretary", "GET", "/api/reviews/" + group.asJsonObject().getString("reviewRequestId"), null));
      Map<String, String> proposalOfItem = new HashMap<>();
      review.getJsonArray("items").forEach(i -> proposalOfItem.put(i.asJsonObject().getString("id"), i.asJsonObject().getString("reference")));
      review.getJsonArray("outcomes").forEach(o -> meansOf.put(proposalOfItem.get(o.asJsonObject().getString("itemId")),
          o.asJsonObject().getString("criterionMeans")));
    }
    HttpResponse<byte[]> xlsx = client.bytes("/api/console/calls/" + call + "/ranking/export?format=xlsx", "Authorization", WebClient.basic("office", "demo"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    Map<String, JsonObject> apiRows = new HashMap<>();
    ranked.forEach(p -> apiRows.put(p.asJsonObject().getString("id"), p.asJsonObject()));
    try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
      org.dhatim.fastexcel.reader.Row header = rows.get(0);
      assertThat(header.getCellText(0)).startsWith("领域");
      assertThat(header.getCellText(1)).startsWith("领域内排名");
      assertThat(header.getCellText(2)).startsWith("申报书编号");
      int criteria = header.getCellCount() - 8;
      assertThat(criteria).as("one column per criterion").isPositive();
      assertThat(header.getCellText(5 + criteria)).startsWith("总分");
      assertThat(rows).as("every scored or ranked proposal once").hasSize(1 + (int) ranked.stream()
          .filter(p -> present(p.asJsonObject(), "score") || present(p.asJsonObject(), "rankInField")).count());
      for (org.dhatim.fastexcel.reader.Row row : rows.subList(1, rows.size())) {
        JsonObject api = apiRows.get(row.getCellText(2));
        assertThat(api).as(row.getCellText(2)).isNotNull();
        assertThat(row.getCellAsNumber(5 + criteria).orElseThrow()).isEqualByComparingTo(api.getJsonNumber("score").bigDecimalValue());
        if (present(api, "rankInField")) {
          assertThat(row.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(api.getInt("rankInField"));
        }
        Map<String, java.math.BigDecimal> means = new HashMap<>();
        for (String pair : meansOf.get(row.getCellText(2)).split(";")) {
          means.put(pair.substring(0, pair.indexOf('=')), new java.math.BigDecimal(pair.substring(pair.indexOf('=') + 1)));
        }
        for (int c = 0; c < criteria; c++) {
          String code = header.getCellText(5 + c).replaceAll(".*\\(([^)]+)\\)$", "$1");
          assertThat(row.getCellAsNumber(5 + c).orElseThrow()).as(code + " of " + row.getCellText(2)).isEqualByComparingTo(means.get(code));
        }
      }
    }
  }

  private static boolean present(JsonObject object, String name) {
    return object.containsKey(name) && !object.isNull(name);
  }
}
