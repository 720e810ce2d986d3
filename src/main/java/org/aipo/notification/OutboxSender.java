package org.aipo.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.aipo.config.Settings;
import org.aipo.platform.EngineStarted;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox after commit (issue 25): every few seconds, on every node, it claims the due messages one by one
 * (a version check: of two nodes, one wins), sends each through the server's mail session ({@code mail/programmeOffice},
 * server.xml), and records the result. A failed attempt is retried with back-off (doubling from
 * {@code aipo.mail.retrySeconds}, at most an hour) up to {@code aipo.mail.maxAttempts}, then FAILED for an
 * administrator. A send a crash interrupted is never repeated on its own ({@link OutboxStore#recoverInterrupted}).
 * Without a mail host (the embedded demo) nothing is sent: messages stay PENDING and readable in the outbox.
 */
@ApplicationScoped
public class OutboxSender {

  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

  @Resource(lookup = "mail/programmeOffice")
  Session mailSession;

  @Resource
  ManagedScheduledExecutorService scheduler;

  @Inject
  OutboxStore store;

  @Inject
  Settings settings;

  @Inject
  TaskDeadlines taskDeadlines;

  /** How often every node looks for Tasklist deadlines to remind of or escalate ({@link TaskDeadlines}). */
  @Inject
  @ConfigProperty(name = "aipo.notify.scanSeconds", defaultValue = "60")
  int scanSeconds;

  @Inject
  @ConfigProperty(name = "aipo.mail.pollSeconds", defaultValue = "5")
  int pollSeconds;

  @Inject
  @ConfigProperty(name = "aipo.mail.retrySeconds", defaultValue = "30")
  int retrySeconds;

  @Inject
  @ConfigProperty(name = "aipo.mail.maxAttempts", defaultValue = "12")
  int maxAttempts;

  /** How long a claimed send may take before it counts as interrupted (well above the SMTP timeouts of server.xml). */
  @Inject
  @ConfigProperty(name = "aipo.mail.sendLease", defaultValue = "PT2M")
  String sendLease;

  /** This JVM when the node has no configured name (aipo.node.name): its process id, for the outbox's "claimed by". */
  private static final String LOCAL_NODE = "pid-" + ProcessHandle.current().pid();

  private final Clock clock = Clock.systemUTC();

  private ScheduledFuture<?> polling;

  private ScheduledFuture<?> scanning;

  void start(@Observes EngineStarted started) {
    if (!configured()) {
      LOG.warning("No mail server (MAIL_HOST is empty): messages are written to the outbox and not sent; GET /api/outbox shows them");
    }
    polling = scheduler.scheduleWithFixedDelay(this::pollSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    scanning = scheduler.scheduleWithFixedDelay(this::scanSafely, scanSeconds, scanSeconds, TimeUnit.SECONDS);
  }

  private void scanSafely() {
    try {
      taskDeadlines.scan();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Deadline scan failed; next scan in " + scanSeconds + " s", e);
    }
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
    if (scanning != null) {
      scanning.cancel(false);
    }
  }

  /** Whether a mail host is configured. */
  public boolean configured() {
    String host = mailSession == null ? null : mailSession.getProperty("mail.smtp.host");
    if (host == null || host.isBlank()) {
      host = mailSession == null ? null : mailSession.getProperty("mail.host");
    }
    return host != null && !host.isBlank();
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox poll failed; next poll in " + pollSeconds + " s", e);
    }
  }

  /** One round: recover interrupted sends, then send what is due. Returns how many were sent. */
  public int poll() {
    Instant now = clock.instant();
    int recovered = store.recoverInterrupted(now, Duration.parse(sendLease));
    if (recovered > 0) {
      LOG.warning(recovered + " outbox message(s) were interrupted while sending and are FAILED for an administrator to check");
    }
    if (!configured()) {
      return 0;
    }
    int sent = 0;
    List<String> due = store.due(now, 50);
    String node = settings.nodeName().orElse(LOCAL_NODE);
    for (String id : due) {
      OutboxMessage message;
      try {
        message = store.claim(id, node, clock.instant());
      } catch (RuntimeException e) {
        continue; // another node claimed it first
      }
      if (message == null) {
        continue;
      }
      try {
        transmit(message);
        store.sent(id, clock.instant());
        sent++;
      } catch (MessagingException | RuntimeException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        Duration backOff = Duration.ofSeconds(Math.min(3600L, (long) retrySeconds << Math.min(20, message.getAttempts() - 1)));
        store.attemptFailed(id, error, clock.instant(), backOff, maxAttempts);
        LOG.info(() -> "Sending " + message.getEventKey() + " failed (attempt " + message.getAttempts() + "): " + error);
      }
    }
    return sent;
  }

  private void transmit(OutboxMessage message) throws MessagingException {
    MimeMessage mime = new MimeMessage(mailSession);
    String from = mailSession.getProperty("mail.from");
    if (from != null && !from.isBlank()) {
      mime.setFrom(new InternetAddress(from, true));
    } else {
      mime.setFrom();
    }
    mime.setRecipient(RecipientType.TO, new InternetAddress(message.getRecipientAddress(), true));
    mime.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
    mime.setSentDate(new Date());
    // the event key travels with the message: a recipient's system (or a test) can see it is one event
    mime.setHeader("X-AIPO-Event", message.getEventKey());
    if (message.getCalendar() == null) {
      mime.setText(message.getBody(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.getBody(), StandardCharsets.UTF_8.name());
      MimeBodyPart calendar = new MimeBodyPart();
      calendar.setContent(message.getCalendar(), "text/calendar; charset=UTF-8; method=PUBLISH");
      calendar.setFileName("deadline.ics");
      mime.setContent(new MimeMultipart(text, calendar));
    }
    mime.saveChanges();
    Transport.send(mime);
  }
}
