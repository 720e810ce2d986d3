package org.aipo.proposal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * {@code ${documentLinks}} on "create" of every task whose form shows a proposal's documents (formal check,
 * scoring, consensus, the secretariat's confirmation, objections): each document link of the form's text gets
 * {@code ?task=} the task's id, so that the download's audit record names the task it was read for.
 */
@ApplicationScoped
@Named("documentLinks")
public class DocumentLinks implements TaskListener {

  /** The form variables that may hold document links. */
  static final List<String> VARIABLES = List.of("proposalDetailsMarkdown", "itemDetailsMarkdown", "objectionMarkdown");

  /** What Camunda's text column holds for a string variable, less a margin. */
  static final int MAX_TEXT = 3990;

  private static final Pattern LINK = Pattern.compile("\\]\\((/api/documents/[0-9a-fA-F-]{36})\\)");

  @Override
  public void notify(DelegateTask task) {
    for (String name : VARIABLES) {
      if (task.getVariable(name) instanceof String text && text.contains("/api/documents/")) {
        String linked = forTask(text, task.getId());
        // a text variable holds at most 4000 characters: a text already cut to fit keeps its note unless the links'
        // task ids push it past that (many documents); then it is cut again (the documents come first, so the cut
        // takes the end of the proposal's text, not its links)
        task.setVariable(name, linked.length() <= MAX_TEXT ? linked
            : org.aipo.common.Text.forTask(linked, "GET /api/proposals/{id}, GET /api/documents?proposalId={id}"));
      }
    }
  }

  /** The text with every document link naming the task. */
  static String forTask(String text, String taskId) {
    Matcher links = LINK.matcher(text);
    return links.replaceAll(match -> Matcher.quoteReplacement("](" + match.group(1) + "?task=" + taskId + ")"));
  }
}
