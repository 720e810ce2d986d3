package org.aipo.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;

import javax.naming.InitialContext;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.CDI;

import org.aipo.notification.Message;
import org.aipo.notification.OutboxMessage;
import org.aipo.notification.OutboxProbe;
import org.aipo.notification.OutboxSender;
import org.aipo.notification.OutboxStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox's guarantees inside Liberty, with its real transactions (issue 25): work that rolls back leaves no
 * message; a send a crash interrupted is never repeated on its own; of two nodes claiming one message, one wins; a
 * message that cannot be sent as asked is recorded as failed with the reason, never lost.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

  @Deployment
  static WebArchive deployment() {
    return ServerItBase.applicationWarWith(OutboxIT.class, OutboxProbe.class);
  }

  OutboxProbe probe;
  OutboxStore store;
  OutboxSender sender;
  String run;

  @BeforeEach
  void lookUp() {
    probe = CDI.current().select(OutboxProbe.class).get();
    store = CDI.current().select(OutboxStore.class).get();
    sender = CDI.current().select(OutboxSender.class).get();
    run = UUID.randomUUID().toString();
  }

  static Message reminder(String key, Message.Recipient to) {
    return new Message(key, "deadline-reminder", to, Map.of("taskName", "评分", "subjectTitle", "测试"), Instant.now().plus(Duration.ofDays(2)),
        "/camunda/app/tasklist/default/#/?task=x");
  }

  @Test
  void rolledBackWorkLeavesNoMessageAndCommittedWorkExactlyOne() {
    Message.Recipient office = Message.Recipient.user("office");
    Exception failed = assertThrows(Exception.class, () -> probe.sendThenFail(reminder("rolled-back:" + run, office)));
    assertTrue(String.valueOf(failed.getMessage()).contains("the work failed") || String.valueOf(failed.getCause()).contains("the work failed"),
        failed.toString());
    assertTrue(probe.byKey("rolled-back:" + run).isEmpty(), "rolled-back work left a message");

    assertTrue(probe.send(reminder("committed:" + run, office)));
    assertFalse(probe.send(reminder("committed:" + run, office)), "the same event again");
    OutboxMessage written = probe.byKey("committed:" + run).orElseThrow();
    assertEquals("office@demo.aipo.invalid", written.getRecipientAddress());
    assertTrue(written.getSubject().contains("评分"), written.getSubject());
    assertTrue(written.getCalendar().contains("BEGIN:VEVENT"), written.getCalendar());
  }

  @Test
  void aSendACrashInterruptedIsFailedForAnAdministratorAndNeverRepeatedOnItsOwn() {
    String id = probe.interruptedSend("interrupted:" + run);
    sender.poll();
    OutboxMessage after = store.found(id);
    assertEquals(OutboxMessage.Status.FAILED, after.getStatus());
    assertTrue(after.getLastError().contains("interrupted") && after.getLastError().contains("node-that-died"), after.getLastError());
    assertEquals(1, after.getAttempts());
    sender.poll();
    assertEquals(OutboxMessage.Status.FAILED, store.found(id).getStatus());
    assertEquals(1, store.found(id).getAttempts());
    // the administrator's retry puts it back in the queue
    assertEquals(OutboxMessage.Status.PENDING, store.retry(id, Instant.now()).getStatus());
  }

  @Test
  void ofTwoNodesClaimingOneMessageExactlyOneWins() throws Exception {
    String id = probe.dueInAnHour("claimed-twice:" + run);
    Instant later = Instant.now().plus(Duration.ofHours(2));
    ManagedExecutorService executor = (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
    for (int round = 0; round < 3; round++) {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Boolean>> claims = new ArrayList<>();
      String node = "round" + round;
      for (String name : List.of(node + "-a", node + "-b")) {
        claims.add(executor.submit(() -> {
          start.await();
          try {
            return store.claim(id, name, later) != null;
          } catch (RuntimeException e) {
            return false;
          }
        }));
      }
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      if (round == 0) {
        assertEquals(1, won, "one node claims it");
        assertEquals(OutboxMessage.Status.SENDING, store.found(id).getStatus());
        assertTrue(store.found(id).getClaimedBy().startsWith("round0-"));
      } else {
        assertEquals(0, won, "a claimed message is nobody's to claim again");
      }
    }
    assertEquals(1, store.found(id).getAttempts());
  }

  @Test
  void aMessageThatCannotBeSentAsAskedIsRecordedWithTheReason() {
    probe.send(reminder("no-user:" + run, Message.Recipient.user("no-such-user-" + run)));
    OutboxMessage noAddress = probe.byKey("no-user:" + run).orElseThrow();
    assertEquals(OutboxMessage.Status.FAILED, noAddress.getStatus());
    assertTrue(noAddress.getLastError().contains("no e-mail address"), noAddress.getLastError());

    probe.send(reminder("bad-address:" + run, Message.Recipient.address("not an address@", "zh", "某")));
    OutboxMessage badAddress = probe.byKey("bad-address:" + run).orElseThrow();
    assertEquals(OutboxMessage.Status.FAILED, badAddress.getStatus());
    assertTrue(badAddress.getLastError().contains("not an e-mail address"), badAddress.getLastError());

    probe.send(new Message("missing-value:" + run, "correction-request", Message.Recipient.address("a@b.example", "zh", "甲"),
        Map.of("subjectTitle", "缺少理由"), Instant.now(), null));
    OutboxMessage missing = probe.byKey("missing-value:" + run).orElseThrow();
    assertEquals(OutboxMessage.Status.FAILED, missing.getStatus());
    assertTrue(missing.getLastError().contains("correction-request.zh") && missing.getLastError().contains("no value for note"), missing.getLastError());
    Exception refused = assertThrows(Exception.class, () -> store.retry(missing.getId(), Instant.now()));
    assertTrue(String.valueOf(refused.getMessage()).contains("cannot be retried") || String.valueOf(refused.getCause()).contains("cannot be retried"),
        refused.toString());

    await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertEquals(OutboxMessage.Status.FAILED, store.found(missing.getId()).getStatus(), "the sender leaves it alone");
  }
}
