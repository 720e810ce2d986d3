package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the console's tests set up through the API: a call asking for one document, an organisation, many submitted proposals. */
final class Consoles {

  static final String PASSWORD = "Password2026x";

  private Consoles() {
  }

  /**
   * The programme office opens a robotics call whose only required document is the application (the budget sheet
   * optional; the other kinds as by default, since other tests pick any open call); its id.
   */
  static String openCall(Officials officials, String title) throws Exception {
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    HttpResponse<String> opened = officials.as("office", "POST", "/api/calls", "{\"title\":\"" + title + "\",\"fields\":[\"robotics\"],"
        + "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(30) + "\",\"budget\":90000000,\"maxAward\":1000000,"
        + "\"awardCount\":50,\"documentKinds\":[{\"kind\":\"application\",\"required\":true,\"maxMegabytes\":10,\"maxCount\":1},"
        + "{\"kind\":\"budget\",\"required\":false,\"maxMegabytes\":5,\"maxCount\":1},{\"kind\":\"qualification\",\"required\":false,\"maxMegabytes\":5,\"maxCount\":10},"
        + "{\"kind\":\"other\",\"required\":false,\"maxMegabytes\":10,\"maxCount\":5}]}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return Officials.object(opened).getString("id");
  }

  /** A new organisation whose user is {@code userId} (password {@link #PASSWORD}), unique by {@code unique}. */
  static void register(WebClient client, String unique, String userId) throws Exception {
    String tail = ("AAAAAAAAA" + unique.toUpperCase()).replaceAll("[^0-9A-HJ-NP-RT-UW-Y]", "A");
    String code = Applicants.creditCode("91310000" + tail.substring(tail.length() - 9));
    HttpResponse<String> registered = client.send("POST", "/api/applicant/organisations", "application/json",
        Applicants.registration("批量公司" + unique, code, userId, PASSWORD, userId + "@bulk.example"));
    assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
  }

  /** {@code count} proposals titled 批量项目 0… with budgets 100000 + n, submitted two at a time (a user may upload two files at once: more are 429, aipo.upload.maxConcurrentPerUser); their ids in that order. */
  static List<String> submit(WebClient client, String call, String userId, int count) throws Exception {
    byte[] pdf = Pdfs.of("application document");
    String auth = WebClient.basic(userId, PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> submitted = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        submitted.add(pool.submit(() -> {
          HttpResponse<String> draft = client.send("POST", "/api/applicant/proposals", "application/json", "{\"callId\":\"" + call
              + "\",\"title\":\"批量项目 " + n + "\",\"field\":\"robotics\",\"summary\":\"摘要\",\"technicalApproach\":\"路线\","
              + "\"indicators\":[{\"name\":\"考核指标\",\"unit\":\"项\",\"baseline\":0,\"target\":3}],\"expectedOutcomes\":\"指标\",\"team\":\"团队\",\"budget\":" + (100000 + n) + "}", "Authorization", auth);
          assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
          String id = Officials.object(draft).getString("id");
          HttpResponse<String> stored = Pdfs.upload(client, userId, PASSWORD, id, "application", "申报书.pdf", pdf);
          assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
          HttpResponse<String> submit = client.send("POST", "/api/applicant/proposals/" + id + "/submit", null, null, "Authorization", auth);
          assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
          return id;
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : submitted) {
        ids.add(f.get());
      }
      return ids;
    } finally {
      pool.shutdown();
    }
  }
}
