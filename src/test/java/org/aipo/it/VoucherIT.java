package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Compute vouchers in Liberty over HTTP (docs/domain.md programme 4, issue 23): the office opens a round and lists
 * suppliers, a firm applies and is refused at once for a related supplier, over its annual cap and for a closed
 * round; experts and the office review in Tasklist's API; the voucher is issued, redeemed with contract, invoices
 * and usage, verified and paid with the difference back in the pool; another lapses at expiry. A race: 20
 * approvals at once against a pool that covers 7, then the same invoice number redeemed at once for several vouchers.
 */
class VoucherIT extends ServerItBase {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  static String randomCreditCode() {
    StringBuilder first = new StringBuilder("91310115");
    for (int i = 0; i < 9; i++) {
      first.append(CHARSET.charAt(ThreadLocalRandom.current().nextInt(CHARSET.length())));
    }
    return Applicants.creditCode(first.toString());
  }

  static String run() {
    return Long.toString(System.nanoTime(), 36);
  }

  /** The office opens a VOUCHER round; its id. */
  String openRound(String name, long pool, OffsetDateTime validUntilAsGiven, long expertThreshold) throws Exception {
    OffsetDateTime validUntil = validUntilAsGiven.truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> opened = as("office", "POST", "/api/voucher-rounds", "{\"name\":\"" + name + "\",\"programme\":\"VOUCHER\",\"poolTotal\":"
        + pool + ",\"validUntil\":\"" + validUntil + "\",\"expertThreshold\":" + expertThreshold + ",\"reminderDays\":30}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    JsonObject round = Officials.object(opened);
    assertThat(Instant.parse(round.getString("validUntil"))).as("a TIMESTAMP WITH TIME ZONE column keeps the instant")
        .isEqualTo(validUntil.toInstant());
    return round.getString("id");
  }

  /** A supplier applies (no login) and the office lists it; its id. */
  String listedSupplier(String name, String legalRepresentative) throws Exception {
    HttpResponse<String> applied = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"" + name + "\",\"creditCode\":\"" + randomCreditCode()
        + "\",\"legalRepresentative\":\"" + legalRepresentative + "\",\"shareholders\":[\"" + legalRepresentative + "\",\"某算力投资有限公司\"],"
        + "\"contactEmail\":\"bd@compute.example\"}");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String id = Officials.object(applied).getString("id");
    assertThat(Officials.object(applied).getString("status")).isEqualTo("PENDING");
    HttpResponse<String> listed = as("office", "POST", "/api/compute-suppliers/" + id + "/decision", "{\"listed\":true,\"note\":\"资质齐全\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    return id;
  }

  /** A firm registers with its first user (password below); the user id. */
  String firm(String run) throws Exception {
    String user = "vf" + run;
    HttpResponse<String> registered = anonymous("POST", "/api/applicant/organisations", Applicants.registration("算力应用企业 " + run, randomCreditCode(),
        user, "secret12345", user + "@firm.example"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return user;
  }

  HttpResponse<String> asFirm(String user, String method, String path, String json) throws Exception {
    return asUser(user, "secret12345", method, path, json);
  }

  static String application(String round, String supplier, long expectedValue, String level) {
    return "{\"roundId\":\"" + round + "\",\"supplierId\":\"" + supplier + "\",\"use\":\"TRAINING\",\"model\":\"行业大模型 7B\",\"gpuHours\":20000,"
        + "\"clusterScale\":\"medium\",\"achievementLevel\":\"" + level + "\",\"expectedValue\":" + expectedValue + ",\"legalRepresentative\":\"王明\","
        + "\"shareholders\":[\"王明\"],\"relatedCreditCodes\":[]}";
  }

  static String redemption(String contract, long contractValue, String invoice, long invoiced, long usageValue) {
    return "{\"contractNumber\":\"" + contract + "\",\"contractValue\":" + contractValue + ",\"invoices\":[{\"number\":\"" + invoice + "\",\"amount\":"
        + invoiced + "}],\"usage\":[{\"period\":\"2027-05\",\"gpuHours\":5000,\"value\":" + usageValue + "}]}";
  }

  /** The firm uploads a redemption file (raw PDF body, name and kind in the query); the answer. */
  HttpResponse<String> uploadFile(String user, String voucher, String kind, String name, byte[] content) throws Exception {
    return client.upload("/api/applicant/vouchers/" + voucher + "/files?kind=" + kind + "&name="
        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), "application/pdf", content,
        "Authorization", WebClient.basic(user, "secret12345"));
  }

  /** Uploads the contract and an invoice (what a redemption needs at least); the contract file's id. */
  String uploadContractAndInvoice(String user, String voucher) throws Exception {
    HttpResponse<String> contract = uploadFile(user, voucher, "contract", "合同.pdf", Pdfs.of("contract"));
    assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
    HttpResponse<String> invoice = uploadFile(user, voucher, "invoice", "invoice-1.pdf", Pdfs.of("invoice"));
    assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);
    return Officials.object(contract).getString("id");
  }

  static void refusedWith(HttpResponse<String> answer, int status, String code, String field) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    JsonObject problem = Officials.object(answer);
    assertThat(problem.getString("code")).as(answer.body()).isEqualTo(code);
    if (field != null) {
      assertThat(problem.getString("field")).isEqualTo(field);
    }
  }

  JsonObject roundView(String round) throws Exception {
    HttpResponse<String> answer = as("office", "GET", "/api/voucher-rounds/" + round, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject view = Officials.object(answer);
    java.math.BigDecimal sum = view.getJsonArray("ledger").stream().map(e -> e.asJsonObject().getJsonNumber("amount").bigDecimalValue())
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    assertThat(view.getJsonNumber("balance").bigDecimalValue()).as("the balance is the sum of the ledger").isEqualByComparingTo(sum);
    return view;
  }

  JsonObject publicAggregate(String round) throws Exception {
    HttpResponse<String> answer = anonymous("GET", "/api/public/voucher-rounds", null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return ((JsonArray) WebClient.json(answer)).stream().map(JsonValue::asJsonObject).filter(r -> r.getString("id").equals(round)).findFirst()
        .orElseThrow();
  }

  @Test
  void aVoucherFromApplicationThroughExpertAndOfficeReviewToPartialPayment() throws Exception {
    String run = run();
    OffsetDateTime validUntil = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60).truncatedTo(ChronoUnit.SECONDS);
    String round = openRound("算力券 IT " + run, 2_000_000, validUntil, 500_000);
    String supplier = listedSupplier("智算云 " + run, "赵六");
    String related = listedSupplier("关联算力 " + run, "王明");
    HttpResponse<String> pending = anonymous("POST", "/api/compute-suppliers", "{\"name\":\"未入库 " + run + "\",\"creditCode\":\"" + randomCreditCode()
        + "\",\"legalRepresentative\":\"钱七\",\"shareholders\":[],\"contactEmail\":\"x@compute.example\"}");
    String unlisted = Officials.object(pending).getString("id");
    assertThat(anonymous("GET", "/api/compute-suppliers", null).body()).contains(supplier).doesNotContain(unlisted);
    String user = firm(run);

    // refused at once, with the reason, naming the field
    HttpResponse<String> relatedParty = asFirm(user, "POST", "/api/applicant/vouchers", application(round, related, 600_000, "filed"));
    refusedWith(relatedParty, 409, "voucher.related-party", "supplierId");
    assertThat(relatedParty.body()).contains("法定代表人").contains("legal representative");
    refusedWith(asFirm(user, "POST", "/api/applicant/vouchers", application(round, unlisted, 600_000, "filed")), 400, "voucher.supplier-not-listed",
        "supplierId");

    // 30 % of 600,000 (a company with a filed model): 180,000; above the round's expert threshold of 500,000
    HttpResponse<String> applied = asFirm(user, "POST", "/api/applicant/vouchers", application(round, supplier, 600_000, "filed"));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    JsonObject voucher = Officials.object(applied);
    String id = voucher.getString("id");
    assertThat(voucher.getString("status")).isEqualTo("APPLIED");
    assertThat(voucher.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("180000");
    assertThat(voucher.getString("ruleReason")).contains("30%");

    // the firm's cap per year is 1,000,000: another 900,000 would exceed it
    refusedWith(asFirm(user, "POST", "/api/applicant/vouchers", application(round, supplier, 3_000_000, "filed")), 409, "voucher.annual-cap",
        "expectedValue");

    officials.completeOne("expert1", id, "userTask_expertOpinion", "\"expertRecommends\":{\"value\":true,\"type\":\"Boolean\"},"
        + Officials.string("expertOpinion", "计划合理，金额相称"));
    officials.completeOne("office", id, "userTask_reviewVoucher", Officials.string("approved", "true") + "," + Officials.string("comment", "同意"));

    JsonObject issued = Officials.object(asFirm(user, "GET", "/api/applicant/vouchers/" + id, null));
    assertThat(issued.getString("status")).isEqualTo("ISSUED");
    assertThat(issued.getString("number")).startsWith("CV");
    assertThat(Instant.parse(issued.getString("expiresAt"))).isEqualTo(validUntil.toInstant());
    JsonObject afterIssue = roundView(round);
    assertThat(afterIssue.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("1820000");
    assertThat(afterIssue.getJsonNumber("reserved").bigDecimalValue()).isEqualByComparingTo("180000");

    // usage that does not cover the invoices is refused; then the redemption goes in
    refusedWith(asFirm(user, "POST", "/api/applicant/vouchers/" + id + "/redemption", redemption("HT-" + run, 500_000, "INV-" + run, 300_000, 100_000)),
        400, "voucher.usage-short", "usage");
    // no files yet: the contract and an invoice as PDFs are required
    HttpResponse<String> withoutFiles = asFirm(user, "POST", "/api/applicant/vouchers/" + id + "/redemption",
        redemption("HT-" + run, 500_000, "INV-" + run, 300_000, 300_000));
    refusedWith(withoutFiles, 400, "voucher.file-missing", "files");
    assertThat(withoutFiles.body()).contains("合同").contains("contract");
    // what is not a readable, unencrypted PDF of at most 10 MB is refused, naming the file
    HttpResponse<String> notPdf = uploadFile(user, id, "contract", "contract.docx", "PK\u0003\u0004 word".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    refusedWith(notPdf, 400, "attachment.not-pdf", "file");
    assertThat(notPdf.body()).contains("contract.docx");
    refusedWith(uploadFile(user, id, "contract", "locked.pdf", Pdfs.encrypted()), 400, "attachment.encrypted", "file");
    refusedWith(uploadFile(user, id, "invoice", "broken.pdf", Pdfs.broken()), 400, "attachment.broken-pdf", "file");
    byte[] huge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, huge, 0, 5);
    HttpResponse<String> tooLarge = uploadFile(user, id, "usage", "huge.pdf", huge);
    refusedWith(tooLarge, 413, "attachment.too-large", "file");
    assertThat(tooLarge.body()).contains("huge.pdf");
    refusedWith(uploadFile(user, id, "receipt", "r.pdf", Pdfs.of("r")), 400, "voucher.file-kind", "kind");
    HttpResponse<String> contractOnly = uploadFile(user, id, "contract", "合同.pdf", Pdfs.of("contract HT"));
    assertThat(contractOnly.statusCode()).as(contractOnly.body()).isEqualTo(201);
    String contractFile = Officials.object(contractOnly).getString("id");
    HttpResponse<String> noInvoice = asFirm(user, "POST", "/api/applicant/vouchers/" + id + "/redemption",
        redemption("HT-" + run, 500_000, "INV-" + run, 300_000, 300_000));
    refusedWith(noInvoice, 400, "voucher.file-missing", "files");
    assertThat(noInvoice.body()).contains("invoice");
    assertThat(uploadFile(user, id, "invoice", "发票 1.pdf", Pdfs.of("invoice 1")).statusCode()).isEqualTo(201);
    assertThat(uploadFile(user, id, "usage", "usage-2027-05.pdf", Pdfs.of("usage")).statusCode()).isEqualTo(201);
    JsonArray files = (JsonArray) WebClient.json(asFirm(user, "GET", "/api/applicant/vouchers/" + id + "/files", null));
    assertThat(files.stream().map(f -> f.asJsonObject().getString("kind")).toList()).containsExactly("contract", "invoice", "usage");
    assertThat(files.getJsonObject(0).getString("url")).isEqualTo("/api/voucher-files/" + contractFile);

    // the firm's own users and officials read a file; another firm, an expert and the public do not (404 / 401)
    HttpResponse<byte[]> own = client.bytes("/api/voucher-files/" + contractFile, "Authorization", WebClient.basic(user, "secret12345"));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(Pdfs.text(own.body())).contains("contract HT");
    String other = firm(run + "b");
    refusedWith(asFirm(other, "GET", "/api/voucher-files/" + contractFile, null), 404, "voucher.file-not-found", null);
    refusedWith(asFirm(other, "GET", "/api/applicant/vouchers/" + id + "/files", null), 404, "voucher.not-found", null);
    refusedWith(as("expert1", "GET", "/api/voucher-files/" + contractFile, null), 404, "voucher.file-not-found", null);
    assertThat(anonymous("GET", "/api/voucher-files/" + contractFile, null).statusCode()).isEqualTo(401);

    HttpResponse<String> redeemed = asFirm(user, "POST", "/api/applicant/vouchers/" + id + "/redemption",
        redemption("HT-" + run, 500_000, "INV-" + run, 300_000, 300_000));
    assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
    assertThat(Officials.object(redeemed).getString("status")).isEqualTo("REDEMPTION_SUBMITTED");
    refusedWith(uploadFile(user, id, "invoice", "late.pdf", Pdfs.of("late")), 409, "voucher.files-closed", null);

    // the office's verification form links the files; the office opens one; every download is on record
    JsonObject verify = officials.awaitTasks(id, "userTask_verifyRedemption", 1).getJsonObject(0);
    HttpResponse<String> summary = as("office", "GET", "/engine-rest/task/" + verify.getString("id") + "/variables/redemptionSummaryMarkdown", null);
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    // each link names the task it is opened for (voucherFileLinks), so the download's record names it
    assertThat(Officials.object(summary).getString("value")).contains("](/api/voucher-files/" + contractFile + "?task=" + verify.getString("id") + ")")
        .doesNotContain(contractFile + ")").as("the firm's file names are escaped").contains("usage\\-2027\\-05\\.pdf");
    HttpResponse<byte[]> byOffice = client.bytes("/api/voucher-files/" + contractFile + "?task=" + verify.getString("id"), "Authorization",
        WebClient.basic("office", "demo"));
    assertThat(byOffice.statusCode()).isEqualTo(200);
    HttpResponse<String> officeList = as("office", "GET", "/api/voucher-files?voucherId=" + id, null);
    assertThat(officeList.statusCode()).as(officeList.body()).isEqualTo(200);
    assertThat((JsonArray) WebClient.json(officeList)).hasSize(3);
    refusedWith(asFirm(user, "GET", "/api/voucher-files?voucherId=" + id, null), 403, "auth.role", null);
    HttpResponse<String> reads = as("office", "GET", "/api/voucher-files/reads?voucherId=" + id, null);
    assertThat(reads.statusCode()).as(reads.body()).isEqualTo(200);
    assertThat(((JsonArray) WebClient.json(reads)).stream().map(r -> r.asJsonObject().getString("reader")).toList()).containsExactly(user, "office");
    assertThat(((JsonArray) WebClient.json(reads)).getJsonObject(1).getString("detail")).as("the office's read names the task")
        .contains("task " + verify.getString("id"));
    refusedWith(asFirm(user, "GET", "/api/voucher-files/reads?voucherId=" + id, null), 403, "auth.role", null);

    officials.completeOne("office", id, "userTask_verifyRedemption", Officials.string("verified", "true")
        + ",\"verifiedValue\":{\"value\":250000,\"type\":\"Double\"}," + Officials.string("comment", "核定 250000"));

    // 30 % of the verified 250,000 = 75,000 paid; 105,000 of the 180,000 reserve returns to the pool
    JsonObject paid = Officials.object(asFirm(user, "GET", "/api/applicant/vouchers/" + id, null));
    assertThat(paid.getString("status")).isEqualTo("REDEEMED");
    assertThat(paid.getJsonNumber("paid").bigDecimalValue()).isEqualByComparingTo("75000");
    assertThat(paid.getJsonNumber("returnedToPool").bigDecimalValue()).isEqualByComparingTo("105000");
    JsonObject afterPayment = roundView(round);
    assertThat(afterPayment.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("1925000");
    List<String> kinds = afterPayment.getJsonArray("ledger").stream().map(e -> e.asJsonObject().getString("kind")).toList();
    assertThat(kinds.subList(0, 2)).containsExactly("FUNDING", "RESERVE");
    assertThat(kinds.subList(2, kinds.size())).as("booked together on payment").containsExactlyInAnyOrder("RELEASE", "PAYMENT");
    JsonObject aggregate = publicAggregate(round);
    assertThat(aggregate.getInt("issuedCount")).isEqualTo(1);
    assertThat(aggregate.getInt("redeemedCount")).isEqualTo(1);
    assertThat(aggregate.getJsonNumber("paidAmount").bigDecimalValue()).isEqualByComparingTo("75000");
    assertThat(aggregate.toString()).doesNotContain(user).doesNotContain("算力应用企业");
    // the firm's contact was told of the issue and of the payment, each once, in the outbox
    jakarta.json.JsonArray outbox = Officials.object(as("admin", "GET", "/api/outbox?limit=500", null)).getJsonArray("messages");
    List<JsonObject> told = outbox.stream().map(jakarta.json.JsonValue::asJsonObject)
        .filter(m -> m.getString("eventKey").endsWith(":" + id) && m.getString("eventKey").startsWith("voucher-")).toList();
    assertThat(told).extracting(m -> m.getString("eventKey")).containsExactlyInAnyOrder("voucher-issued:" + id, "voucher-paid:" + id);
    assertThat(told).allSatisfy(m -> assertThat(m.getString("link")).endsWith("/portal/#/vouchers/" + id));
    assertThat(told.stream().filter(m -> m.getString("eventKey").startsWith("voucher-paid")).findFirst().orElseThrow().getString("body"))
        .contains("75000.00");

    // the same contract can never be redeemed again, and a closed round takes no application
    HttpResponse<String> closed = as("office", "POST", "/api/voucher-rounds/" + round + "/close", null);
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    refusedWith(asFirm(user, "POST", "/api/applicant/vouchers", application(round, supplier, 100_000, "filed")), 409, "voucher-round.closed", "roundId");
  }

  @Test
  void twentyApprovalsAtOnceAgainstAPoolForSevenAndOneInvoiceRedeemedAtOnceForSevenVouchers() throws Exception {
    String run = run();
    String round = openRound("算力券竞争 " + run, 70_000, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60), 1_000_000);
    String supplier = listedSupplier("竞争智算 " + run, "孙八");
    String user = firm(run);
    List<String> vouchers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // 20 % of 50,000 = 10,000 each
      HttpResponse<String> applied = asFirm(user, "POST", "/api/applicant/vouchers", application(round, supplier, 50_000, "none"));
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
      vouchers.add(Officials.object(applied).getString("id"));
    }
    List<JsonObject> reviews = new ArrayList<>();
    for (String voucher : vouchers) {
      reviews.add(officials.awaitTasks(voucher, "userTask_reviewVoucher", 1).getJsonObject(0));
    }

    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<HttpResponse<String>>> approvals = new ArrayList<>();
      for (JsonObject task : reviews) {
        approvals.add(() -> new Officials(newClient()).as("office", "POST", "/engine-rest/task/" + task.getString("id") + "/complete",
            "{\"variables\":{" + Officials.string("approved", "true") + "}}"));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : pool.invokeAll(approvals)) {
        answers.add(answer.get());
      }
      assertThat(answers.stream().filter(a -> a.statusCode() == 204).count()).as("approved").isEqualTo(7);
      List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 204).toList();
      assertThat(refused).hasSize(13).allSatisfy(a -> {
        assertThat(a.statusCode()).as(a.body()).isEqualTo(409);
        assertThat(a.body()).contains("0.00 yuan left");
      });
      JsonObject view = roundView(round);
      assertThat(view.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("0");
      assertThat(view.getJsonObject("issued").getInt("count")).isEqualTo(7);

      // the office refuses the 13 it could not approve
      List<String> issued = new ArrayList<>();
      for (String voucher : vouchers) {
        JsonArray open = officials.tasks(voucher, "userTask_reviewVoucher");
        if (open.isEmpty()) {
          issued.add(voucher);
        } else {
          officials.complete("office", open.getJsonObject(0), Officials.string("approved", "false") + "," + Officials.string("comment", "资金池已用完"));
        }
      }
      assertThat(issued).hasSize(7);

      for (String voucher : issued) {
        uploadContractAndInvoice(user, voucher);
      }
      // ten redemptions at once, over the seven vouchers, all with one invoice number: exactly one goes in
      List<Callable<HttpResponse<String>>> redemptions = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String voucher = issued.get(i % issued.size());
        String contract = "HT-" + run + "-" + i;
        redemptions.add(() -> newClient().send("POST", "/api/applicant/vouchers/" + voucher + "/redemption", "application/json",
            redemption(contract, 50_000, "INV-" + run + "-SAME", 40_000, 40_000), "Authorization", WebClient.basic(user, "secret12345")));
      }
      List<HttpResponse<String>> redeemed = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : pool.invokeAll(redemptions)) {
        redeemed.add(answer.get());
      }
      assertThat(redeemed.stream().filter(a -> a.statusCode() == 200).count()).as(redeemed.stream().map(HttpResponse::body).toList().toString())
          .isEqualTo(1);
      assertThat(redeemed.stream().filter(a -> a.statusCode() != 200)).hasSize(9).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(409));
      long verifications = 0;
      for (String voucher : issued) {
        verifications += officials.tasks(voucher, "userTask_verifyRedemption").size();
      }
      assertThat(verifications).as("one redemption to verify").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aVoucherNotRedeemedLapsesAtExpiryAfterAReminderAndItsReserveReturns() throws Exception {
    String run = run();
    String round = openRound("算力券失效 " + run, 1_000_000, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(60), 1_000_000);
    String supplier = listedSupplier("失效智算 " + run, "周九");
    String user = firm(run);
    String id = Officials.object(asFirm(user, "POST", "/api/applicant/vouchers", application(round, supplier, 100_000, "none"))).getString("id");
    officials.completeOne("office", id, "userTask_reviewVoucher", Officials.string("approved", "true"));
    assertThat(roundView(round).getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("980000");

    officials.fireTimer(id, "voucherLifecycle", "boundaryTimer_expiryReminder");
    officials.fireTimer(id, "voucherLifecycle", "boundaryTimer_voucherExpired");

    JsonObject lapsed = Officials.object(asFirm(user, "GET", "/api/applicant/vouchers/" + id, null));
    assertThat(lapsed.getString("status")).isEqualTo("LAPSED");
    JsonObject view = roundView(round);
    assertThat(view.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("1000000");
    assertThat(view.getJsonObject("lapsed").getInt("count")).isEqualTo(1);
    assertThat(publicAggregate(round).getJsonNumber("lapsedAmount").bigDecimalValue()).isEqualByComparingTo("20000");
    String instance = ((JsonArray) WebClient.json(as("admin", "GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + id, null)))
        .getJsonObject(0).getString("id");
    HttpResponse<String> history = as("admin", "GET", "/engine-rest/history/activity-instance?processInstanceId=" + instance
        + "&activityId=serviceTask_remindExpiry", null);
    assertThat((JsonArray) WebClient.json(history)).as("the reminder ran before the lapse").hasSize(1);
    // a lapsed voucher is not redeemed
    refusedWith(asFirm(user, "POST", "/api/applicant/vouchers/" + id + "/redemption", redemption("HT-L-" + run, 100_000, "INV-L-" + run, 1000, 1000)),
        409, "voucher.not-redeemable", null);
  }
}
