package org.aipo.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aipo.api.ApiResource;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The outbox for administrators (issue 25): what was sent, what waits, what failed and why, and a retry for a
 * failed message. Without a mail server (the embedded demo) this is where a newcomer reads what would have been sent.
 */
@RequestScoped
@Path("outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("camunda-admin")
@Tag(name = "outbox", description = "发件箱 The e-mail outbox")
public class OutboxResource implements ApiResource {

  /** A message in the outbox. */
  @Schema(name = "OutboxMessage")
  public record MessageView(String id, @Schema(example = "expert-invitation:1234:expert1") String eventKey,
      @Schema(example = "expert-invitation") String kind, String recipientUser, String recipientAddress, @Schema(example = "zh") String language,
      String subject, String body, @Schema(description = "iCalendar entry of the deadline, if any") String calendar, String link,
      @Schema(example = "PENDING", description = "PENDING, SENDING, SENT or FAILED") String status, int attempts, Instant nextAttemptAt,
      String lastError, String claimedBy, Instant createdAt, Instant sentAt) {

    static MessageView of(OutboxMessage m) {
      return new MessageView(m.getId(), m.getEventKey(), m.getKind(), m.getRecipientUser(), m.getRecipientAddress(), m.getLanguage(),
          m.getSubject(), m.getBody(), m.getCalendar(), m.getLink(), m.getStatus().name(), m.getAttempts(), m.getNextAttemptAt(),
          m.getLastError(), m.getClaimedBy(), m.getCreatedAt(), m.getSentAt());
    }
  }

  /** The outbox at a glance. */
  @Schema(name = "OutboxSummary")
  public record SummaryView(@Schema(description = "是否配置了邮件服务器 Whether a mail server is configured (MAIL_HOST)") boolean mailServerConfigured,
      long pending, long sending, long sent, long failed, List<MessageView> messages) {
  }

  @Inject
  OutboxStore store;

  @Inject
  OutboxSender sender;

  private final Clock clock = Clock.systemUTC();

  @GET
  @Operation(summary = "发件箱：待发、已发、失败的消息 The outbox: pending, sent and failed messages")
  @APIResponse(responseCode = "200", description = "发件箱 The outbox, newest first", content = @Content(schema = @Schema(implementation = SummaryView.class)))
  public SummaryView list(@Parameter(description = "PENDING, SENDING, SENT or FAILED; all when absent") @QueryParam("status") String status,
      @Parameter(description = "at most this many messages (1–500)") @QueryParam("limit") @DefaultValue("100") int limit) {
    OutboxMessage.Status wanted = status(status);
    if (limit < 1 || limit > 500) {
      throw DomainException.badInput("outbox.limit", "limit", "limit 须在 1 到 500 之间", "limit must be between 1 and 500");
    }
    return new SummaryView(sender.configured(), store.count(OutboxMessage.Status.PENDING), store.count(OutboxMessage.Status.SENDING),
        store.count(OutboxMessage.Status.SENT), store.count(OutboxMessage.Status.FAILED),
        store.list(wanted, limit).stream().map(MessageView::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "发件箱中的一条消息 One message of the outbox")
  @APIResponse(responseCode = "200", description = "消息 The message", content = @Content(schema = @Schema(implementation = MessageView.class)))
  public MessageView get(@PathParam("id") String id) {
    return MessageView.of(store.found(id));
  }

  @POST
  @Path("{id}/retry")
  @Operation(summary = "重发一条失败的消息 Send a failed message again")
  @APIResponse(responseCode = "200", description = "已排队重发 Queued to be sent again", content = @Content(schema = @Schema(implementation = MessageView.class)))
  public MessageView retry(@PathParam("id") String id) {
    return MessageView.of(store.retry(id, clock.instant()));
  }

  private static OutboxMessage.Status status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OutboxMessage.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("outbox.status", "status", "status 须为 PENDING、SENDING、SENT 或 FAILED", "status must be PENDING, SENDING, SENT or FAILED");
    }
  }
}
