package org.aipo.filing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link FilingStages} in memory for process tests: a record of the steps called. */
class InMemoryFilingStages implements FilingStages {

  final List<String> steps = new CopyOnWriteArrayList<>();
  Instant correctionDue = Instant.now().plus(Duration.ofDays(14));

  @Override
  public void forward(String serviceId, String note, String actor) {
    steps.add("forward " + serviceId + " by " + actor + ": " + note);
  }

  @Override
  public Instant returnForCorrection(String serviceId, String note, String actor) {
    steps.add("return " + serviceId + " by " + actor + ": " + note);
    return correctionDue;
  }

  @Override
  public void lapse(String serviceId) {
    steps.add("lapse " + serviceId);
  }

  @Override
  public void remindFilingDeadline(String serviceId) {
    steps.add("remind " + serviceId);
  }

  @Override
  public void recordLateFiling(String serviceId, String note, String actor) {
    steps.add("late " + serviceId + " by " + actor + ": " + note);
  }
}
