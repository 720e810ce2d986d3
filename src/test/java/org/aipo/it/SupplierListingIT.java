package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A compute supplier's listing in Liberty over HTTP (issue 23): the supplier applies without login and gets a staff
 * account; the office decides in Tasklist (the task and its form over Camunda's REST API) or through the office API;
 * the staff account sees only its own application and its status; bad accounts are refused naming the field, and
 * nothing is stored with them.
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
    assertThat(form.body()).contains("reviewListing").contains("\"listed\"");
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
}
