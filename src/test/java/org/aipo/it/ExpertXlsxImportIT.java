package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * The expert pool from a spreadsheet (issue 28): a dry run lists every row's problem (the sheet's row number, the column,
 * English and Chinese) and stores nothing; a good file's dry run stores nothing either; the import stores every row;
 * a second dry run names the rows whose experts are now in the pool.
 */
class ExpertXlsxImportIT extends ServerItBase {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static byte[] sheet(List<List<String>> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "test", "1.0");
    Worksheet sheet = workbook.newWorksheet("专家");
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        if (!rows.get(r).get(c).isEmpty()) {
          sheet.value(r, c, rows.get(r).get(c));
        }
      }
    }
    workbook.finish();
    return out.toByteArray();
  }

  private HttpResponse<String> upload(byte[] xlsx, boolean dryRun) throws Exception {
    return client.upload("/api/experts/import/xlsx" + (dryRun ? "?dryRun=true" : ""), XLSX, xlsx, "Authorization", WebClient.basic("secretary", "demo"));
  }

  @Test
  void aDryRunListsEveryRowsProblemsAndStoresNothing() throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    List<String> header = List.of("userId", "name", "organisation", "fields", "relationships");
    byte[] bad = sheet(List.of(header,
        List.of("xl-a-" + run, "王甲", "浙江大学", "robotics", ""),
        List.of("xl-b-" + run, "王乙", "浙江大学", "astrology", ""),
        List.of("xl-c-" + run, "王丙", "复旦大学", "robotics", "FRIEND:某公司")));
    HttpResponse<String> dry = upload(bad, true);
    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(400);
    JsonArray errors = Officials.object(dry).getJsonArray("errors");
    assertThat(errors).hasSize(2);
    JsonObject first = errors.getJsonObject(0);
    assertThat(first.getInt("row")).isEqualTo(3);
    assertThat(first.getString("column")).isEqualTo("fields");
    assertThat(first.getString("message")).contains("astrology");
    assertThat(first.getString("zh")).contains("未知领域");
    assertThat(errors.getJsonObject(1).getInt("row")).isEqualTo(4);
    assertThat(errors.getJsonObject(1).getString("column")).isEqualTo("relationships");
    assertThat(upload(bad, false).statusCode()).as("the real import refuses the same file").isEqualTo(400);
    String pool = client.send("GET", "/api/experts", null, null, "Authorization", WebClient.basic("secretary", "demo")).body();
    assertThat(pool).doesNotContain("xl-a-" + run);

    byte[] good = sheet(List.of(header,
        List.of("xl-a-" + run, "王甲", "浙江大学", "robotics", ""),
        List.of("", "", "", "", ""),
        List.of("xl-c-" + run, "王丙", "复旦大学", "robotics;biomedicine", "RELATIVE:某公司")));
    HttpResponse<String> checked = upload(good, true);
    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    assertThat(Officials.object(checked).getBoolean("dryRun")).isTrue();
    assertThat(Officials.object(checked).getInt("rows")).isEqualTo(2);
    assertThat(Officials.object(checked).getInt("imported")).isZero();
    assertThat(client.send("GET", "/api/experts", null, null, "Authorization", WebClient.basic("secretary", "demo")).body())
        .as("a dry run stores nothing").doesNotContain("xl-a-" + run);

    HttpResponse<String> imported = upload(good, false);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(Officials.object(imported).getInt("imported")).isEqualTo(2);
    assertThat(client.send("GET", "/api/experts", null, null, "Authorization", WebClient.basic("secretary", "demo")).body())
        .contains("xl-a-" + run, "xl-c-" + run, "某公司");

    HttpResponse<String> again = upload(good, true);
    assertThat(again.statusCode()).isEqualTo(400);
    JsonArray present = Officials.object(again).getJsonArray("errors");
    assertThat(present).hasSize(2);
    assertThat(present.getJsonObject(0).getInt("row")).isEqualTo(2);
    assertThat(present.getJsonObject(1).getInt("row")).as("the sheet's row, past the empty one").isEqualTo(4);
    assertThat(present.getJsonObject(1).getString("zh")).contains("已在库中");
  }
}
