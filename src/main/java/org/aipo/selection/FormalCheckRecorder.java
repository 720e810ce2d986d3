package org.aipo.selection;

/** What the formal-check process records about a proposal (JPA in the server, memory in process tests). */
public interface FormalCheckRecorder {

  void recordFormalCheck(String proposalId, Proposal.FormalCheck outcome, String reasons, String actor);

  void withdrawUncorrected(String proposalId);

  String title(String proposalId);
}
