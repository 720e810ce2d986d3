package org.aipo.proposal;

/** What the formal-check process records about a proposal (JPA in the server, memory in process tests). */
public interface FormalCheckRecorder {

  void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor);

  void withdrawUncorrected(String proposalId);

  String title(String proposalId);

  /** The applicant organisation's contact, to whom a correction request is sent (e-mail and language). */
  org.aipo.notification.Message.Recipient contact(String proposalId);

  /** The applicant organisation's name, shown in Tasklist's task list. */
  String applicant(String proposalId);

  /** The title of the call the proposal answers, shown in Tasklist's task list. */
  String callTitle(String proposalId);

  /** The proposal as the office reads it in the formal-check form. */
  String details(String proposalId);

  /**
   * Makes the proposal ineligible when its organisation had a failed or overdue acceptance in the last
   * three years; returns whether it did.
   */
  boolean excludeForPastAcceptance(String proposalId);
}
