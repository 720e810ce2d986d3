package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.ObjectionAnswer;
import org.aipo.common.Objector;
import org.aipo.common.Text;

/**
 * A real-name objection to a draft scenario list during its public notice (to the list as a whole or to
 * one scenario on it), and the programme office's answer. An upheld objection sends the list back to
 * consolidation.
 */
@Entity
@Table(name = "AIPO_SCENARIO_OBJECTION")
@NamedQuery(name = ScenarioObjection.OF_NOTICE,
    query = "select o from ScenarioObjection o where o.roundId = :round and o.noticeRound = :notice order by o.lodgedAt")
public class ScenarioObjection {

  static final String OF_NOTICE = "ScenarioObjection.ofNotice";

  /** The answer: dismissed, not grounds (academic judgement only), or upheld (back to consolidation). */
  public enum Decision { DISMISSED, NOT_GROUNDS, UPHELD;

    public static Decision parse(Object value) {
      try {
        return valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw DomainException.badInput("scenario.objection-decision", "decision", "处理决定须为 dismissed、not-grounds 或 upheld", "decision must be dismissed, not-grounds or upheld");
      }
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "ROUND_ID", nullable = false, length = 36)
  private String roundId;

  @Column(name = "NOTICE_ROUND", nullable = false)
  private int noticeRound;

  /** The scenario objected to ("N3"), or null for the list as a whole. */
  @Column(name = "SCENARIO_LABEL", length = 8)
  private String scenario;

  @Embedded
  private Objector objector;

  @Column(name = "GROUNDS", nullable = false, length = 4000)
  private String grounds;

  @Column(name = "LODGED_AT", nullable = false)
  private Instant lodgedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "DECISION", length = 16)
  private Decision decision;

  @jakarta.persistence.Embedded
  private ObjectionAnswer answered;

  protected ScenarioObjection() {
    // for JPA
  }

  public ScenarioObjection(String roundId, int noticeRound, String scenario, Objector objector, String grounds, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.roundId = roundId;
    this.noticeRound = noticeRound;
    this.scenario = scenario;
    this.objector = objector;
    this.grounds = Text.required(grounds, "grounds", 4000);
    this.lodgedAt = now;
  }

  void answer(Decision decision, String answer, String actor, Instant now) {
    if (this.decision != null) {
      throw DomainException.conflict("scenario.objection-answered", null, "此异议已答复", "this objection is already answered");
    }
    this.answered = new ObjectionAnswer(answer, actor, now);
    this.decision = decision;
  }

  public String getId() {
    return id;
  }

  public String getRoundId() {
    return roundId;
  }

  public int getNoticeRound() {
    return noticeRound;
  }

  public String getScenario() {
    return scenario;
  }

  public Objector getObjector() {
    return objector;
  }

  public String getGrounds() {
    return grounds;
  }

  public Instant getLodgedAt() {
    return lodgedAt;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getAnswer() {
    return answered == null ? null : answered.getText();
  }

  public String getAnsweredBy() {
    return answered == null ? null : answered.getAnsweredBy();
  }
}
