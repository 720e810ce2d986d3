package org.aipo.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import org.aipo.calendar.WorkingDayCalendar;

/**
 * The messages' templates (FreeMarker, {@code notification/templates/<kind>.<zh|en>.ftl} on the class path): the
 * first line is the subject, the rest the body. A template refers only to values it is given: a missing one is an
 * error ({@link RenderingFailed}) that the outbox records, never a message with a hole in it.
 */
public final class Messages {

  /** The kinds of message there are templates for, each in Chinese and English. */
  public static final List<String> KINDS = List.of("expert-invitation", "deadline-reminder", "deadline-escalation", "correction-request",
      "decision", "holiday-schedule-missing");

  public static final List<String> LANGUAGES = List.of("zh", "en");

  private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A template that could not be rendered: the kind, the language and what was missing. */
  public static final class RenderingFailed extends Exception {
    private static final long serialVersionUID = 1L;

    RenderingFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A rendered message. */
  public record Rendered(String subject, String body) {
  }

  private final Configuration configuration;

  public Messages() {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setClassLoaderForTemplateLoading(Messages.class.getClassLoader(), "notification/templates");
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setLocale(Locale.ROOT);
    configuration.setNumberFormat("computer");
  }

  /**
   * Renders a kind in a language. The model gets {@code recipientName}, {@code link} (absolute), and for a deadline
   * {@code deadline} (Beijing time, "yyyy-MM-dd HH:mm") and {@code workingDaysLeft} (working days from today,
   * Beijing, to the deadline's day, both counted as the calendar counts them).
   */
  public Rendered render(String kind, String language, Map<String, Object> model, String recipientName, Instant deadline, String link,
      WorkingDayCalendar calendar, Instant now) throws RenderingFailed {
    if (!KINDS.contains(kind)) {
      throw new RenderingFailed("no template for the kind " + kind, null);
    }
    String lang = LANGUAGES.contains(language) ? language : "zh";
    Map<String, Object> values = new HashMap<>(model == null ? Map.of() : model);
    values.put("recipientName", recipientName == null ? "" : recipientName);
    if (link != null) {
      values.put("link", link);
    }
    if (deadline != null) {
      ZonedDateTime due = deadline.atZone(WorkingDayCalendar.CHINA);
      values.put("deadline", BEIJING.format(due));
      values.put("workingDaysLeft", workingDaysBetween(calendar, now.atZone(WorkingDayCalendar.CHINA).toLocalDate(), due.toLocalDate()));
    }
    try {
      Template template = configuration.getTemplate(kind + "." + lang + ".ftl");
      StringWriter out = new StringWriter();
      template.process(values, out);
      String text = out.toString().replace("\r\n", "\n");
      int newline = text.indexOf('\n');
      if (newline < 0) {
        throw new RenderingFailed("the template " + kind + "." + lang + " gave no body", null);
      }
      return new Rendered(text.substring(0, newline).trim(), text.substring(newline + 1).strip() + "\n");
    } catch (TemplateException e) {
      String blamed = e.getBlamedExpressionString();
      throw new RenderingFailed("the template " + kind + "." + lang + " could not be rendered: "
          + (blamed == null ? firstLine(e.getMessage()) : "no value for " + blamed), e);
    } catch (IOException e) {
      throw new RenderingFailed("the template " + kind + "." + lang + " could not be read: " + e.getMessage(), e);
    }
  }

  /** Working days after {@code today} up to and including {@code day} (0 when the day is today or past). */
  static int workingDaysBetween(WorkingDayCalendar calendar, LocalDate today, LocalDate day) {
    int count = 0;
    for (LocalDate d = today.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
