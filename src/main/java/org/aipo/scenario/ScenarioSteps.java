package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.aipo.common.Markdown;
import org.aipo.common.Text;

/**
 * The steps of a scenario round on whatever stores it: the rules live here once, the JPA service and the
 * process tests' memory store only provide the storage and the expert review.
 */
public abstract class ScenarioSteps implements ScenarioStages {

  public static final String ROUND = "scenario-round";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  protected Clock clock = Clock.systemUTC();

  protected abstract ScenarioRound round(String roundId);

  protected abstract void store(ScenarioRound round);

  /** The round's scenarios in nomination order. */
  protected abstract List<Scenario> scenarios(String roundId);

  protected abstract void store(Scenario scenario);

  protected abstract List<ScenarioObjection> objections(String roundId, int noticeRound);

  protected abstract ScenarioObjection objection(String objectionId);

  /** The newest published version, 0 before the first list. */
  protected abstract int latestVersion();

  /** Creates the expert-committee review of these high-risk scenarios and the draft list; its id. */
  protected abstract String requestReview(ScenarioRound round, List<Scenario> highRisk, String draftList);

  /** Copies the committee's outcome for each reviewed scenario onto it. */
  protected abstract void copyReviewOutcomes(ScenarioRound round, List<Scenario> highRisk);

  protected abstract void audit(String actor, String action, String subjectType, String subjectId, String detail);

  private void audit(String actor, String action, String roundId, String detail) {
    audit(actor, action, ROUND, roundId, detail);
  }

  /** "2027年第1季度人工智能应用场景征集 AI application scenarios, 2027 Q1". */
  static String quarterTheme(Instant now) {
    ZonedDateTime at = now.atZone(CHINA);
    int quarter = (at.getMonthValue() - 1) / 3 + 1;
    return at.getYear() + "年第" + quarter + "季度人工智能应用场景征集 AI application scenarios, " + at.getYear() + " Q" + quarter;
  }

  @Override
  public String startByCadence(Instant now, Instant nominationDeadline) {
    ScenarioRound round = new ScenarioRound(quarterTheme(now), nominationDeadline, null, null, ScenarioRound.Trigger.CADENCE, "system", now);
    store(round);
    audit("system", "scenario-round.started", round.getId(), round.getTheme());
    return round.getId();
  }

  @Override
  public String startByOfficial(String theme, Instant nominationDeadline, String reviewField, Integer panelSize, String actor) {
    ScenarioRound round = new ScenarioRound(theme, nominationDeadline, reviewField, panelSize, ScenarioRound.Trigger.OFFICIAL, actor,
        clock.instant());
    store(round);
    audit(actor, "scenario-round.started", round.getId(), round.getTheme() + ", nominations until " + round.getNominationDeadline());
    return round.getId();
  }

  @Override
  public void invite(String roundId, List<String> units) {
    round(roundId).invite(units);
    audit("system", "scenario-round.units-invited", roundId, units.size() + " unit(s): " + String.join(", ", units));
  }

  @Override
  public Instant nominationDeadline(String roundId) {
    return round(roundId).getNominationDeadline();
  }

  @Override
  public String theme(String roundId) {
    return round(roundId).getTheme();
  }

  @Override
  public void nominate(String roundId, String unit, String scenariosJson, String actor) {
    ScenarioRound round = round(roundId);
    List<Scenario.Nomination> nominations = ScenarioRules.nominations(scenariosJson);
    round.responded(unit);
    int next = scenarios(roundId).stream().mapToInt(Scenario::getNumber).max().orElse(0);
    Instant now = clock.instant();
    List<String> labels = new ArrayList<>();
    for (Scenario.Nomination nomination : nominations) {
      Scenario scenario = new Scenario(roundId, ++next, nomination, unit, now);
      store(scenario);
      labels.add(scenario.getLabel());
    }
    audit(actor, "scenario.nominated", roundId, unit + ": " + (labels.isEmpty() ? "无 none this round" : String.join(", ", labels)));
  }

  @Override
  public List<String> remind(String roundId) {
    ScenarioRound round = round(roundId);
    List<String> pending = round.getInvitedUnits().stream().filter(u -> !round.getRespondedUnits().contains(u)).toList();
    for (String unit : pending) {
      audit("system", "scenario.nomination-reminder-sent", roundId, unit + ", deadline " + round.getNominationDeadline());
    }
    return pending;
  }

  @Override
  public List<String> closeNominations(String roundId) {
    List<String> late = round(roundId).closeNominations();
    audit("system", "scenario-round.nominations-closed", roundId,
        scenarios(roundId).size() + " nomination(s); late: " + (late.isEmpty() ? "none" : String.join(", ", late)));
    return late;
  }

  @Override
  public int nominationCount(String roundId) {
    return scenarios(roundId).size();
  }

  @Override
  public String consolidationTable(String roundId) {
    return Text.forTask(ScenarioRules.consolidationTable(scenarios(roundId)), "GET /api/scenario-rounds/" + roundId);
  }

  @Override
  public String mergeLines(String roundId) {
    return ScenarioRules.mergeLines(scenarios(roundId));
  }

  @Override
  public String rejectionLines(String roundId) {
    return Text.forTask(ScenarioRules.rejectionLines(scenarios(roundId)), "GET /api/scenario-rounds/" + roundId);
  }

  @Override
  public String consolidationNotes(String roundId) {
    ScenarioRound round = round(roundId);
    StringBuilder notes = new StringBuilder();
    if (round.getReturnComments() != null) {
      notes.append("**领导小组退回意见 Leadership's comments:** ").append(Markdown.escape(round.getReturnComments())).append("\n\n");
    }
    if (round.getNoticeRound() > 0) {
      for (ScenarioObjection o : objections(roundId, round.getNoticeRound())) {
        if (o.getDecision() == ScenarioObjection.Decision.UPHELD) {
          notes.append("**成立的异议 Upheld objection** (").append(o.getScenario() == null ? "清单 the list" : o.getScenario()).append("): ")
              .append(Markdown.escape(o.getGrounds())).append(" — ").append(Markdown.escape(o.getAnswer())).append("\n\n");
        }
      }
    }
    if (round.getLateUnits() != null && !round.getLateUnits().isEmpty()) {
      notes.append("逾期未提名单位 Units that did not nominate in time: ").append(Markdown.escape(String.join(", ", round.getLateUnits())));
    }
    return Text.forTask(notes.length() == 0 ? "—" : notes.toString().trim(), "GET /api/scenario-rounds/" + roundId);
  }

  @Override
  public int consolidate(String roundId, String merges, String rejections, String actor) {
    ScenarioRound round = round(roundId);
    if (round.getStage() != ScenarioRound.Stage.CONSOLIDATING) {
      throw DomainException.conflict("scenario.not-consolidating", null, "轮次 " + roundId + " 不在汇总阶段", "round " + roundId + " is not being consolidated");
    }
    ScenarioRules.Consolidated result = ScenarioRules.consolidate(scenarios(roundId), merges, rejections);
    audit(actor, "scenario-round.consolidated", roundId,
        result.kept() + " kept, " + result.merged() + " merged, " + result.rejected() + " rejected");
    return result.kept();
  }

  @Override
  public int assessRisk(String roundId, RiskTier decision) {
    int high = 0;
    for (Scenario s : scenarios(roundId)) {
      if (s.isKept()) {
        Tier tier = decision.evaluate(s.getField(), s.getPublicServiceImpact(), s.isPersonalData(), s.getScope());
        s.assess(tier.riskTier(), tier.supervisionMode(), tier.reason());
        high += s.isHighRisk() ? 1 : 0;
      }
    }
    audit("system", "scenario-round.risk-assessed", roundId, high + " high-risk scenario(s)");
    return high;
  }

  private List<Scenario> highRisk(String roundId) {
    return scenarios(roundId).stream().filter(s -> s.isKept() && s.isHighRisk()).toList();
  }

  @Override
  public String prepareReview(String roundId) {
    ScenarioRound round = round(roundId);
    List<Scenario> highRisk = highRisk(roundId);
    String requestId = requestReview(round, highRisk, ScenarioRules.draftList(scenarios(roundId)));
    round.reviewRequested(requestId);
    audit("system", "scenario-list.review-requested", roundId, "review " + requestId + ": the draft list and " + highRisk.size()
        + " high-risk scenario(s)");
    return requestId;
  }

  @Override
  public void recordReview(String roundId) {
    ScenarioRound round = round(roundId);
    copyReviewOutcomes(round, highRisk(roundId));
    round.enter(ScenarioRound.Stage.AWAITING_APPROVAL);
    audit("system", "scenario-list.reviewed", roundId, "review " + round.getReviewRequestId());
  }

  @Override
  public String draftList(String roundId) {
    ScenarioRound round = round(roundId);
    String verdict = round.getListReview() == null ? ""
        : "**专家委员会对清单草案的意见 The committee on the draft list:** " + Markdown.escape(round.getListReview()) + "\n\n";
    return Text.forTask(verdict + ScenarioRules.draftList(scenarios(roundId)), "GET /api/scenario-rounds/" + roundId);
  }

  @Override
  public void recordApproval(String roundId, boolean approved, String comments, String actor) {
    ScenarioRound round = round(roundId);
    if (approved) {
      Text.atMost(comments, "comments", 4000);
    } else {
      round.returned(comments);
    }
    audit(actor, approved ? "scenario-list.approved" : "scenario-list.returned", roundId, comments);
  }

  @Override
  public void openNotice(String roundId, Instant closes) {
    ScenarioRound round = round(roundId);
    round.openNotice(clock.instant(), closes);
    audit("system", "scenario-list.notice-opened", roundId, "round " + round.getNoticeRound() + " until " + round.getNoticeClosesAt());
  }

  @Override
  public String objectionSummary(String objectionId) {
    ScenarioObjection o = objection(objectionId);
    String subject = o.getScenario() == null ? "整个清单 The list as a whole"
        : scenarios(o.getRoundId()).stream().filter(s -> s.getLabel().equals(o.getScenario())).findFirst()
            .map(s -> s.getLabel() + " " + Markdown.escape(s.getTitle())).orElse(o.getScenario());
    return Text.forTask("**" + subject + "**\n\n异议人 Objector: " + Markdown.escape(o.getObjector().getName())
        + (o.getObjector().getOrganisation() == null ? "" : "（" + Markdown.escape(o.getObjector().getOrganisation()) + "）")
        + " · " + Markdown.escape(o.getObjector().getContact()) + "\n\n" + Markdown.escape(o.getGrounds()), "Cockpit, objection " + objectionId);
  }

  @Override
  public void answerObjection(String objectionId, ScenarioObjection.Decision decision, String answer, String actor) {
    ScenarioObjection objection = objection(objectionId);
    objection.answer(decision, answer, actor, clock.instant());
    audit(actor, "scenario-objection.answered." + decision.name().toLowerCase(java.util.Locale.ROOT), "scenario-objection", objectionId, answer);
    // the objector hears the answer when they gave an e-mail address (a telephone number is answered by the office)
    String contact = objection.getObjector().getContact() == null ? "" : objection.getObjector().getContact().trim();
    if (contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      String[] outcome = switch (decision) {
        case DISMISSED -> new String[] {"异议不成立", "the objection is dismissed"};
        case NOT_GROUNDS -> new String[] {"不属受理范围", "not grounds for an objection"};
        case UPHELD -> new String[] {"异议成立，清单将修改后重新公示", "upheld: the list is changed and noticed again"};
      };
      tell(new org.aipo.notification.Message("scenario-objection-answer:" + objectionId, "decision",
          org.aipo.notification.Message.Recipient.address(contact, "zh", objection.getObjector().getName()),
          java.util.Map.of("subjectTitle", "场景清单异议答复 Objection to the scenario list: " + objection.getScenario(), "outcomeZh", outcome[0],
              "outcomeEn", outcome[1], "note", answer == null ? "" : answer), null, "/portal/#/scenario-notices/" + objection.getRoundId()));
    }
  }

  /** Sends a message through the outbox (issue 25), in the step's transaction. */
  protected abstract void tell(org.aipo.notification.Message message);

  @Override
  public String closeNotice(String roundId) {
    ScenarioRound round = round(roundId);
    List<ScenarioObjection> objections = objections(roundId, round.getNoticeRound());
    boolean upheld = objections.stream().anyMatch(o -> o.getDecision() == ScenarioObjection.Decision.UPHELD);
    if (upheld) {
      round.enter(ScenarioRound.Stage.CONSOLIDATING);
    }
    audit("system", "scenario-list.notice-closed", roundId, objections.size() + " objection(s)" + (upheld ? ", upheld: back to consolidation" : ""));
    return upheld ? "reconsolidate" : "clear";
  }

  @Override
  public int publish(String roundId) {
    ScenarioRound round = round(roundId);
    int version = latestVersion() + 1;
    round.publish(version, clock.instant());
    int n = 0;
    for (Scenario s : scenarios(roundId)) {
      if (s.isKept()) {
        s.list(String.format("V%d-%02d", version, ++n));
      }
    }
    audit("system", "scenario-list.published", roundId, "version " + version + ", " + n + " scenario(s)");
    return version;
  }

  @Override
  public void nothingListed(String roundId) {
    round(roundId).enter(ScenarioRound.Stage.NOTHING_LISTED);
    audit("system", "scenario-round.nothing-listed", roundId, null);
  }
}
