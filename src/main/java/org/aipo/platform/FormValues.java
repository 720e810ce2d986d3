package org.aipo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aipo.common.Markdown;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a Camunda Form shows is text: the one place where the values of a form's {@code {{name}}} templates are
 * escaped (ADR 0008). A form's text components are markdown, and form-js puts a template's value into that
 * markdown as it is; a proposal titled {@code <img src=x onerror=alert(1)>} was a live image in the
 * formal-check form. The engine's {@link org.camunda.bpm.engine.FormService} is replaced by one whose form
 * variables, the values Tasklist fills a Camunda Form with ({@code GET /task/{id}/form-variables}), hold for each
 * name that the form shows through a template (and does not also edit as a field):
 * <ul>
 * <li>a name ending in {@value #MARKDOWN_SUFFIX} (e.g. {@code proposalDetailsMarkdown}): the value as it is.
 * Only markdown that our code built on purpose, every piece of outside text in it through
 * {@link Markdown#escape}, is given such a name;</li>
 * <li>any other name: the value as text, every markdown and HTML character escaped ({@link Markdown#escape}),
 * numbers, truth values and dates as they are, any other value (JSON, an object) as its text escaped.</li>
 * </ul>
 * Nothing is stored: the variables keep what was set, the task list and the variables tab (which Angular shows as
 * text) are unchanged, and a value changed while the task is open is shown escaped too.
 */
public final class FormValues {

  /** The ending of a variable name whose value is markdown built on purpose by our code, shown as it is. */
  public static final String MARKDOWN_SUFFIX = "Markdown";

  /** A template of a form's text: {@code {{name}}} with spaces allowed inside the braces. */
  static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  /** What a template may hold: one variable name (no FEEL path, no loop, no condition). */
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CACHED_FORMS = 500;
  private static final Map<String, Set<String>> SHOWN = new ConcurrentHashMap<>();

  private FormValues() {
  }

  /** The plugin that puts the escaping form service in the engine (the server's engine and the process tests'). */
  public static final class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setFormService(new EscapingFormService());
    }
  }

  /** Camunda's form service, with form variables as {@link FormValues} says. */
  public static final class EscapingFormService extends FormServiceImpl {

    @Override
    public VariableMap getTaskFormVariables(String taskId) {
      return getTaskFormVariables(taskId, null, true);
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
      VariableMap variables = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
      return shown(variables, deployedForm(context -> new GetTaskFormCmd(taskId).execute(context), new GetDeployedTaskFormCmd(taskId)));
    }

    @Override
    public VariableMap getStartFormVariables(String processDefinitionId) {
      return getStartFormVariables(processDefinitionId, null, true);
    }

    @Override
    public VariableMap getStartFormVariables(String processDefinitionId, Collection<String> formVariables, boolean deserializeObjectValues) {
      VariableMap variables = super.getStartFormVariables(processDefinitionId, formVariables, deserializeObjectValues);
      return shown(variables, deployedForm(context -> new GetStartFormCmd(processDefinitionId).execute(context),
          new GetDeployedStartFormCmd(processDefinitionId)));
    }

    /**
     * The Camunda Form of a task or start event, or null when it has none (a generic or embedded form). Read
     * without authorization checks: the caller has just been allowed to read the form's variables.
     */
    private String deployedForm(Command<FormData> formData, Command<InputStream> deployed) {
      return commandExecutor.execute(context -> context.runWithoutAuthorization(() -> {
        FormData data = formData.execute(context);
        String key = data.getFormKey();
        if (data.getCamundaFormRef() == null && (key == null || !key.startsWith("camunda-forms:"))) {
          return null;
        }
        try (InputStream form = deployed.execute(context)) {
          return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
  }

  /** The variables with every value that the form shows as {@link FormValues} says; unchanged without a form. */
  static VariableMap shown(VariableMap variables, String form) {
    if (form == null) {
      return variables;
    }
    for (String name : shownNames(form)) {
      if (variables.containsKey(name)) {
        variables.putValueTyped(name, shown(name, variables.getValueTyped(name)));
      }
    }
    return variables;
  }

  /** What the form shows of one value. */
  public static TypedValue shown(String name, TypedValue value) {
    if (name.endsWith(MARKDOWN_SUFFIX) || value == null) {
      return value;
    }
    Object raw;
    if (value instanceof SerializableValue serializable) {
      // JSON, XML or a Java object: its text (as serialized when it is, else as the object reads)
      String serialized = serializable.getValueSerialized();
      raw = serialized != null || !serializable.isDeserialized() ? serialized : serializable.getValue();
    } else {
      raw = value.getValue();
    }
    if (raw == null || raw instanceof Number || raw instanceof Boolean || raw instanceof java.util.Date) {
      return value;
    }
    return Variables.stringValue(Markdown.escape(raw.toString()));
  }

  /**
   * The names a form shows through its templates, less those of its fields (a field's value is the person's
   * input, which form-js shows in an input, not in markdown).
   */
  public static Set<String> shownNames(String form) {
    Set<String> cached = SHOWN.get(form);
    if (cached != null) {
      return cached;
    }
    Set<String> names = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    JsonNode schema = parse(form);
    collect(schema, names, keys);
    names.removeAll(keys);
    Set<String> shown = Set.copyOf(names);
    if (SHOWN.size() >= CACHED_FORMS) {
      SHOWN.clear();
    }
    SHOWN.put(form, shown);
    return shown;
  }

  /**
   * The templates of a form that are not one plain variable name (a FEEL path, a loop, a condition), and its
   * texts that are FEEL expressions: neither can be escaped by name, so the house rules refuse them.
   */
  public static Set<String> unescapable(String form) {
    Set<String> problems = new TreeSet<>();
    walk(parse(form), node -> {
      JsonNode text = node.get("text");
      if (text != null && text.isTextual()) {
        if (text.asText().startsWith("=")) {
          problems.add("text " + node.path("id").asText("?") + " is an expression (=…); show values only as {{name}}");
        }
        Matcher template = TEMPLATE.matcher(text.asText());
        while (template.find()) {
          if (!NAME.matcher(template.group(1)).matches()) {
            problems.add("template {{" + template.group(1) + "}} is not one variable name");
          }
        }
      }
      if ("html".equals(node.path("type").asText())) {
        problems.add("html component " + node.path("id").asText("?") + ": use a text (markdown) component");
      }
    });
    return problems;
  }

  private static JsonNode parse(String form) {
    try {
      return JSON.readTree(form);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form (JSON): " + e.getMessage(), e);
    }
  }

  private static void collect(JsonNode schema, Set<String> names, Set<String> keys) {
    walk(schema, node -> {
      JsonNode key = node.get("key");
      if (key != null && key.isTextual()) {
        keys.add(key.asText());
      }
      // every string of a component may be templated (text, label, description, …): take them all
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        JsonNode value = fields.next().getValue();
        if (value.isTextual()) {
          Matcher template = TEMPLATE.matcher(value.asText());
          while (template.find()) {
            if (NAME.matcher(template.group(1)).matches()) {
              names.add(template.group(1));
            }
          }
        }
      }
    });
  }

  private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      visit.accept(node);
      node.elements().forEachRemaining(child -> walk(child, visit));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> walk(child, visit));
    }
  }
}
