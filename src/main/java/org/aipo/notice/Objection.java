package org.aipo.notice;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
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
 * A real-name objection (异议) to a proposed award during the public notice, and the programme office's
 * answer. Objections that only dispute the experts' academic judgement are not grounds (MOST practice).
 */
@Entity
@Table(name = "AIPO_OBJECTION")
@NamedQuery(name = Objection.OF_CALL_ROUND,
    query = "select o from Objection o where o.callId = :call and o.noticeRound = :round order by o.lodgedAt")
public class Objection {

  static final String OF_CALL_ROUND = "Objection.ofCallRound";

  /** The answer: dismissed, not grounds, upheld with re-review, or upheld with exclusion from the list. */
  public enum Decision { DISMISSED, NOT_GROUNDS, REREVIEW, EXCLUDE;

    public static Decision parse(Object value) {
      try {
        return valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw DomainException.badInput("objection.decision", "decision", "答复结论须为 dismissed、not-grounds、rereview 或 exclude",
            "decision must be dismissed, not-grounds, rereview or exclude");
      }
    }

    public boolean upheld() {
      return this == REREVIEW || this == EXCLUDE;
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "CALL_ID", nullable = false, length = 36)
  private String callId;

  @Column(name = "NOTICE_ROUND", nullable = false)
  private int noticeRound;

  @Column(name = "PROPOSAL_ID", nullable = false, length = 36)
  private String proposalId;

  @jakarta.persistence.Embedded
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

  protected Objection() {
    // for JPA
  }

  public Objection(String callId, int noticeRound, String proposalId, String name, String contact, String organisation,
      String grounds, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.callId = callId;
    this.noticeRound = noticeRound;
    this.proposalId = Text.required(proposalId, "proposalId", 36);
    this.objector = new Objector(name, contact, organisation);
    this.grounds = Text.required(grounds, "grounds", 4000);
    this.lodgedAt = now;
  }

  void answer(Decision decision, String answer, String actor, Instant now) {
    if (this.decision != null) {
      throw DomainException.conflict("objection.answered", null, "该异议已答复", "this objection is already answered");
    }
    if (decision == null) {
      throw DomainException.badInput("objection.decision", "decision", "答复结论须为 dismissed、not-grounds、rereview 或 exclude",
          "decision must be dismissed, not-grounds, rereview or exclude");
    }
    this.answered = new ObjectionAnswer(answer, actor, now);
    this.decision = decision;
  }

  public String getId() {
    return id;
  }

  public String getCallId() {
    return callId;
  }

  public int getNoticeRound() {
    return noticeRound;
  }

  public String getProposalId() {
    return proposalId;
  }

  public String getName() {
    return objector.getName();
  }

  /** How the objector asked to be answered: a telephone number or an e-mail address, as given. */
  public String getContact() {
    return objector.getContact();
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
}
