package org.aipo.dashboard;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the programme dashboard counts (docs/domain.md "Targets and achievements"): each measure belongs to a
 * programme, is a count or an amount in yuan, and is public or for officials only. Public measures count only what
 * is published: lists published, awards announced, spot-check results published (docs/adr/0019).
 */
public enum Measure {
  SCENARIO_LISTS_PUBLISHED("scenarioListsPublished", Programme.SCENARIO_LISTS, false, true, "发布场景清单（批）", "Scenario lists published"),
  SCENARIOS_LISTED("scenariosListed", Programme.SCENARIO_LISTS, false, true, "清单收录场景", "Scenarios listed"),
  CALLS_OPENED("callsOpened", Programme.SELECTION, false, false, "开放征集", "Calls opened"),
  PROPOSALS_SUBMITTED("proposalsSubmitted", Programme.SELECTION, false, false, "提交申报", "Proposals submitted"),
  AWARDS_ANNOUNCED("awardsAnnounced", Programme.SELECTION, false, true, "公布资助项目", "Awards announced"),
  AWARD_FUNDS("awardFunds", Programme.SELECTION, true, true, "公布资助金额（元）", "Award funds announced (yuan)"),
  PROJECTS_ACCEPTED("projectsAccepted", Programme.SELECTION, false, false, "通过验收项目", "Projects accepted"),
  BENCHMARK_PROJECTS("benchmarkProjects", Programme.SELECTION, false, false, "标杆项目", "Benchmark projects"),
  VOUCHERS_ISSUED("vouchersIssued", Programme.VOUCHERS, false, false, "发放算力券", "Vouchers issued"),
  VOUCHER_AMOUNT_ISSUED("voucherAmountIssued", Programme.VOUCHERS, true, false, "发放算力券金额（元）", "Voucher amount issued (yuan)"),
  VOUCHERS_REDEEMED("vouchersRedeemed", Programme.VOUCHERS, false, false, "兑付算力券", "Vouchers redeemed"),
  VOUCHER_AMOUNT_PAID("voucherAmountPaid", Programme.VOUCHERS, true, false, "兑付金额（元）", "Voucher amount paid (yuan)"),
  SERVICES_FILED("servicesFiled", Programme.FILING, false, false, "完成备案的AI服务", "AI services filed"),
  SPOT_CHECKS_DONE("spotChecksDone", Programme.FILING, false, false, "完成抽查", "Spot checks done"),
  SPOT_CHECK_FINDINGS("spotCheckFindings", Programme.FILING, false, false, "抽查发现问题", "Spot checks with findings"),
  SPOT_CHECK_RESULTS_PUBLISHED("spotCheckResultsPublished", Programme.FILING, false, true, "公开抽查结果", "Spot-check results published");

  /** The programmes of docs/domain.md that the measures belong to. */
  public enum Programme {
    SCENARIO_LISTS("scenario-lists", "场景清单发布", "Scenario lists"),
    SELECTION("selection", "示范项目遴选", "Demonstration projects"),
    VOUCHERS("vouchers", "算力券", "Compute vouchers"),
    FILING("filing", "备案指导与分级监管", "Filing and supervision");

    private final String key;
    private final String zh;
    private final String en;

    Programme(String key, String zh, String en) {
      this.key = key;
      this.zh = zh;
      this.en = en;
    }

    public String key() {
      return key;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  private final String key;
  private final Programme programme;
  private final boolean amount;
  private final boolean published;
  private final String zh;
  private final String en;

  Measure(String key, Programme programme, boolean amount, boolean published, String zh, String en) {
    this.key = key;
    this.programme = programme;
    this.amount = amount;
    this.published = published;
    this.zh = zh;
    this.en = en;
  }

  public String key() {
    return key;
  }

  public Programme programme() {
    return programme;
  }

  /** An amount in yuan (the facts' amounts are summed); otherwise a count of records. */
  public boolean isAmount() {
    return amount;
  }

  /** Counts only published records, and so may be shown to the public. */
  public boolean isPublished() {
    return published;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public static Optional<Measure> of(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }
}
