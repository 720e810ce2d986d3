package org.aipo.project;

/**
 * What {@code processes/demonstration-project.bpmn} does to an awarded project's records: its milestones
 * (mid-term check, final acceptance 验收), each reviewed by experts, and the benchmark (标杆) designation.
 */
public interface ProjectStages {

  enum Milestone { MID_TERM, ACCEPTANCE }

  /** When the milestone's report is due, counted from now (the award), for the overdue timers. */
  java.time.Instant dueDate(String proposalId, Milestone milestone);

  /** Stores a review request of the project for this milestone; its id. */
  String prepareReview(String proposalId, Milestone milestone);

  /** Records the review's result for the milestone (and, for acceptance, the acceptance record); whether it passed. */
  boolean recordReview(String proposalId, Milestone milestone, String reviewRequestId);

  /** No report by the due date: recorded; an overdue acceptance counts against the applicant. */
  void recordOverdue(String proposalId, Milestone milestone);

  void designateBenchmark(String proposalId, boolean designated, String reasons, String actor);

  String title(String proposalId);
}
