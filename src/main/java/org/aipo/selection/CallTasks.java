package org.aipo.selection;

import org.aipo.project.ProjectStages;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code ${callTasks...}}: what the call and project processes show and wait for (titles, the ranking
 * table, an objection, the call's window for its timers).
 */
@ApplicationScoped
@Named("callTasks")
public class CallTasks {

  private CallStages calls;
  private ProjectStages projects;

  protected CallTasks() {
    // for the CDI proxy
  }

  @Inject
  public CallTasks(CallStages calls, ProjectStages projects) {
    this.calls = calls;
    this.projects = projects;
  }

  public Date opensAt(String callId) {
    return Date.from(calls.opensAt(callId));
  }

  public Date closesAt(String callId) {
    return Date.from(calls.closesAt(callId));
  }

  public String title(String callId) {
    return calls.title(callId);
  }

  public String objection(String objectionId) {
    return org.aipo.common.Text.forTask(calls.objectionSummary(objectionId), "Cockpit, objection " + objectionId);
  }

  public String projectTitle(String proposalId) {
    return projects.title(proposalId);
  }
}
