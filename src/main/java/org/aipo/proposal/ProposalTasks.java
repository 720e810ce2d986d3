package org.aipo.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What {@code proposal-formal-check.bpmn} shows about a proposal: {@code ${proposalTasks.title(proposalId)}}. */
@ApplicationScoped
@Named("proposalTasks")
public class ProposalTasks {

  private FormalCheckRecorder recorder;

  protected ProposalTasks() {
    // for the CDI proxy
  }

  @Inject
  public ProposalTasks(FormalCheckRecorder recorder) {
    this.recorder = recorder;
  }

  public String title(String proposalId) {
    return recorder.title(proposalId);
  }

  public String applicant(String proposalId) {
    return recorder.applicant(proposalId);
  }

  public String callTitle(String proposalId) {
    return recorder.callTitle(proposalId);
  }

  public String details(String proposalId) {
    return org.aipo.common.Text.forTask(recorder.details(proposalId), "GET /api/proposals/" + proposalId);
  }
}
