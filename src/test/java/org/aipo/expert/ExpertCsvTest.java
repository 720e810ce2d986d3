package org.aipo.expert;

import static org.assertj.core.api.Assertions.assertThat;

import org.aipo.expert.ExpertCsv.RowError;
import org.aipo.expert.PoolMember.Relationship.Kind;
import org.junit.jupiter.api.Test;

class ExpertCsvTest {

  static final String HEADER = "userId,name,organisation,fields,relationships\n";

  @Test
  void readsExpertsWithFieldsAndRelationships() {
    ExpertCsv.Result result = ExpertCsv.read(HEADER
        + "zhang-wei,张伟,复旦大学,intelligent-manufacturing;robotics,RECENT_COLLABORATOR:ACME AI Co.;relative:Partner Lab\n"
        + "li-na,李娜,\"Institute of Automation, CAS\",biomedicine,\n");

    assertThat(result.ok()).isTrue();
    assertThat(result.experts()).hasSize(2);
    Expert zhang = result.experts().get(0);
    assertThat(zhang.getUserId()).isEqualTo("zhang-wei");
    assertThat(zhang.getFields()).containsExactlyInAnyOrder("intelligent-manufacturing", "robotics");
    assertThat(zhang.getRelationships()).extracting(DeclaredRelationship::getKind).containsExactly(Kind.RECENT_COLLABORATOR, Kind.RELATIVE);
    assertThat(result.experts().get(1).getOrganisation()).isEqualTo("Institute of Automation, CAS");
  }

  @Test
  void reportsEveryProblemWithRowAndColumnAndKeepsNothing() {
    ExpertCsv.Result result = ExpertCsv.read(HEADER
        + "ok-one,王一,清华大学,robotics,\n"
        + "bad user,王二,清华大学,robotics,\n"
        + "wang-san,,清华大学,robotics,\n"
        + "wang-si,王四,清华大学,astrology,\n"
        + "wang-wu,王五,清华大学,robotics,FRIEND:ACME\n"
        + "wang-liu,王六,清华大学\n"
        + "ok-one,王一,清华大学,robotics,\n");

    assertThat(result.ok()).isFalse();
    assertThat(result.experts()).as("nothing is half-imported").isEmpty();
    assertThat(result.errors()).extracting(RowError::row).containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(result.errors().get(0).column()).isEqualTo("userId");
    assertThat(result.errors().get(1)).extracting(RowError::column, RowError::message).containsExactly("name", "name 为必填项 name is required");
    assertThat(result.errors().get(2).message()).contains("astrology");
    assertThat(result.errors().get(3).column()).isEqualTo("relationships");
    assertThat(result.errors().get(4).message()).contains("expected 5 columns, found 3");
    assertThat(result.errors().get(5).message()).contains("appears twice");
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsRefused() {
    assertThat(ExpertCsv.read("").errors()).singleElement().extracting(RowError::message).asString().contains("empty");
    assertThat(ExpertCsv.read("name,userId\nx,y\n").errors()).singleElement().extracting(RowError::message).asString()
        .contains("header must be");
    assertThat(ExpertCsv.read(HEADER).errors()).singleElement().extracting(RowError::message).asString().contains("no expert rows");
    assertThat(ExpertCsv.read(HEADER + "a,\"unclosed,x,robotics,\n").errors()).singleElement()
        .extracting(RowError::message).asString().contains("not closed");
  }

  @Test
  void aQuotedValueMayHoldALineBreakACommaAndADoubledQuote() {
    ExpertCsv.Result result = ExpertCsv.read(HEADER
        + "ml-1,\"王 \"\"小王\"\" 一\",\"Institute of Automation,\nCAS\",robotics,\"RELATIVE:Lab \"\"A\"\", Ltd.\"\n"
        + "ml-2,王二,清华大学,robotics,\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.experts()).as("the line break inside quotes does not end the row").hasSize(2);
    Expert first = result.experts().get(0);
    assertThat(first.getName()).isEqualTo("王 \"小王\" 一");
    assertThat(first.getOrganisation()).isEqualTo("Institute of Automation,\nCAS");
    assertThat(first.getRelationships()).singleElement().extracting(DeclaredRelationship::getOrganisation).isEqualTo("Lab \"A\", Ltd.");
    assertThat(result.experts().get(1).getUserId()).isEqualTo("ml-2");
  }

  @Test
  void aProblemIsReportedAtTheLineItsRowStartsOn() {
    ExpertCsv.Result result = ExpertCsv.read(HEADER
        + "ml-1,王一,\"Line one\r\nline two\nline three\",astrology,\r\n"
        + "\n"
        + "bad user,王二,清华大学,robotics,\n"
        + "ml-3,王三,\"unclosed,robotics,\n"
        + "ml-4,王四,清华大学,robotics,\n");

    assertThat(result.errors()).extracting(RowError::row, RowError::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "fields"), org.assertj.core.groups.Tuple.tuple(6, "userId"),
            org.assertj.core.groups.Tuple.tuple(7, null));
    assertThat(result.errors().get(2).message()).isEqualTo("a quoted value is not closed");
  }

  @Test
  void scriptInANameIsKeptAsText() {
    ExpertCsv.Result result = ExpertCsv.read(HEADER + "x-1,<script>alert(1)</script>,Org,robotics,\n");

    assertThat(result.experts().get(0).getName()).isEqualTo("<script>alert(1)</script>");
  }
}
