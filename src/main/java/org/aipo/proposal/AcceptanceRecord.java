package org.aipo.proposal;

import org.aipo.common.DomainException;
import org.aipo.applicant.CreditCode;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.aipo.common.Text;

/**
 * The result of a funded project's final acceptance (验收) for an organisation, by credit code. A failed
 * or overdue acceptance in the last three years makes the organisation ineligible for new calls.
 */
@Entity
@Table(name = "AIPO_ACCEPTANCE_RECORD")
@NamedQuery(name = AcceptanceRecord.ADVERSE_SINCE, query = "select a from AcceptanceRecord a where a.creditCode = :code"
    + " and a.outcome <> org.aipo.proposal.AcceptanceRecord.Outcome.PASSED and a.decidedOn >= :since order by a.decidedOn desc")
public class AcceptanceRecord {

  static final String ADVERSE_SINCE = "AcceptanceRecord.adverseSince";

  public enum Outcome { PASSED, FAILED, OVERDUE }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "CREDIT_CODE", nullable = false, length = 18)
  private String creditCode;

  @Column(name = "PROJECT", nullable = false, length = 300)
  private String project;

  @Enumerated(EnumType.STRING)
  @Column(name = "OUTCOME", nullable = false, length = 16)
  private Outcome outcome;

  @Column(name = "DECIDED_ON", nullable = false)
  private LocalDate decidedOn;

  protected AcceptanceRecord() {
    // for JPA
  }

  public AcceptanceRecord(String creditCode, String project, Outcome outcome, LocalDate decidedOn) {
    this.id = UUID.randomUUID().toString();
    this.creditCode = CreditCode.check(creditCode);
    this.project = Text.required(project, "project", 300);
    if (outcome == null) {
      throw DomainException.badInput("acceptance.outcome", "outcome", "验收结论须为 PASSED、FAILED 或 OVERDUE", "outcome must be PASSED, FAILED or OVERDUE");
    }
    if (decidedOn == null) {
      throw DomainException.badInput("acceptance.decided-on-required", "decidedOn", "decidedOn 为必填项（yyyy-MM-dd）", "decidedOn is required (yyyy-MM-dd)");
    }
    this.outcome = outcome;
    this.decidedOn = decidedOn;
  }

  public String getProject() {
    return project;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }
}
