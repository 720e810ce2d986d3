package org.aipo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aipo.call.Call;
import org.aipo.common.DomainException;
import org.aipo.expert.PoolMember;
import org.aipo.review.ExpertDraw;
import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewRequest;
import org.junit.jupiter.api.Test;

/** Issue 27: a proposal's co-applicants, scenarios, exclusions and indicators, checked, stored, and applied by the draw. */
class ParticularsTest {

  static final List<String> CALL_SCENARIOS = List.of("V1-01 工业视觉质检", "V1-02 智能排产");
  static final String CODE = "91310000MJ1JJJJJ5R";
  static final Particulars.Indicator INDICATOR = new Particulars.Indicator("缺陷检出率", "%", new BigDecimal("92"), new BigDecimal("99.5"));

  static String fieldOf(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_INPUT);
      assertThat(e.zh()).isNotBlank();
      assertThat(e.en()).isNotBlank();
      return e.field();
    }
    throw new AssertionError("no refusal");
  }

  static Particulars check(List<Particulars.CoApplicant> co, List<String> scenarios, List<Particulars.Exclusion> ex,
      List<Particulars.Indicator> ind) {
    return Particulars.check(co, scenarios, ex, ind, CALL_SCENARIOS, 3);
  }

  @Test
  void goodValuesAreNormalisedAndAScenarioIsTakenByCodeOrWhole() {
    Particulars p = check(List.of(new Particulars.CoApplicant(" 91310000mj1jjjjj5r ", " 甲智能装备 ")), List.of("v1-02", "V1-01 工业视觉质检", "V1-02"),
        List.of(new Particulars.Exclusion("  ", "某某大学", "竞争对手"), new Particulars.Exclusion(" 张三 ", "乙研究院", "合作过")), List.of(INDICATOR));
    assertThat(p.coApplicants()).containsExactly(new Particulars.CoApplicant(CODE, "甲智能装备"));
    assertThat(p.scenarios()).containsExactly("V1-02 智能排产", "V1-01 工业视觉质检");
    assertThat(p.exclusions().get(0).wholeOrganisation()).isTrue();
    assertThat(p.exclusions().get(0).expertName()).isNull();
    assertThat(p.exclusions().get(1).expertName()).isEqualTo("张三");
    assertThat(check(null, null, null, null)).isEqualTo(Particulars.NONE);
  }

  @Test
  void eachBadValueIsRefusedNamingIt() {
    assertThat(fieldOf(() -> check(List.of(new Particulars.CoApplicant(CODE, "甲"), new Particulars.CoApplicant("91310000MJ1JJJJJ6R", "乙")),
        null, null, null))).isEqualTo("coApplicants[1].creditCode");
    assertThat(fieldOf(() -> check(List.of(new Particulars.CoApplicant(CODE, "甲"), new Particulars.CoApplicant(CODE, "甲")), null, null, null)))
        .isEqualTo("coApplicants[1].creditCode");
    assertThat(fieldOf(() -> check(List.of(new Particulars.CoApplicant(CODE, " ")), null, null, null))).isEqualTo("coApplicants[0].name");
    assertThat(fieldOf(() -> check(java.util.Arrays.asList((Particulars.CoApplicant) null), null, null, null))).isEqualTo("coApplicants[0]");
    assertThat(fieldOf(() -> check(null, List.of("V1-01", "V9-09"), null, null))).isEqualTo("scenarios[1]");
    assertThat(fieldOf(() -> Particulars.check(null, List.of("V1-01"), null, null, List.of(), 3))).isEqualTo("scenarios[0]");
    assertThat(fieldOf(() -> check(null, null, List.of(new Particulars.Exclusion("张三", "某大学", "理由"),
        new Particulars.Exclusion("李四", "某大学", " ")), null))).isEqualTo("exclusions[1].reason");
    assertThat(fieldOf(() -> check(null, null, List.of(new Particulars.Exclusion("张三", null, "理由")), null))).isEqualTo("exclusions[0].organisation");
    List<Particulars.Exclusion> four = java.util.Collections.nCopies(4, new Particulars.Exclusion(null, "某大学", "理由"));
    assertThat(fieldOf(() -> check(null, null, four, null))).isEqualTo("exclusions");
    assertThat(Particulars.check(null, null, four, null, CALL_SCENARIOS, 4).exclusions()).as("the configured number").hasSize(4);
    assertThat(fieldOf(() -> check(null, null, null, List.of(INDICATOR, new Particulars.Indicator("时延", "ms", null, null)))))
        .isEqualTo("indicators[1].target");
    assertThat(fieldOf(() -> check(null, null, null, List.of(new Particulars.Indicator("时延", " ", null, BigDecimal.ONE)))))
        .isEqualTo("indicators[0].unit");
    assertThat(fieldOf(() -> check(null, null, null, List.of(new Particulars.Indicator("", "ms", null, BigDecimal.ONE)))))
        .isEqualTo("indicators[0].name");
    assertThat(fieldOf(() -> check(null, null, null, List.of(new Particulars.Indicator("时延", "ms", new BigDecimal("1e20"), BigDecimal.ONE)))))
        .isEqualTo("indicators[0].baseline");
  }

  @Test
  void aSubmissionNeedsAnIndicator() {
    Instant now = Instant.now();
    Call call = new Call("Robotics 2026", Set.of("robotics"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
        new BigDecimal("5000000"), new BigDecimal("1000000"), 5, "office");
    Proposal proposal = new Proposal(call, "org-1", new Proposal.Content("柔性装配线", "robotics", "摘要", "路线", null, null,
        new BigDecimal("800000"), null, "成果", "团队"), "applicant", now);
    assertThat(proposal.particulars()).as("an older proposal reads as empty").isEqualTo(Particulars.NONE);
    assertThat(fieldOf(() -> proposal.submit(call, now))).isEqualTo("indicators");
    call.answers(List.of("V1-01 工业视觉质检"), null);
    Particulars full = new Particulars(List.of(new Particulars.CoApplicant(CODE, "甲")), List.of("V1-01 工业视觉质检"),
        List.of(new Particulars.Exclusion("张三", "某大学", "理由 <b>"), new Particulars.Exclusion(null, "丙公司", "对手")), List.of(INDICATOR,
            new Particulars.Indicator("时延", "ms", null, new BigDecimal("200"))));
    proposal.declareParticulars(full);
    assertThat(proposal.submit(call, now)).isTrue();
    assertThat(proposal.particulars()).as("stored and read back").isEqualTo(full);
  }

  @Test
  void officialsReadTheExclusionsExpertsDoNot() {
    Instant now = Instant.now();
    Call call = new Call("Robotics 2026", Set.of("robotics"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
        new BigDecimal("5000000"), new BigDecimal("1000000"), 5, "office");
    Proposal proposal = new Proposal(call, "org-1", new Proposal.Content("柔性装配线", "robotics", "摘要", "路线", null, null,
        new BigDecimal("800000"), null, "成果", "团队"), "applicant", now);
    proposal.declareParticulars(new Particulars(List.of(new Particulars.CoApplicant(CODE, "甲装备")), List.of("V1-01 工业视觉质检"),
        List.of(new Particulars.Exclusion("张三", "某大学", "竞争项目负责人")), List.of(INDICATOR)));
    String office = ProposalText.officeMarkdown(proposal, "申报单位", List.of(), List.of());
    String expert = ProposalText.markdown(proposal, "申报单位", List.of(), List.of());
    assertThat(office).contains("甲装备", "V1\\-01 工业视觉质检", "缺陷检出率", "99.5", "张三", "竞争项目负责人");
    assertThat(expert).contains("甲装备", "V1\\-01 工业视觉质检", "缺陷检出率").doesNotContain("张三").doesNotContain("竞争项目负责人");
  }

  static Map<String, Particulars.PoolEntry> pool() {
    Map<String, Particulars.PoolEntry> pool = new LinkedHashMap<>();
    pool.put("e1", new Particulars.PoolEntry("张三", "某某大学"));
    pool.put("e2", new Particulars.PoolEntry("张三", "另一大学"));
    pool.put("e3", new Particulars.PoolEntry("李四", "丙科技 有限公司"));
    pool.put("e4", new Particulars.PoolEntry("王五", "丙科技  有限公司"));
    pool.put("e5", new Particulars.PoolEntry("赵六", "甲装备"));
    return pool;
  }

  @Test
  void exclusionsAreMatchedToExpertsByNameAndOrganisationOrByOrganisationAlone() {
    Particulars p = new Particulars(List.of(new Particulars.CoApplicant(CODE, "甲装备")), List.of(),
        List.of(new Particulars.Exclusion(" 张三", "某某大学 ", "竞争项目负责人"), new Particulars.Exclusion(null, "丙科技 有限公司", "直接竞争对手"),
            new Particulars.Exclusion("无此人", "某某大学", "x")), List.of(INDICATOR));
    Particulars.Avoiding avoiding = p.avoiding(pool());
    assertThat(avoiding.coApplicantOrganisations()).containsExactly("甲装备");
    assertThat(avoiding.excludedExperts()).containsOnlyKeys("e1", "e3", "e4");
    assertThat(avoiding.excludedExperts().get("e1")).contains("张三", "竞争项目负责人");
    assertThat(avoiding.excludedExperts().get("e3")).contains("丙科技", "直接竞争对手");
    String longReason = "很长".repeat(300);
    assertThat(new Particulars(List.of(), List.of(), List.of(new Particulars.Exclusion(null, "某某大学", longReason)), List.of())
        .avoiding(pool()).excludedExperts().get("e1")).hasSizeLessThanOrEqualTo(Particulars.REASON_LIMIT);
  }

  /**
   * Over many seeds, the panel and reserves drawn for a proposal never hold an expert it excluded (by name or
   * by organisation) nor an expert of a co-applicant; each shows up as avoided with the reason.
   */
  @Test
  void anExcludedExpertAndACoApplicantsExpertAreNeverDrawnWhateverTheSeed() {
    List<PoolMember> members = new ArrayList<>();
    Map<String, Particulars.PoolEntry> entries = new LinkedHashMap<>();
    for (int i = 1; i <= 12; i++) {
      String organisation = i == 4 ? "甲装备" : i == 7 || i == 8 ? "丙科技" : "大学 " + i;
      String id = String.format("e%02d", i);
      members.add(new PoolMember(id, organisation, Set.of("robotics"), List.of()));
      entries.put(id, new Particulars.PoolEntry("专家" + i, organisation));
    }
    Particulars p = new Particulars(List.of(new Particulars.CoApplicant(CODE, "甲装备")), List.of(),
        List.of(new Particulars.Exclusion("专家2", "大学 2", "竞争项目负责人"), new Particulars.Exclusion(null, "丙科技", "直接竞争对手")),
        List.of(INDICATOR));
    Particulars.Avoiding avoiding = p.avoiding(entries);
    Set<String> never = Set.of("e02", "e04", "e07", "e08");
    Set<String> drawnSomeTime = new java.util.HashSet<>();
    for (long seed = 0; seed < 500; seed++) {
      ReviewRequest request = new ReviewRequest("评审", "robotics", 5, 3, 10, 70, List.of(new ReviewCriterion("c", "创新", 100)), null,
          "system", Instant.now());
      request.addItem("P-1", "柔性装配线", "申报单位", avoiding.coApplicantOrganisations(), avoiding.excludedExperts(), Integer.MAX_VALUE);
      ExpertDraw.Result result = request.draw(members, seed, Instant.now());
      assertThat(result.panel()).as("seed " + seed).hasSize(5).doesNotContainAnyElementsOf(never);
      assertThat(result.reserves()).as("seed " + seed).doesNotContainAnyElementsOf(never);
      assertThat(result.candidates()).filteredOn(c -> c.outcome() == ExpertDraw.Outcome.AVOIDED)
          .extracting(ExpertDraw.Candidate::expertId).containsExactlyInAnyOrderElementsOf(never);
      assertThat(request.replayDraw()).as("replayable").isEqualTo(result);
      drawnSomeTime.addAll(result.panel());
    }
    assertThat(drawnSomeTime).as("every other expert is drawn for some seed").hasSize(8);
    assertThat(new ReviewRequest("评审", "robotics", 5, 3, 10, 70, List.of(new ReviewCriterion("c", "创新", 100)), null, "system", Instant.now())
        .addItem("P-1", "t", "o", Set.of(), avoiding.excludedExperts(), Integer.MAX_VALUE).getExclusions()).hasSize(3);
  }
}
