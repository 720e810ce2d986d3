package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A compute supplier's listing in Liberty over HTTP (issue 23): the supplier applies without login and gets a staff
 * account; the office decides in Tasklist (the task and its form over Camunda's REST API) or through the office API;
 * the staff account sees only its own application and its status; bad accounts are refused naming the field, and
 * nothing is stored with them. The correction loop: the office returns an application with a note, its staff correct
 * it (PUT /api/supplier/listing, their own only, never the credit code) and it goes back to the office's review; a
 * window that ends without a correction leaves it lapsed, never listed.
 */
class SupplierListingIT extends ServerItBase {

  private static final String PASSWORD = "secret12345";

  private String application(String name, String creditCode, String userId, String password) {
    return "{\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode + "\",\"legalRepresentative\":\"孙八\",\"shareholders\":[\"孙八\"],"
        + "\"contactEmail\":\"bd@listing.example\",\"user\":{\"userId\":\"" + userId + "\",\"password\":\"" + password + "\",\"name\":\"孙八\"}}";
  }

  private JsonObject listing(String userId) throws Exception {
    HttpResponse<String> answer = asUser(userId, PASSWORD, "GET", "/api/supplier/listing", null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Officials.object(answer);
  }

  @Test
  void aSupplierAppliesTheOfficeListsItInTasklistAndTheStaffFollowItsOwnApplication() throws Exception {
    String run = VoucherIT.run();
    String nameA = "入库甲 " + run;
    String nameB = "入库乙 " + run;
    String userA = "sa" + run;
    String userB = "sb" + run;

    HttpResponse<String> appliedA = anonymous("POST", "/api/compute-suppliers", application(nameA, VoucherIT.randomCreditCode(), userA, PASSWORD));
    assertThat(appliedA.statusCode()).as(appliedA.body()).isEqualTo(201);
    String supplierA = Officials.object(appliedA).getString("id");
    HttpResponse<String> appliedB = anonymous("POST", "/api/compute-suppliers", application(nameB, VoucherIT.randomCreditCode(), userB, PASSWORD));
    assertThat(appliedB.statusCode()).as(appliedB.body()).isEqualTo(201);
    String supplierB = Officials.object(appliedB).getString("id");

    // each staff account sees its own application, pending, and never the other's
    assertThat(listing(userA).getString("id")).isEqualTo(supplierA);
    assertThat(listing(userA).getString("status")).isEqualTo("PENDING");
    assertThat(asUser(userB, PASSWORD, "GET", "/api/supplier/listing", null).body()).contains(nameB).doesNotContain(nameA).doesNotContain(supplierA);
    assertThat(asUser(userA, PASSWORD, "GET", "/api/compute-suppliers/applications", null).statusCode()).isEqualTo(403);
    assertThat(as("applicant1", "GET", "/api/supplier/listing", null).statusCode()).isEqualTo(403);
    assertThat(anonymous("GET", "/api/supplier/listing", null).statusCode()).isEqualTo(401);

    // the office's task in Tasklist, with its form, due date and candidate group
    JsonObject task = officials.awaitTasks(supplierA, "userTask_reviewListing", 1).getJsonObject(0);
    assertThat(task.isNull("due")).as("a due date").isFalse();
    HttpResponse<String> form = as("office", "GET", "/engine-rest/task/" + task.getString("id") + "/deployed-form", null);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("reviewListing").contains("\"decision\"").contains("RETURNED");
    HttpResponse<String> officeTasks = as("office", "GET", "/engine-rest/task?processInstanceBusinessKey=" + supplierA + "&candidateGroup=programme-office",
        null);
    assertThat(officeTasks.body()).contains(task.getString("id"));
    officials.complete("office", task, Officials.string("listed", "true") + "," + Officials.string("comment", "资质齐全 " + run));

    JsonObject listed = listing(userA);
    assertThat(listed.getString("status")).isEqualTo("LISTED");
    assertThat(listed.getString("decisionNote")).isEqualTo("资质齐全 " + run);
    assertThat(anonymous("GET", "/api/compute-suppliers", null).body()).contains(supplierA).doesNotContain(supplierB);
    assertThat(officials.tasks(supplierA, "userTask_reviewListing")).isEmpty();

    // the office refuses B through the API: the same task is completed, the reasons reach B's staff
    HttpResponse<String> refused = as("office", "POST", "/api/compute-suppliers/" + supplierB + "/decision", "{\"listed\":false,\"note\":\"缺少资质证明\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    assertThat(Officials.object(refused).getString("status")).isEqualTo("REFUSED");
    assertThat(officials.tasks(supplierB, "userTask_reviewListing")).isEmpty();
    JsonObject refusedView = listing(userB);
    assertThat(refusedView.getString("status")).isEqualTo("REFUSED");
    assertThat(refusedView.getString("decisionNote")).isEqualTo("缺少资质证明");
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierB + "/decision", "{\"listed\":true}"), 409,
        "compute-supplier.decided", null);
    assertThat(anonymous("GET", "/api/compute-suppliers", null).body()).doesNotContain(supplierB);
  }

  @Test
  void aBadStaffAccountIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String run = VoucherIT.run();
    String creditCode = VoucherIT.randomCreditCode();

    VoucherIT.refusedWith(anonymous("POST", "/api/compute-suppliers", application("弱密码 " + run, creditCode, "sw" + run, "short")), 400,
        "password.weak", "user.password");
    VoucherIT.refusedWith(anonymous("POST", "/api/compute-suppliers", application("占用 " + run, creditCode, "office", PASSWORD)), 409,
        "user-id.taken", "user.userId");
    VoucherIT.refusedWith(anonymous("POST", "/api/compute-suppliers", application("字符 " + run, creditCode, "a b", PASSWORD)), 400,
        "user-id.characters", "user.userId");

    // none of the refused applications stored the supplier: the credit code is still free
    HttpResponse<String> applied = anonymous("POST", "/api/compute-suppliers", application("补交 " + run, creditCode, "sw" + run, PASSWORD));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    VoucherIT.refusedWith(anonymous("POST", "/api/compute-suppliers", application("重复 " + run, creditCode, "sx" + run, PASSWORD)), 409,
        "compute-supplier.exists", "creditCode");
    assertThat(asUser("sx" + run, PASSWORD, "GET", "/api/supplier/listing", null).statusCode()).as("no account for a refused application")
        .isEqualTo(401);
  }

  private String apply(String name, String userId) throws Exception {
    HttpResponse<String> applied = anonymous("POST", "/api/compute-suppliers", application(name, VoucherIT.randomCreditCode(), userId, PASSWORD));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    return Officials.object(applied).getString("id");
  }

  private static String correction(String name, String email) {
    return "{\"name\":\"" + name + "\",\"creditCode\":\"91110000000000000X\",\"legalRepresentative\":\"孙八\",\"shareholders\":[\"孙八\",\"钱七\"],"
        + "\"contactEmail\":\"" + email + "\"}";
  }

  @Test
  void theOfficeReturnsAnApplicationItsStaffCorrectItAndTheSecondReviewListsIt() throws Exception {
    String run = VoucherIT.run();
    String nameA = "补正甲 " + run;
    String userA = "ca" + run;
    String userB = "cb" + run;
    String supplierA = apply(nameA, userA);
    String supplierB = apply("补正乙 " + run, userB);
    String creditCodeA = listing(userA).getString("creditCode");

    // nothing waits for a correction yet: 409 with the reason in both languages
    HttpResponse<String> early = asUser(userA, PASSWORD, "PUT", "/api/supplier/listing", correction("改名 " + run, "new@listing.example"));
    VoucherIT.refusedWith(early, 409, "compute-supplier.not-returned", null);
    assertThat(Officials.object(early).getJsonObject("messages").getString("zh")).contains("没有等待更正");
    assertThat(Officials.object(early).getJsonObject("messages").getString("en")).contains("nothing is waiting for a correction");

    // the office's decision is checked naming the field
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"decision\":\"RETURNED\"}"), 400,
        "field.required", "note");
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"decision\":\"MAYBE\"}"), 400,
        "field.invalid", "decision");
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"decision\":\"RETURNED\",\"listed\":true,\"note\":\"x\"}"),
        400, "field.contradictory", "listed");
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"note\":\"x\"}"), 400, "field.required", "decision");

    // the office returns A in Tasklist with the form's third choice and a note
    JsonObject task = officials.awaitTasks(supplierA, "userTask_reviewListing", 1).getJsonObject(0);
    officials.complete("office", task, Officials.string("decision", "RETURNED") + "," + Officials.string("comment", "请补充全部股东 " + run));
    JsonObject returned = listing(userA);
    assertThat(returned.getString("status")).isEqualTo("RETURNED");
    assertThat(returned.getString("decisionNote")).isEqualTo("请补充全部股东 " + run);
    assertThat(returned.isNull("correctionDueAt")).as("the window's end").isFalse();
    assertThat(officials.tasks(supplierA, "userTask_reviewListing")).isEmpty();
    // a listing waiting for the supplier cannot be decided by the office meanwhile
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"listed\":true}"), 409,
        "compute-supplier.awaiting-correction", null);

    // only A's own staff correct A: B's staff have nothing returned (409) and A is untouched; others are refused
    VoucherIT.refusedWith(asUser(userB, PASSWORD, "PUT", "/api/supplier/listing", correction("劫持 " + run, "x@listing.example")), 409,
        "compute-supplier.not-returned", null);
    assertThat(as("applicant1", "PUT", "/api/supplier/listing", correction("劫持 " + run, "x@listing.example")).statusCode()).isEqualTo(403);
    assertThat(anonymous("PUT", "/api/supplier/listing", correction("劫持 " + run, "x@listing.example")).statusCode()).isEqualTo(401);
    assertThat(listing(userA).getString("name")).isEqualTo(nameA);
    assertThat(listing(userB).getString("status")).isEqualTo("PENDING");
    // a bad correction is refused naming the field and changes nothing
    VoucherIT.refusedWith(asUser(userA, PASSWORD, "PUT", "/api/supplier/listing", correction("改名 " + run, "not-an-email")), 400, "email.invalid",
        "contactEmail");
    assertThat(listing(userA).getString("status")).isEqualTo("RETURNED");

    // the correction: everything but the credit code (a credit code in the body is ignored), back to the office's review
    HttpResponse<String> corrected = asUser(userA, PASSWORD, "PUT", "/api/supplier/listing", correction("补正甲（更正）" + run, "new@listing.example"));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonObject view = Officials.object(corrected);
    assertThat(view.getString("status")).isEqualTo("PENDING");
    assertThat(view.getString("name")).isEqualTo("补正甲（更正）" + run);
    assertThat(view.getString("creditCode")).isEqualTo(creditCodeA);
    assertThat(view.getJsonArray("shareholders").getString(1)).isEqualTo("钱七");
    assertThat(view.getString("contactEmail")).isEqualTo("new@listing.example");
    assertThat(view.isNull("correctedAt")).isFalse();
    VoucherIT.refusedWith(asUser(userA, PASSWORD, "PUT", "/api/supplier/listing", correction("再改 " + run, "new@listing.example")), 409,
        "compute-supplier.not-returned", null);

    // the second review shows the corrected details and starts without the first one's decision
    JsonObject second = officials.awaitTasks(supplierA, "userTask_reviewListing", 1).getJsonObject(0);
    HttpResponse<String> variables = as("office", "GET", "/engine-rest/task/" + second.getString("id") + "/form-variables", null);
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(variables.body()).contains("补正甲（更正）" + run).contains("钱七");
    HttpResponse<String> listed = as("office", "POST", "/api/compute-suppliers/" + supplierA + "/decision", "{\"decision\":\"LISTED\",\"note\":\"已补正\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(listing(userA).getString("status")).isEqualTo("LISTED");
    assertThat(anonymous("GET", "/api/compute-suppliers", null).body()).contains(supplierA).contains("补正甲（更正）" + run).doesNotContain(supplierB);
  }

  @Test
  void aReturnedApplicationThatIsNotCorrectedInTimeLapsesNeverListed() throws Exception {
    String run = VoucherIT.run();
    String user = "cl" + run;
    String supplier = apply("逾期 " + run, user);
    HttpResponse<String> returned = as("office", "POST", "/api/compute-suppliers/" + supplier + "/decision",
        "{\"decision\":\"RETURNED\",\"note\":\"请补充法定代表人身份证明\"}");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
    assertThat(Officials.object(returned).getString("status")).isEqualTo("RETURNED");

    officials.fireTimer(supplier, "supplierListing", "boundaryTimer_correctionWindow");

    JsonObject lapsed = listing(user);
    assertThat(lapsed.getString("status")).isEqualTo("LAPSED");
    assertThat(officials.tasks(supplier, "userTask_reviewListing")).isEmpty();
    VoucherIT.refusedWith(asUser(user, PASSWORD, "PUT", "/api/supplier/listing", correction("迟到 " + run, "late@listing.example")), 409,
        "compute-supplier.not-returned", null);
    VoucherIT.refusedWith(as("office", "POST", "/api/compute-suppliers/" + supplier + "/decision", "{\"listed\":true}"), 409,
        "compute-supplier.decided", null);
    assertThat(anonymous("GET", "/api/compute-suppliers", null).body()).doesNotContain(supplier);
  }
}
