package org.aipo.voucher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.aipo.common.Text;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${voucherFileLinks}} on "create" of {@code userTask_verifyRedemption}: each redemption-file link of the
 * form's {@code redemptionSummaryMarkdown} gets {@code ?task=} the task's id, so that the download's audit record
 * (GET /api/voucher-files/{id}?task=) names the task it was read for, as proposal documents' links do.
 */
@ApplicationScoped
@Named("voucherFileLinks")
public class VoucherFileLinks implements TaskListener {

  /** The form variable that holds the file links. */
  static final String VARIABLE = "redemptionSummaryMarkdown";

  /** What Camunda's text column holds for a string variable, less a margin. */
  static final int MAX_TEXT = 3990;

  private static final Pattern LINK = Pattern.compile("\\]\\((/api/voucher-files/[0-9a-fA-F-]{36})\\)");

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(VARIABLE) instanceof String text && text.contains("/api/voucher-files/")) {
      String linked = forTask(text, task.getId());
      task.setVariable(VARIABLE, linked.length() <= MAX_TEXT ? linked : Text.forTask(linked, "GET /api/voucher-files?voucherId={id}"));
    }
  }

  /** The text with every voucher-file link naming the task. */
  static String forTask(String text, String taskId) {
    Matcher links = LINK.matcher(text);
    return links.replaceAll(match -> Matcher.quoteReplacement("](" + match.group(1) + "?task=" + taskId + ")"));
  }
}
