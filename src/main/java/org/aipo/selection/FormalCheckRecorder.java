package org.aipo.selection;

/** What the formal-check process records about a proposal (JPA in the server, memory in process tests). */
public interface FormalCheckRecorder {

  void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor);

  void withdrawUncorrected(String proposalId);

  String title(String proposalId);

  /** The proposal as the office reads it in the formal-check form. */
  String details(String proposalId);

  /**
   * Makes the proposal ineligible when its organisation had a failed or overdue acceptance in the last
   * three years; returns whether it did.
   */
  boolean excludeForPastAcceptance(String proposalId);
}
