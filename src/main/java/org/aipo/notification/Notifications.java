package org.aipo.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.calendar.WorkingDays;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes messages to the outbox in the caller's transaction (issue 25): rolled-back work leaves no message, and
 * {@link OutboxSender} sends what committed. One message per event key, ever: a second call with the same key
 * (the engine retrying a job, two nodes racing) writes nothing. A message that cannot be sent as asked (no address,
 * a template without a value) is still written, as FAILED with the reason, so nothing is silently lost; it never
 * fails the caller's work.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications implements Notifier {

  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  /** The engine user's info key holding the language of their messages ({@code zh} or {@code en}; zh when unset). */
  public static final String LANGUAGE_INFO = "aipo.language";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  WorkingDays workingDays;

  /** The address this server is reached at, for the links in messages. */
  @Inject
  @ConfigProperty(name = "aipo.publicUrl", defaultValue = "http://localhost:8080")
  String publicUrl;

  private final Messages messages = new Messages();

  private final Clock clock = Clock.systemUTC();

  @Override
  public boolean send(Message message) {
    if (message.eventKey() == null || message.eventKey().isBlank() || message.eventKey().length() > 300) {
      throw new IllegalArgumentException("a message needs an event key of at most 300 characters: " + message.eventKey());
    }
    if (exists(message.eventKey())) {
      return false;
    }
    Instant now = clock.instant();
    Resolved to = resolve(message.recipient());
    OutboxMessage outbox = new OutboxMessage(message.eventKey(), message.kind(), message.recipient().userId(), to.address(), to.language(), now);
    String link = message.link() == null ? null : absolute(message.link());
    try {
      Messages.Rendered rendered = messages.render(message.kind(), to.language(), message.model(), to.name(), message.deadline(), link,
          workingDays.calendar(), now);
      String calendar = message.deadline() == null ? null
          : Calendars.deadline(message.eventKey(), rendered.subject(), link, message.deadline(), now);
      outbox.rendered(rendered.subject(), rendered.body(), calendar, link);
      if (to.address() == null) {
        outbox.failed("no e-mail address for " + describe(message.recipient()), now);
      } else if (!wellFormed(to.address())) {
        outbox.failed("not an e-mail address: " + to.address() + " (" + describe(message.recipient()) + ")", now);
      }
    } catch (Messages.RenderingFailed e) {
      outbox.rendered(null, null, null, link);
      outbox.failed(e.getMessage(), now);
    }
    if (outbox.getStatus() == OutboxMessage.Status.FAILED) {
      LOG.warning(() -> "Message " + message.eventKey() + " not sendable: " + outbox.getLastError());
    }
    entityManager.persist(outbox);
    return true;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> membersOf(String groupId) {
    return workflowEngine.processEngine().getIdentityService().createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(User::getId).toList();
  }

  private boolean exists(String eventKey) {
    return !entityManager.createQuery("select m.id from OutboxMessage m where m.eventKey = :key", String.class).setParameter("key", eventKey)
        .setMaxResults(1).getResultList().isEmpty();
  }

  private record Resolved(String address, String language, String name) {
  }

  private Resolved resolve(Message.Recipient recipient) {
    if (recipient.userId() == null) {
      return new Resolved(blankToNull(recipient.address()), language(recipient.language()), recipient.name());
    }
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    User user = identity.createUserQuery().userId(recipient.userId()).singleResult();
    if (user == null) {
      return new Resolved(null, "zh", recipient.userId());
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Resolved(blankToNull(user.getEmail()), language(identity.getUserInfo(recipient.userId(), LANGUAGE_INFO)),
        name.isEmpty() ? recipient.userId() : name);
  }

  /** An address the mail server could be asked to deliver to (RFC 822 syntax, one address, with a domain). */
  static boolean wellFormed(String address) {
    try {
      jakarta.mail.internet.InternetAddress parsed = new jakarta.mail.internet.InternetAddress(address, true);
      parsed.validate();
      return parsed.getAddress().contains("@");
    } catch (jakarta.mail.internet.AddressException e) {
      return false;
    }
  }

  private static String language(String language) {
    return "en".equals(language) ? "en" : "zh";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String describe(Message.Recipient recipient) {
    return recipient.userId() != null ? "user " + recipient.userId() : "recipient " + recipient.name();
  }

  private String absolute(String link) {
    if (link.startsWith("http://") || link.startsWith("https://")) {
      return link;
    }
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + (link.startsWith("/") ? link : "/" + link);
  }
}
