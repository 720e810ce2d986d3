package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 26's records: a call driven through the real processes to its awards, then the evaluation summary
 * reports (officials' named, applicant's anonymised) and the award dossier read as PDF text, the dossier's
 * draws replayed, and the archive's checksums recomputed.
 */
class TransparencyReportIT extends ServerItBase {

  private static final String FIELD = "healthcare";
  private static final List<String> EXPERTS = List.of("tr-hua", "tr-tuo", "tr-bian", "tr-zhang", "tr-sun");
  private static final List<String> EXPERT_NAMES = List.of("华医疗", "佗医疗", "扁医疗", "张医疗", "孙医疗");
  private static final String TITLE_A = "病理切片辅助诊断大模型";
  private static final String TITLE_B = "导诊问答助手";

  private static JsonObject object(HttpResponse<String> response) {
    return Officials.object(response);
  }

  private HttpResponse<byte[]> bytes(String user, String password, String path) throws Exception {
    return client.bytes(path, "Authorization", WebClient.basic(user, password));
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** A measure's figure for this year, read by the office, and checked equal on the public dashboard. */
  private java.math.BigDecimal achieved(String measure) throws Exception {
    java.math.BigDecimal official = null;
    java.math.BigDecimal published = null;
    for (String[] reader : new String[][] {{"office", "/api/dashboard"}, {null, "/api/public/dashboard"}}) {
      HttpResponse<String> read = reader[0] == null ? anonymous("GET", reader[1], null) : as(reader[0], "GET", reader[1], null);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      for (JsonValue m : object(read).getJsonArray("measures")) {
        if (m.asJsonObject().getString("key").equals(measure)) {
          java.math.BigDecimal value = m.asJsonObject().getJsonNumber("achieved").bigDecimalValue();
          if (reader[0] == null) {
            published = value;
          } else {
            official = value;
          }
        }
      }
    }
    assertThat(official).as(measure + " on the officials' dashboard").isNotNull();
    assertThat(published).as(measure + " on the public dashboard").isNotNull().isEqualByComparingTo(official);
    return official;
  }

  @Test
  void aFinishedCallsReportsDossierAndArchiveHoldTheRecordAndHideTheExpertsFromTheApplicant() throws Exception {
    officials.expertsOfTheField(FIELD, EXPERTS, EXPERT_NAMES);
    java.math.BigDecimal awardsBefore = achieved("awardsAnnounced");
    java.math.BigDecimal fundsBefore = achieved("awardFunds");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    HttpResponse<String> opened = as("office", "POST", "/api/calls", "{\"title\":\"2026 智慧医疗示范项目\",\"fields\":[\"" + FIELD + "\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":2000000,\"maxAward\":1000000,"
        + "\"awardCount\":2,\"panelSize\":3}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String call = object(opened).getString("id");

    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration("甲医疗科技有限公司",
        Applicants.creditCode("91310000MH1HHHHH7"), "tr-org-a", "Password2026a", "a@hospital-a.example")).statusCode()).isEqualTo(201);
    assertThat(anonymous("POST", "/api/applicant/organisations", Applicants.registration("乙健康研究院",
        Applicants.creditCode("12310000MW1WWWWW8"), "tr-org-b", "Password2026b", "b@health-b.example")).statusCode()).isEqualTo(201);
    String full = "\"field\":\"" + FIELD + "\",\"summary\":\"病理影像辅助诊断\",\"technicalApproach\":\"医疗大模型\","
        + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"诊断效率提升20%\",\"team\":\"十人\",\"budget\":1200000,\"coFunding\":400000";
    String a = object(asUser("tr-org-a", "Password2026a", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"" + TITLE_A + "\"," + full + "}")).getString("id");
    String b = object(asUser("tr-org-b", "Password2026b", "POST", "/api/applicant/proposals",
        "{\"callId\":\"" + call + "\",\"title\":\"" + TITLE_B + "\"," + full + "}")).getString("id");
    for (String[] submit : new String[][] {{"tr-org-a", "Password2026a", a}, {"tr-org-b", "Password2026b", b}}) {
      Pdfs.attachRequired(client, submit[0], submit[1], submit[2]);
      HttpResponse<String> submitted = asUser(submit[0], submit[1], "POST", "/api/applicant/proposals/" + submit[2] + "/submit", null);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }
    officials.completeOne("office", a, "userTask_formalCheck", Officials.string("decision", "eligible"));
    officials.completeOne("office", b, "userTask_formalCheck", Officials.string("decision", "eligible"));
    officials.fireTimer(call, "demonstrationCall", "timerEvent_callCloses");
    officials.review(call, Map.of(TITLE_A, new int[] {26, 21, 21, 17}, TITLE_B, new int[] {20, 15, 15, 8}), "病理影像辅助诊断");

    // reviewed, not yet published: the applicant waits (409), officials read already
    officials.awaitTasks(call, "userTask_approveAwards", 1);
    HttpResponse<String> early = asUser("tr-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/report", null);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(object(early).getString("code")).isEqualTo("report.not-published");

    officials.completeOne("leader", call, "userTask_approveAwards", Officials.string("decision", "approve") + ","
        + Officials.string("comments", "同意公示"));
    officials.fireTimer(call, "demonstrationCall", "timerEvent_noticeEnds");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "AWARDED".equals(object(asUser("tr-org-a",
        "Password2026a", "GET", "/api/applicant/proposals/" + a, null)).getString("status")));

    // the dashboard counts the award from the records, on the officials' and the public figures alike
    assertThat(achieved("awardsAnnounced")).isEqualByComparingTo(awardsBefore.add(java.math.BigDecimal.ONE));
    assertThat(achieved("awardFunds")).isGreaterThan(fundsBefore);

    // the dossier as JSON: every draw replayed and matching; the experts named
    HttpResponse<String> dossierJson = as("office", "GET", "/api/transparency/calls/" + call + "/dossier?format=json", null);
    assertThat(dossierJson.statusCode()).as(dossierJson.body()).isEqualTo(200);
    JsonObject dossier = Json.createReader(new StringReader(dossierJson.body())).readObject();
    assertThat(dossier.getJsonArray("reviews")).isNotEmpty();
    for (JsonValue review : dossier.getJsonArray("reviews")) {
      JsonObject r = review.asJsonObject();
      assertThat(r.getJsonObject("draw").getJsonNumber("seed")).as("the draw's seed").isNotNull();
      assertThat(r.getJsonObject("draw").getJsonArray("poolSnapshot")).as("the pool snapshot").isNotEmpty();
      assertThat(r.getJsonObject("replay").getBoolean("matches")).as("replay of " + r.getString("id") + ": "
          + r.getJsonObject("replay").getJsonArray("differences")).isTrue();
    }
    assertThat(dossier.getJsonArray("proposals")).extracting(p -> p.asJsonObject().getString("id")).contains(a, b);
    assertThat(dossier.getJsonArray("awards")).extracting(p -> p.asJsonObject().getString("proposalId")).containsExactly(a);
    assertThat(dossier.getJsonArray("decisions").toString()).contains("call.ranked");
    assertThat(dossier.getJsonObject("notice").getJsonArray("proposedAwardees")).hasSize(1);
    assertThat(dossier.getJsonArray("auditTrail")).isNotEmpty();

    JsonObject review = dossier.getJsonArray("reviews").getJsonObject(0);
    Map<String, String> itemOf = new LinkedHashMap<>();
    review.getJsonArray("outcomes").forEach(o -> itemOf.put(o.asJsonObject().getString("reference"), o.asJsonObject().getString("itemId")));
    JsonObject outcomeA = review.getJsonArray("outcomes").stream().map(JsonValue::asJsonObject)
        .filter(o -> o.getString("reference").equals(a)).findFirst().orElseThrow();
    List<String> expertIds = new ArrayList<>();
    List<String> expertNames = new ArrayList<>(EXPERT_NAMES);
    review.getJsonObject("draw").getJsonArray("candidates").forEach(c -> {
      expertIds.add(c.asJsonObject().getString("expertId"));
      expertNames.add(c.asJsonObject().getString("name"));
    });
    List<String> rows = new ArrayList<>();
    List<String> panelNames = new ArrayList<>();
    for (JsonValue value : review.getJsonArray("assignments")) {
      JsonObject assignment = value.asJsonObject();
      if (assignment.getString("reference").equals(a) && assignment.getString("status").equals("SCORED")) {
        StringBuilder row = new StringBuilder();
        int total = 0;
        for (JsonValue criterion : review.getJsonArray("criteria")) {
          String code = criterion.asJsonObject().getString("code");
          int points = assignment.getJsonObject("scores").getJsonObject(code).getInt("points");
          row.append(points);
          total += points;
        }
        rows.add(row.append(total).append(".00").toString());
        panelNames.add(assignment.getString("name"));
      }
    }
    assertThat(rows).hasSize(3);

    // the officials' copy: Chinese title, every expert's points and total, the rule, the opinion, the experts' names
    HttpResponse<byte[]> official = bytes("office", "demo", "/api/transparency/proposals/" + a + "/report?format=pdf");
    assertThat(official.statusCode()).isEqualTo(200);
    assertThat(official.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    String officialText = squeeze(text(official.body()));
    assertThat(officialText).contains("示范项目评审意见汇总表", squeeze(TITLE_A), "甲医疗科技有限公司", "算术平均",
        outcomeA.getJsonNumber("score").bigDecimalValue().toPlainString(), squeeze(outcomeA.getString("opinion")));
    rows.forEach(row -> assertThat(officialText).as("an expert's points and total").contains(row));
    assertThat(panelNames).hasSize(3).allSatisfy(name -> assertThat(officialText).as("experts named for officials").contains(name));

    // the applicant's copy: the same scores, experts as A/B/C, no expert's name or id
    HttpResponse<byte[]> mine = bytes("tr-org-a", "Password2026a", "/api/applicant/proposals/" + a + "/report");
    assertThat(mine.statusCode()).isEqualTo(200);
    String applicantText = squeeze(text(mine.body()));
    assertThat(applicantText).contains("示范项目评审意见汇总表", "专家AExpertA", "专家CExpertC", "算术平均",
        squeeze(outcomeA.getString("opinion")));
    rows.forEach(row -> assertThat(applicantText).contains(row));
    expertNames.stream().filter(n -> !n.isEmpty()).forEach(name -> assertThat(applicantText).doesNotContain(name));
    expertIds.forEach(id -> assertThat(applicantText).doesNotContain(squeeze(id)));
    EXPERTS.forEach(id -> assertThat(applicantText).doesNotContain(id));
    HttpResponse<String> html = asUser("tr-org-a", "Password2026a", "GET", "/api/applicant/proposals/" + a + "/report?format=html", null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains("<h1>示范项目评审意见汇总表", "专家 A Expert A");
    panelNames.forEach(name -> assertThat(html.body()).doesNotContain(name));

    // who may read what: another organisation 404, a bad format 400 naming it, an expert 403, nobody 401
    assertThat(asUser("tr-org-b", "Password2026b", "GET", "/api/applicant/proposals/" + a + "/report", null).statusCode()).isEqualTo(404);
    HttpResponse<String> badFormat = as("office", "GET", "/api/transparency/proposals/" + a + "/report?format=docx", null);
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(object(badFormat).getString("field")).isEqualTo("format");
    assertThat(as("tr-hua", "GET", "/api/transparency/calls/" + call + "/dossier", null).statusCode()).isEqualTo(403);
    assertThat(anonymous("GET", "/api/transparency/calls/" + call + "/dossier", null).statusCode()).isEqualTo(401);
    assertThat(as("office", "GET", "/api/transparency/calls/no-such-call/dossier", null).statusCode()).isEqualTo(404);

    // the dossier as PDF: the parts and the replay verdict
    HttpResponse<byte[]> dossierPdf = bytes("secretary", "demo", "/api/transparency/calls/" + call + "/dossier?format=pdf");
    assertThat(dossierPdf.statusCode()).isEqualTo(200);
    String dossierText = squeeze(text(dossierPdf.body()));
    assertThat(dossierText).contains("评审档案", "2026智慧医疗示范项目", "随机种子", "一致MATCH", "专家库快照", "公示与异议", "审计记录",
        "示范项目评审意见汇总表", review.getJsonObject("draw").getJsonNumber("seed").toString());
    rows.forEach(row -> assertThat(dossierText).contains(row));

    // the archive: every entry's SHA-256 as the manifest and SHA256SUMS say
    HttpResponse<byte[]> archive = bytes("leader", "demo", "/api/transparency/calls/" + call + "/archive");
    assertThat(archive.statusCode()).isEqualTo(200);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        zip.transferTo(content);
        entries.put(entry.getName(), content.toByteArray());
      }
    }
    assertThat(entries).containsKeys("dossier.pdf", "dossier.json", "manifest.json", "SHA256SUMS",
        "reports/" + a + "-evaluation-summary.pdf", "reports/" + b + "-evaluation-summary.pdf");
    assertThat(entries.keySet().stream().filter(n -> n.startsWith("attachments/" + a + "/"))).hasSize(2);
    JsonObject manifest = Json.createReader(new StringReader(new String(entries.get("manifest.json"), StandardCharsets.UTF_8))).readObject();
    assertThat(manifest.getJsonArray("files")).hasSize(entries.size() - 2);
    String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
    for (JsonValue value : manifest.getJsonArray("files")) {
      JsonObject file = value.asJsonObject();
      byte[] content = entries.get(file.getString("name"));
      assertThat(content).as(file.getString("name")).isNotNull();
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      assertThat(file.getString("sha256")).as(file.getString("name")).isEqualTo(sha);
      assertThat(file.getJsonNumber("size").longValue()).isEqualTo(content.length);
      assertThat(sums).contains(sha + "  " + file.getString("name"));
    }
    assertThat(text(entries.get("reports/" + a + "-evaluation-summary.pdf"))).contains("示范项目评审意见汇总表");
  }

  @Test
  void aSpotCheckCampaignsDossierHoldsItsDrawReplayedAndItsInspections() throws Exception {
    HttpResponse<String> started = as("office", "POST", "/api/spot-check-campaigns", "{\"name\":\"档案抽查 " + System.nanoTime()
        + "\",\"shareHigh\":100,\"shareMedium\":10,\"shareLow\":3,\"inspectorsPerInspection\":1}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String campaign = object(started).getString("id");
    HttpResponse<String> json = as("leader", "GET", "/api/transparency/spot-check-campaigns/" + campaign + "/dossier?format=json", null);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    JsonObject dossier = Json.createReader(new StringReader(json.body())).readObject();
    assertThat(dossier.getJsonObject("replay").getBoolean("matches")).as(json.body()).isTrue();
    assertThat(dossier.getJsonObject("draw").getString("seed")).isNotBlank();
    assertThat(dossier.getJsonArray("auditTrail").toString()).contains("spot-check-campaign");
    HttpResponse<byte[]> pdf = bytes("office", "demo", "/api/transparency/spot-check-campaigns/" + campaign + "/dossier");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(squeeze(text(pdf.body()))).contains("抽查档案", "一致MATCH", squeeze(dossier.getJsonObject("draw").getString("seed")));
    assertThat(as("applicant1", "GET", "/api/transparency/spot-check-campaigns/" + campaign + "/dossier", null).statusCode()).isEqualTo(403);
    assertThat(as("office", "GET", "/api/transparency/spot-check-campaigns/no-such/dossier", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aVoucherRoundsDossierHoldsItsLedger() throws Exception {
    HttpResponse<String> round = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"档案算力券 " + System.nanoTime() + "\",\"programme\":\"VOUCHER\","
        + "\"poolTotal\":1000000,\"validUntil\":\"" + OffsetDateTime.now().plusDays(30) + "\"}");
    assertThat(round.statusCode()).as(round.body()).isEqualTo(201);
    String id = object(round).getString("id");
    HttpResponse<String> json = as("office", "GET", "/api/transparency/voucher-rounds/" + id + "/dossier?format=json", null);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    JsonObject dossier = Json.createReader(new StringReader(json.body())).readObject();
    assertThat(dossier.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo(dossier.getJsonNumber("ledgerSum").bigDecimalValue());
    assertThat(dossier.getJsonArray("ledger")).isNotEmpty();
    HttpResponse<byte[]> pdf = bytes("office", "demo", "/api/transparency/voucher-rounds/" + id + "/dossier");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(squeeze(text(pdf.body()))).contains("算力券档案", "资金台账");
    assertThat(as("applicant1", "GET", "/api/transparency/voucher-rounds/" + id + "/dossier", null).statusCode()).isEqualTo(403);
  }
}
