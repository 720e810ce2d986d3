package org.aipo.selection;

import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.call.DemonstrationCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${drawReviewGroupsDelegate}} on {@code serviceTask_drawGroups}: one review request per review group, all drawn as
 * one call-level draw (分组抽取专家, docs/adr/0020); sets {@code reviewRequestIds} for the reviews, one per group.
 */
@ApplicationScoped
@Named("drawReviewGroupsDelegate")
public class DrawReviewGroupsDelegate implements JavaDelegate {

  private CallStages stages;

  protected DrawReviewGroupsDelegate() {
    // for the CDI proxy
  }

  @Inject
  public DrawReviewGroupsDelegate(CallStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callId = (String) execution.getVariable(DemonstrationCall.VAR_CALL);
    execution.setVariable("reviewRequestIds", new ArrayList<>(stages.drawGroups(callId)));
  }
}
