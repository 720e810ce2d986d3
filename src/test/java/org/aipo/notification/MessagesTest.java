package org.aipo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.aipo.calendar.WorkingDayCalendar;
import org.aipo.calendar.WorkingDays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of message renders in both languages with real values: the subject names the matter, the deadline is
 * in Beijing time with the working days left as the holiday calendar counts them, the link is there, and nothing
 * but the values given appears (no other applicant's data can leak in through a template).
 */
class MessagesTest {

  static final WorkingDayCalendar CALENDAR = WorkingDays.fromFile(Path.of("liberty/calendar/cn-holidays.properties")).calendar();

  // Friday 2026-09-18 10:00 Beijing; the deadline Friday 2026-10-09 17:00 Beijing
  static final Instant NOW = Instant.parse("2026-09-18T02:00:00Z");
  static final Instant DEADLINE = Instant.parse("2026-10-09T09:00:00Z");
  static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=abc";

  static Map<String, Object> model(String kind) {
    Map<String, Object> model = new HashMap<>();
    switch (kind) {
      case "expert-invitation" -> {
        model.put("programme", "专家委员会评审 Expert-committee review");
        model.put("subjectTitle", "2026 年大模型示范项目");
      }
      case "deadline-reminder" -> {
        model.put("taskName", "评分 Scoring");
        model.put("subjectTitle", "2026 年大模型示范项目");
      }
      case "deadline-escalation" -> {
        model.put("taskName", "评分 Scoring");
        model.put("subjectTitle", "2026 年大模型示范项目");
        model.put("responsible", "expert3");
      }
      case "correction-request" -> {
        model.put("subjectTitle", "智能客服大模型应用");
        model.put("note", "预算表缺少签章 The budget lacks its seal");
      }
      case "decision" -> {
        model.put("subjectTitle", "算力券 V-2026-0007");
        model.put("outcomeZh", "已支付 120000.00 元");
        model.put("outcomeEn", "paid 120000.00 yuan");
        model.put("note", "");
      }
      case "holiday-schedule-missing" -> model.put("year", "2027");
      default -> throw new IllegalArgumentException(kind);
    }
    return model;
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> kindsAndLanguages() {
    return Messages.KINDS.stream().flatMap(kind -> Messages.LANGUAGES.stream().map(lang -> org.junit.jupiter.params.provider.Arguments.of(kind, lang)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("kindsAndLanguages")
  void everyKindRendersInBothLanguagesWithItsDeadlineAndLink(String kind, String language) throws Exception {
    Map<String, Object> model = model(kind);
    Messages.Rendered rendered = new Messages().render(kind, language, model, "王五", DEADLINE, LINK, CALENDAR, NOW);

    assertThat(rendered.subject()).isNotBlank().doesNotContain("\n");
    assertThat(rendered.body()).contains("王五").contains(LINK);
    for (Object value : model.values()) {
      if (value instanceof String text && !text.isEmpty() && !text.startsWith("已") && !text.startsWith("paid")) {
        assertThat(rendered.subject() + rendered.body()).contains(text);
      }
    }
    if (!kind.equals("decision") && !kind.equals("holiday-schedule-missing")) {
      assertThat(rendered.body()).contains("2026-10-09 17:00");
    }
    if (kind.equals("expert-invitation") || kind.equals("deadline-reminder") || kind.equals("correction-request")) {
      // counted by the calendar (see the next test for the count itself)
      int expected = Messages.workingDaysBetween(CALENDAR, java.time.LocalDate.of(2026, 9, 18), java.time.LocalDate.of(2026, 10, 9));
      assertThat(rendered.body()).contains(language.equals("zh") ? "还有 " + expected + " 个工作日" : expected + " working days");
    }
    assertThat(language.equals("zh") ? rendered.body().chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)
        : rendered.body().contains("Dear")).isTrue();
  }

  @Test
  void aMessageShowsOnlyWhatItWasGivenNeverAnotherApplicantsData() throws Exception {
    Map<String, Object> forA = new HashMap<>(Map.of("subjectTitle", "甲单位的项目 A's project", "outcomeZh", "拟资助 100 元", "outcomeEn",
        "proposed, 100 yuan", "note", "甲的理由"));
    Map<String, Object> forB = new HashMap<>(Map.of("subjectTitle", "乙单位的项目 B's project", "outcomeZh", "未入选", "outcomeEn", "not selected",
        "note", "乙的理由"));
    Messages messages = new Messages();
    for (String language : Messages.LANGUAGES) {
      Messages.Rendered a = messages.render("decision", language, forA, "甲联系人", null, "http://x/portal/#/proposals/a", CALENDAR, NOW);
      messages.render("decision", language, forB, "乙联系人", null, "http://x/portal/#/proposals/b", CALENDAR, NOW);
      String text = a.subject() + a.body();
      assertThat(text).contains("甲单位的项目").doesNotContain("乙").doesNotContain("B's project").doesNotContain("/proposals/b");
    }
  }

  @Test
  void workingDaysSkipTheHolidaysAndCountTheMakeUpDays() {
    // 2026: Sep 25–27 and Oct 1–7 are off; Sep 20 (Sun) and Oct 10 (Sat) are make-up working days
    assertThat(Messages.workingDaysBetween(CALENDAR, java.time.LocalDate.of(2026, 9, 18), java.time.LocalDate.of(2026, 10, 9)))
        .isEqualTo(1 /* Sun 20, made up */ + 4 /* 21–24 */ + 3 /* 28–30 */ + 2 /* Oct 8, 9 */);
    assertThat(Messages.workingDaysBetween(CALENDAR, java.time.LocalDate.of(2026, 9, 18), java.time.LocalDate.of(2026, 9, 20))).isEqualTo(1);
    assertThat(Messages.workingDaysBetween(CALENDAR, java.time.LocalDate.of(2026, 9, 18), java.time.LocalDate.of(2026, 9, 18))).isZero();
  }

  @Test
  void aMissingValueIsAnErrorNamingIt() {
    Map<String, Object> model = model("correction-request");
    model.remove("note");
    assertThatThrownBy(() -> new Messages().render("correction-request", "en", model, "王五", DEADLINE, LINK, CALENDAR, NOW))
        .isInstanceOf(Messages.RenderingFailed.class).hasMessageContaining("correction-request.en").hasMessageContaining("no value for note");
  }

  @Test
  void anUnknownKindIsAnError() {
    assertThatThrownBy(() -> new Messages().render("no-such-kind", "zh", Map.of(), "王五", null, null, CALENDAR, NOW))
        .isInstanceOf(Messages.RenderingFailed.class).hasMessageContaining("no-such-kind");
  }

  @Test
  void anUnknownLanguageFallsBackToChinese() throws Exception {
    Messages.Rendered rendered = new Messages().render("holiday-schedule-missing", "fr", model("holiday-schedule-missing"), "管理员", null, LINK, CALENDAR, NOW);
    assertThat(rendered.subject()).contains("请载入 2027 年");
  }

  @Test
  void theCalendarEntryEndsAtTheDeadlineAndIsFoldedAt75Octets() {
    String ics = Calendars.deadline("expert-invitation:t1:expert1", "【专家邀请】专家委员会评审 Expert-committee review：2026 年大模型示范项目，含逗号,分号;", LINK, DEADLINE, NOW);
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTEND:20261009T090000Z\r\n").contains("\\,").contains("\\;").endsWith("END:VCALENDAR\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(Calendars.deadline("expert-invitation:t1:expert1", "x", null, DEADLINE, NOW)).contains("UID:")
        .isNotEqualTo(Calendars.deadline("expert-invitation:t2:expert1", "x", null, DEADLINE, NOW));
  }
}
